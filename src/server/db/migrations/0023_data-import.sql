-- Imports from the systems a municipality leaves (issue 15): the files an administrator uploads, checked whole before
-- anything is written, and what came of them. Offers are keyed by Tilbudsportalen's offer id (the national portal
-- has no public API; municipalities export from it or keep their own lists).
-- Written by: data-import (data_import), catalogue (offer.tilbudsportalen_id and imported offers).

create table data_import (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('cases', 'offers', 'fhir')),
  filename text not null,
  sha256 text not null,
  bytes integer not null,
  encoding text not null,
  -- invalid: errors found, nothing written; valid: checked, waiting to be imported; imported: written in one transaction.
  status text not null check (status in ('invalid', 'valid', 'imported')),
  row_count integer not null,
  error_count integer not null,
  -- Every error up to a cap (line, field, reason); the count is exact.
  errors jsonb not null,
  -- What the import will do / did: new, changed, unchanged (the reconciliation for offers).
  summary jsonb not null,
  content bytea not null,
  created_by uuid not null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  imported_at timestamptz,
  primary key (municipality_id, id),
  foreign key (municipality_id, created_by) references app_user (municipality_id, id)
);
create index data_import_created_idx on data_import (municipality_id, created_at desc);
create index data_import_sha_idx on data_import (municipality_id, sha256);

alter table data_import enable row level security;
create policy tenant_isolation on data_import using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert, update on data_import to visitator_app;

-- Offers from Tilbudsportalen: the portal's offer id (the owners beyond the municipality's own come with 0020_economy).
alter table offer add column tilbudsportalen_id integer check (tilbudsportalen_id > 0);
create unique index offer_tilbudsportalen_idx on offer (municipality_id, tilbudsportalen_id) where tilbudsportalen_id is not null;
alter table offer add column updated_at timestamptz not null default now();
grant insert, update on offer to visitator_app;
