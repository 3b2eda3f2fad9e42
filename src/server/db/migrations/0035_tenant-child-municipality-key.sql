-- Issue 15 (ADR 0006): a row that belongs to a parent row of its municipality by a NOT NULL composite key
-- ((municipality_id, case_id) references case_file (municipality_id, id)) does not also carry the plain key
-- municipality_id references municipality (id): the parent row has that municipality_id, and the parent's own keys lead
-- to a citizen, whose plain key to municipality stays. So the database still refuses a municipality that does not
-- exist, by the composite key's name. The plain key cost a check (a lookup and a key-share lock of the municipality
-- row) per written row: 13 of the ≈ 20 rows an imported case writes, 1.3 million checks at 100,000 file rows
-- (docs/PERFORMANCE.md). Only the tables the import writes; tests/integration/tenant-keys.test.ts holds every tenant
-- table to "a plain key to municipality, or a NOT NULL composite key to a tenant table that has one, in a chain".
alter table case_file drop constraint case_file_municipality_id_fkey;
alter table case_request drop constraint case_request_municipality_id_fkey;
alter table case_event drop constraint case_event_municipality_id_fkey;
alter table case_deadline drop constraint case_deadline_municipality_id_fkey;
alter table assessment drop constraint assessment_municipality_id_fkey;
alter table assessment_theme drop constraint assessment_theme_municipality_id_fkey;
alter table assessment_condition drop constraint assessment_condition_municipality_id_fkey;
alter table assessment_goal drop constraint assessment_goal_municipality_id_fkey;
alter table case_target_group drop constraint case_target_group_municipality_id_fkey;
alter table decision drop constraint decision_municipality_id_fkey;
alter table case_order drop constraint case_order_municipality_id_fkey;
alter table order_goal drop constraint order_goal_municipality_id_fkey;
alter table order_service drop constraint order_service_municipality_id_fkey;
