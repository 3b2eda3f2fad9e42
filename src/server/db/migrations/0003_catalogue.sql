-- The service catalogue: national FFB codes (reference data, the same for every municipality) and each
-- municipality's service descriptions and quality standards as versioned policy (issue 3).

create table ffb_code_system (
  url text primary key,
  version text not null,
  imported_at timestamptz not null default now()
);

-- One row per FFB concept, flattened with its parent and path. Local codes (SEL §§ 97, 99, 110 have no FFB
-- code) are rows with is_local = true and a code of our own.
create table ffb_code (
  code text primary key,
  display text not null,
  definition text,
  parent_code text references ffb_code (code),
  root text not null,
  path text not null,
  legal_basis text,
  is_local boolean not null default false,
  system_version text not null
);
create index ffb_code_parent_idx on ffb_code (parent_code);
create index ffb_code_root_path_idx on ffb_code (root, path);

create table service_description (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  key text not null check (key ~ '^[a-z0-9-]+$'),
  kind text not null check (kind in ('service_level', 'quality_standard')),
  legal_basis text not null,
  title text not null,
  ffb_code text references ffb_code (code),
  created_at timestamptz not null default now(),
  unique (municipality_id, key)
);
create index service_description_legal_basis_idx on service_description (legal_basis, municipality_id);

-- Only draft and approved are stored: scheduled, in force and superseded follow from in_force_from
-- (src/rules/catalogue/version-lifecycle.ts). `lock_version` guards concurrent edits of a draft (409).
create table service_description_version (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  service_description_id uuid not null references service_description (id),
  number integer not null check (number > 0),
  status text not null check (status in ('draft', 'approved')),
  content jsonb not null,
  change_note text,
  created_by uuid references app_user (id),
  created_at timestamptz not null default now(),
  approved_by uuid references app_user (id),
  approved_by_name text,
  approved_by_body text,
  approved_at timestamptz,
  in_force_from date,
  lock_version integer not null default 1,
  unique (service_description_id, number),
  check ((status = 'draft') = (in_force_from is null)),
  check ((status = 'draft') = (approved_at is null))
);
-- At most one open draft per description.
create unique index service_description_version_one_draft_idx on service_description_version (service_description_id) where status = 'draft';
create index service_description_version_in_force_idx on service_description_version (service_description_id, status, in_force_from);

alter table service_description enable row level security;
create policy tenant_isolation on service_description
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());
-- The catalogue is public: citizens and other municipalities may read every description.
create policy public_read on service_description for select using (true);

alter table service_description_version enable row level security;
create policy tenant_isolation on service_description_version
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());
-- Approved versions are public; drafts only within their municipality.
create policy public_read on service_description_version for select using (status = 'approved');

grant select on ffb_code, ffb_code_system to visitator_app;
grant select, insert on service_description to visitator_app;
grant select, insert, update, delete on service_description_version to visitator_app;

-- Municipality names and addresses are public (the public catalogue names whose service level it shows).
create policy public_read on municipality for select using (true);
