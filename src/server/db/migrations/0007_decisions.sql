-- Decisions (afgørelser): the outcome, the legal basis and the exact service-level version applied, the frame,
-- the reasons and the party hearing; the letter is journalised on the case.
create table decision (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  outcome text not null check (outcome in ('granted', 'partly_granted', 'refused')),
  legal_basis text not null,
  service_description_version_id uuid not null references service_description_version (id),
  weekly_hours numeric(6, 2),
  profile_code text,
  module_days integer check (module_days between 1 and 5),
  start_date date,
  time_limit_until date,
  reasons text not null check (length(reasons) > 0),
  party_hearing text not null check (party_hearing in ('done', 'not_needed')),
  party_hearing_note text,
  decided_on date not null,
  decided_by uuid references app_user (id),
  letter_document_id uuid references case_document (id),
  created_at timestamptz not null default now()
);
create index decision_case_idx on decision (municipality_id, case_id);

alter table decision enable row level security;
create policy tenant_isolation on decision using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert on decision to visitator_app;
