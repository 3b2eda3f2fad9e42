-- Offers (tilbud): the places that deliver support, with legal bases, places, staffing, rate and
-- opening hours (seeds 000, 001, 003). Public like the rest of the catalogue.
create table offer (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  org_unit_id uuid references org_unit (id),
  key text not null check (key ~ '^[a-z0-9-]+$'),
  name text not null,
  center_name text,
  owner text not null check (owner in ('own', 'self_governing', 'private')),
  operating_agreement text,
  legal_bases text[] not null,
  ffb_code text references ffb_code (code),
  places integer check (places >= 0),
  places_note text,
  staffing text,
  rate_dkk numeric(12, 2),
  rate_unit text check (rate_unit in ('day', 'month', 'year')),
  opening_hours text,
  content jsonb not null,
  source text not null,
  created_at timestamptz not null default now(),
  unique (municipality_id, key)
);
create index offer_municipality_name_idx on offer (municipality_id, name);

alter table offer enable row level security;
create policy tenant_isolation on offer
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());
create policy public_read on offer for select using (true);

grant select on offer to visitator_app;
