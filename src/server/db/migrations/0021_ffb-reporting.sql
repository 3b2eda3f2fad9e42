-- FFB reporting (issue 15): KL's delivery report (kl.dk.fhir.ffbreporting 1.0.0) per citizen, sent at least daily to
-- KL's gateway. The ffb-reporting module writes every table here; it reads the case tables.
--
-- ffb_resource / ffb_resource_version: the ledger. Each FHIR resource Visitator reports has a stable UUID (derived from
-- the record it comes from) and a version each time its content changes, with the time the change was captured. A
-- day's report holds the resources that changed that day, as they stood at the day's end, and what they refer to.
-- ffb_delivery / ffb_delivery_attempt: what was built, validated, sent, and what the gateway answered.

create table ffb_reporting_setting (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  -- The municipality's organisation code in KOMBIT STS Organisation (Citizen.managingOrganization).
  organisation_code uuid,
  -- Where reports are posted (the gateway); null: reports are built and validated but not sent.
  gateway_url text check (gateway_url is null or gateway_url ~ '^https?://'),
  enabled boolean not null default true,
  -- The identifier system of the municipality's case numbers (MunicipalityCaseNumber.municipalitySpecific).
  case_number_system text not null,
  -- Until when the ledger has been delivered (exclusive of later captures).
  delivered_until timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  -- One setting per municipality.
  unique (municipality_id)
);

create table ffb_resource (
  municipality_id uuid not null references municipality (id),
  id uuid not null,
  citizen_id uuid not null,
  source_key text not null,
  profile text not null,
  resource_type text not null,
  current_version integer not null,
  current_hash text not null,
  changed_at timestamptz not null,
  primary key (municipality_id, id),
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
);
create index ffb_resource_citizen_idx on ffb_resource (municipality_id, citizen_id);

create table ffb_resource_version (
  municipality_id uuid not null references municipality (id),
  resource_id uuid not null,
  version integer not null check (version > 0),
  citizen_id uuid not null,
  content jsonb not null,
  content_hash text not null,
  captured_at timestamptz not null,
  primary key (municipality_id, resource_id, version),
  foreign key (municipality_id, resource_id) references ffb_resource (municipality_id, id)
);
-- Which citizens changed since the last delivery, and their resources as of a day's end.
create index ffb_resource_version_captured_idx on ffb_resource_version (municipality_id, captured_at);
create index ffb_resource_version_citizen_idx on ffb_resource_version (municipality_id, citizen_id, captured_at);

create table ffb_delivery (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  citizen_id uuid not null,
  -- The day (Copenhagen) whose changes the report carries.
  report_day date not null,
  bundle jsonb not null,
  resource_count integer not null,
  bytes integer not null,
  guide_version text not null,
  fhir_version text not null,
  ffb_version text not null,
  -- refused: broke a rule before sending (never sent); pending: waits to be sent; accepted / rejected: the gateway's
  -- answer; failed: no answer or a server error, retried at next_attempt_at; held: not sent (no gateway configured).
  status text not null check (status in ('refused', 'pending', 'accepted', 'rejected', 'failed', 'held')),
  violations jsonb,
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  gateway_status integer,
  gateway_codes text[],
  gateway_response jsonb,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  primary key (municipality_id, id),
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id)
);
create index ffb_delivery_day_idx on ffb_delivery (municipality_id, report_day desc, created_at desc);
create index ffb_delivery_due_idx on ffb_delivery (municipality_id, next_attempt_at) where status in ('pending', 'failed');
create index ffb_delivery_citizen_idx on ffb_delivery (municipality_id, citizen_id, created_at desc);

create table ffb_delivery_attempt (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  delivery_id uuid not null,
  attempted_at timestamptz not null,
  target text not null,
  -- Who sent it: the scheduled job, or an administrator resending (their name).
  sent_by text not null,
  http_status integer,
  outcome text not null check (outcome in ('accepted', 'rejected', 'failed')),
  gateway_codes text[],
  response jsonb,
  error text,
  primary key (municipality_id, id),
  foreign key (municipality_id, delivery_id) references ffb_delivery (municipality_id, id)
);
create index ffb_delivery_attempt_delivery_idx on ffb_delivery_attempt (municipality_id, delivery_id, attempted_at);

alter table ffb_reporting_setting enable row level security;
create policy tenant_isolation on ffb_reporting_setting using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table ffb_resource enable row level security;
create policy tenant_isolation on ffb_resource using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table ffb_resource_version enable row level security;
create policy tenant_isolation on ffb_resource_version using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table ffb_delivery enable row level security;
create policy tenant_isolation on ffb_delivery using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table ffb_delivery_attempt enable row level security;
create policy tenant_isolation on ffb_delivery_attempt using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert, update on ffb_reporting_setting, ffb_resource, ffb_delivery to visitator_app;
grant select, insert on ffb_resource_version, ffb_delivery_attempt to visitator_app;
