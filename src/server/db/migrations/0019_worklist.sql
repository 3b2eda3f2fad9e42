-- The team leader's work list and caseload find the staff of a unit: app_user had no index on unit_id
-- (app_user_municipality_idx is (municipality_id, role)). Tenant-led, as every index since 0012.
create index app_user_unit_idx on app_user (municipality_id, unit_id);
