-- Tenant keys (issue 9): municipality_id becomes part of every key of every tenant table.
--
-- * Every tenant table gets `primary key (municipality_id, id)` (link tables: a natural key led by municipality_id).
-- * Every foreign key between tenant tables becomes composite, `(municipality_id, x_id) references x (municipality_id,
--   id)`: the database itself now refuses a row of one municipality that points at another's row. Foreign-key checks
--   bypass row-level security, so until now only service code stopped that.
-- * Every unique constraint and unique index includes municipality_id.
-- * audit_log.municipality_id is never null: platform events (a failed log-in of an unknown user) go to the system
--   chain, a reserved municipality row marked is_system that no list or catalogue shows.
--
-- This is the shape a tenant-distributed PostgreSQL needs (Citus: create_distributed_table(..., 'municipality_id'),
-- municipality and the FFB code lists as reference tables); see docs/SCALING.md. Existing rows are kept as they are:
-- only keys and indexes are rebuilt, and the platform chain's rows move to the system chain's id. A row that already
-- points across municipalities makes the migration stop at the foreign key that names it (nothing is applied).
-- Runs on PostgreSQL 15 and PGlite (Postgres 18).

-- 1. The system chain ------------------------------------------------------------------------------------------------
alter table municipality add column is_system boolean not null default false;
-- At most one system row.
create unique index municipality_one_system_idx on municipality (is_system) where is_system;
insert into municipality (id, code, name, is_system)
values ('00000000-0000-0000-0000-000000000000', '000', 'Visitator (platform events)', true);

-- The public catalogue names municipalities; the system row is none.
drop policy public_read on municipality;
create policy public_read on municipality for select using (not is_system);

update audit_log set municipality_id = '00000000-0000-0000-0000-000000000000' where municipality_id is null;
alter table audit_log alter column municipality_id set not null;

-- 2. Drop every foreign key between tenant tables (they hang on the single-column keys) ----------------------------
alter table org_unit drop constraint org_unit_parent_id_fkey;
alter table app_user drop constraint app_user_unit_id_fkey;
alter table app_user drop constraint app_user_citizen_fk;
alter table app_user_offer drop constraint app_user_offer_user_id_fkey;
alter table app_user_offer drop constraint app_user_offer_unit_id_fkey;
alter table service_description_version drop constraint service_description_version_service_description_id_fkey;
alter table service_description_version drop constraint service_description_version_created_by_fkey;
alter table service_description_version drop constraint service_description_version_approved_by_fkey;
alter table offer drop constraint offer_org_unit_id_fkey;
alter table case_file drop constraint case_file_citizen_id_fkey;
alter table case_file drop constraint case_file_caseworker_id_fkey;
alter table case_request drop constraint case_request_case_id_fkey;
alter table case_deadline drop constraint case_deadline_case_id_fkey;
alter table case_document drop constraint case_document_case_id_fkey;
alter table case_event drop constraint case_event_case_id_fkey;
alter table case_event drop constraint case_event_document_id_fkey;
alter table assessment drop constraint assessment_case_id_fkey;
alter table assessment_theme drop constraint assessment_theme_assessment_id_fkey;
alter table decision drop constraint decision_case_id_fkey;
alter table decision drop constraint decision_service_description_version_id_fkey;
alter table decision drop constraint decision_decided_by_fkey;
alter table decision drop constraint decision_letter_document_id_fkey;
alter table case_order drop constraint case_order_case_id_fkey;
alter table case_order drop constraint case_order_decision_id_fkey;
alter table case_order drop constraint case_order_offer_id_fkey;
alter table order_goal drop constraint order_goal_order_id_fkey;
alter table complaint drop constraint complaint_case_id_fkey;
alter table complaint drop constraint complaint_decision_id_fkey;
alter table complaint drop constraint complaint_forwarding_document_id_fkey;
alter table complaint drop constraint complaint_registered_by_fkey;
alter table outreach_contact drop constraint outreach_contact_case_id_fkey;
alter table order_subgoal drop constraint order_subgoal_order_id_fkey;
alter table order_subgoal drop constraint order_subgoal_goal_id_fkey;
alter table order_journal drop constraint order_journal_order_id_fkey;
alter table order_journal drop constraint order_journal_goal_id_fkey;
alter table delivered_hours drop constraint delivered_hours_order_id_fkey;
alter table fko_status drop constraint fko_status_order_id_fkey;
alter table fko_status drop constraint fko_status_goal_id_fkey;
alter table case_message drop constraint case_message_case_id_fkey;
alter table case_message drop constraint case_message_order_id_fkey;
alter table follow_up drop constraint follow_up_case_id_fkey;
alter table follow_up drop constraint follow_up_order_id_fkey;
alter table follow_up drop constraint follow_up_decision_id_fkey;

-- 3. Primary keys led by municipality_id ------------------------------------------------------------------------------
alter table org_unit drop constraint org_unit_pkey, add primary key (municipality_id, id);
alter table app_user drop constraint app_user_pkey, add primary key (municipality_id, id);
alter table app_user_offer drop constraint app_user_offer_pkey, add primary key (municipality_id, user_id, unit_id);
alter table citizen drop constraint citizen_pkey, add primary key (municipality_id, id);
alter table audit_log drop constraint audit_log_pkey, add primary key (municipality_id, id);
alter table service_description drop constraint service_description_pkey, add primary key (municipality_id, id);
alter table service_description_version drop constraint service_description_version_pkey, add primary key (municipality_id, id);
alter table offer drop constraint offer_pkey, add primary key (municipality_id, id);
alter table case_file drop constraint case_file_pkey, add primary key (municipality_id, id);
alter table case_request drop constraint case_request_pkey, add primary key (municipality_id, id);
alter table case_deadline drop constraint case_deadline_pkey, add primary key (municipality_id, id);
alter table case_document drop constraint case_document_pkey, add primary key (municipality_id, id);
alter table case_event drop constraint case_event_pkey, add primary key (municipality_id, id);
alter table assessment drop constraint assessment_pkey, add primary key (municipality_id, id);
alter table assessment_theme drop constraint assessment_theme_pkey, add primary key (municipality_id, assessment_id, theme_code);
alter table decision drop constraint decision_pkey, add primary key (municipality_id, id);
alter table case_order drop constraint case_order_pkey, add primary key (municipality_id, id);
alter table order_goal drop constraint order_goal_pkey, add primary key (municipality_id, id);
alter table complaint drop constraint complaint_pkey, add primary key (municipality_id, id);
alter table outreach_contact drop constraint outreach_contact_pkey, add primary key (municipality_id, id);
alter table order_subgoal drop constraint order_subgoal_pkey, add primary key (municipality_id, id);
alter table order_journal drop constraint order_journal_pkey, add primary key (municipality_id, id);
alter table delivered_hours drop constraint delivered_hours_pkey, add primary key (municipality_id, id);
alter table fko_status drop constraint fko_status_pkey, add primary key (municipality_id, id);
alter table case_message drop constraint case_message_pkey, add primary key (municipality_id, id);
alter table follow_up drop constraint follow_up_pkey, add primary key (municipality_id, id);

-- The audit chain is read by (municipality_id, id): the primary key is now that index.
drop index audit_log_chain_idx;

-- 4. Unique constraints and unique indexes led by municipality_id ---------------------------------------------------
-- An OIDC subject is unique within its municipality. Log-in looks a subject up before the municipality is known
-- (as the owner, no tenant): app_user_oidc_subject_idx serves that, and a subject found in two municipalities is
-- refused (platform/auth/identity.repository.ts).
alter table app_user drop constraint app_user_oidc_subject_key,
  add constraint app_user_municipality_id_oidc_subject_key unique (municipality_id, oidc_subject);
create index app_user_oidc_subject_idx on app_user (oidc_subject);
-- The session resolves its user by id before the municipality is known (guard.ts, as the owner).
create index app_user_id_idx on app_user (id);
-- The demo log-in page lists demo users of every municipality (as the owner).
create index app_user_demo_idx on app_user (municipality_id, role, name) where is_demo;
-- The catalogue is public: its public_read policies open rows of every municipality, so a read by id (the public
-- catalogue, with no municipality; and a join from tenant data, where the policy is `tenant OR public`) has no
-- municipality_id to lead with. These serve it.
create index service_description_id_idx on service_description (id);
create index service_description_version_id_idx on service_description_version (id);
create index offer_id_idx on offer (id);

alter table case_request drop constraint case_request_case_id_key,
  add constraint case_request_municipality_id_case_id_key unique (municipality_id, case_id);
alter table assessment drop constraint assessment_case_id_key,
  add constraint assessment_municipality_id_case_id_key unique (municipality_id, case_id);
alter table service_description_version drop constraint service_description_version_service_description_id_number_key,
  add constraint service_description_version_municipality_id_description_number_key
    unique (municipality_id, service_description_id, number);
alter table order_goal drop constraint order_goal_order_id_position_key,
  add constraint order_goal_municipality_id_order_id_position_key unique (municipality_id, order_id, position);
-- The unique key (municipality_id, order_id, position) now serves reads by order.
drop index order_goal_order_idx;
alter table delivered_hours drop constraint delivered_hours_order_id_week_start_key,
  add constraint delivered_hours_municipality_id_order_id_week_start_key unique (municipality_id, order_id, week_start);
-- The unique key (municipality_id, order_id, week_start) now serves reads by order (scanned backwards for newest first).
drop index delivered_hours_order_idx;

drop index service_description_version_one_draft_idx;
create unique index service_description_version_one_draft_idx
  on service_description_version (municipality_id, service_description_id) where status = 'draft';
drop index complaint_open_idx;
create unique index complaint_open_idx on complaint (municipality_id, case_id) where status in ('reconsideration', 'forwarded');
drop index outreach_course_once_idx;
create unique index outreach_course_once_idx on outreach_contact (municipality_id, case_id) where kind = 'course_start';
drop index fko_status_final_once_idx;
create unique index fko_status_final_once_idx on fko_status (municipality_id, goal_id) where kind = 'final';

-- 5. Composite foreign keys: a row can only point at a row of its own municipality ---------------------------------
alter table org_unit add constraint org_unit_parent_id_fkey
  foreign key (municipality_id, parent_id) references org_unit (municipality_id, id);
alter table app_user add constraint app_user_unit_id_fkey
  foreign key (municipality_id, unit_id) references org_unit (municipality_id, id);
alter table app_user add constraint app_user_citizen_id_fkey
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id);
alter table app_user_offer add constraint app_user_offer_user_id_fkey
  foreign key (municipality_id, user_id) references app_user (municipality_id, id);
alter table app_user_offer add constraint app_user_offer_unit_id_fkey
  foreign key (municipality_id, unit_id) references org_unit (municipality_id, id);
alter table service_description_version add constraint service_description_version_service_description_id_fkey
  foreign key (municipality_id, service_description_id) references service_description (municipality_id, id);
alter table service_description_version add constraint service_description_version_created_by_fkey
  foreign key (municipality_id, created_by) references app_user (municipality_id, id);
alter table service_description_version add constraint service_description_version_approved_by_fkey
  foreign key (municipality_id, approved_by) references app_user (municipality_id, id);
alter table offer add constraint offer_org_unit_id_fkey
  foreign key (municipality_id, org_unit_id) references org_unit (municipality_id, id);
alter table case_file add constraint case_file_citizen_id_fkey
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id);
alter table case_file add constraint case_file_caseworker_id_fkey
  foreign key (municipality_id, caseworker_id) references app_user (municipality_id, id);
alter table case_request add constraint case_request_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table case_deadline add constraint case_deadline_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table case_document add constraint case_document_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table case_event add constraint case_event_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table case_event add constraint case_event_document_id_fkey
  foreign key (municipality_id, document_id) references case_document (municipality_id, id);
alter table assessment add constraint assessment_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table assessment_theme add constraint assessment_theme_assessment_id_fkey
  foreign key (municipality_id, assessment_id) references assessment (municipality_id, id);
alter table decision add constraint decision_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table decision add constraint decision_service_description_version_id_fkey
  foreign key (municipality_id, service_description_version_id) references service_description_version (municipality_id, id);
alter table decision add constraint decision_decided_by_fkey
  foreign key (municipality_id, decided_by) references app_user (municipality_id, id);
alter table decision add constraint decision_letter_document_id_fkey
  foreign key (municipality_id, letter_document_id) references case_document (municipality_id, id);
alter table case_order add constraint case_order_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table case_order add constraint case_order_decision_id_fkey
  foreign key (municipality_id, decision_id) references decision (municipality_id, id);
alter table case_order add constraint case_order_offer_id_fkey
  foreign key (municipality_id, offer_id) references offer (municipality_id, id);
alter table order_goal add constraint order_goal_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table complaint add constraint complaint_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table complaint add constraint complaint_decision_id_fkey
  foreign key (municipality_id, decision_id) references decision (municipality_id, id);
alter table complaint add constraint complaint_forwarding_document_id_fkey
  foreign key (municipality_id, forwarding_document_id) references case_document (municipality_id, id);
alter table complaint add constraint complaint_registered_by_fkey
  foreign key (municipality_id, registered_by) references app_user (municipality_id, id);
alter table outreach_contact add constraint outreach_contact_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table order_subgoal add constraint order_subgoal_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table order_subgoal add constraint order_subgoal_goal_id_fkey
  foreign key (municipality_id, goal_id) references order_goal (municipality_id, id);
alter table order_journal add constraint order_journal_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table order_journal add constraint order_journal_goal_id_fkey
  foreign key (municipality_id, goal_id) references order_goal (municipality_id, id);
alter table delivered_hours add constraint delivered_hours_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table fko_status add constraint fko_status_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table fko_status add constraint fko_status_goal_id_fkey
  foreign key (municipality_id, goal_id) references order_goal (municipality_id, id);
alter table case_message add constraint case_message_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table case_message add constraint case_message_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table follow_up add constraint follow_up_case_id_fkey
  foreign key (municipality_id, case_id) references case_file (municipality_id, id);
alter table follow_up add constraint follow_up_order_id_fkey
  foreign key (municipality_id, order_id) references case_order (municipality_id, id);
alter table follow_up add constraint follow_up_decision_id_fkey
  foreign key (municipality_id, decision_id) references decision (municipality_id, id);
