-- Four eyes on the catalogue (issue 12): a service level or quality standard is approved by someone other than the
-- person who prepared the draft (who last saved it, or created it), and the version names both. The rule is checked
-- by the catalogue's approve use case (src/rules/catalogue/version-lifecycle.ts, fourEyesProblem) and here as well,
-- so no path around the use case can approve one's own draft.
alter table service_description_version
  add column prepared_by uuid,
  add column prepared_by_name text,
  add column prepared_at timestamptz;

alter table service_description_version add constraint service_description_version_prepared_by_fkey
  foreign key (municipality_id, prepared_by) references app_user (municipality_id, id);

-- Drafts and approvals made before this migration: the creator prepared them.
update service_description_version v
  set prepared_by = v.created_by, prepared_by_name = u.name, prepared_at = v.created_at
  from app_user u
  where u.municipality_id = v.municipality_id and u.id = v.created_by;

alter table service_description_version add constraint service_description_version_four_eyes_check
  check (approved_by is null or prepared_by is null or approved_by <> prepared_by);
