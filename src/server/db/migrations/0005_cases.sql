-- Cases (sager) of the authority: the request, the deadlines it starts, the journal (timeline) and the
-- documents (letters) journalised on the case (issue 4). Every table is tenant data under RLS.

create table case_file (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  citizen_id uuid not null references citizen (id),
  caseworker_id uuid references app_user (id),
  status text not null check (status in ('request_received', 'receipt_sent', 'assessment', 'decided', 'refused', 'ordered', 'reconsideration', 'forwarded', 'closed')),
  title text not null,
  opened_on date not null,
  day_offer boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index case_file_caseworker_idx on case_file (municipality_id, caseworker_id, status);
create index case_file_citizen_idx on case_file (municipality_id, citizen_id);

-- The request (henvendelse): how it came, when, from whom, and what is asked for.
create table case_request (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null unique references case_file (id),
  channel text not null check (channel in ('pre_visitation', 'outreach_advice', 'letter', 'digital', 'phone')),
  received_on date not null,
  requested_by text not null check (requested_by in ('citizen', 'relative_with_consent', 'professional')),
  requester_name text,
  what text not null,
  created_at timestamptz not null default now()
);

-- Every computed deadline with the rule set that produced it: a later rule change never moves it.
create table case_deadline (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  kind text not null,
  from_date date not null,
  due_date date not null,
  ends_at_time text not null,
  rule_version text not null,
  source text not null,
  met_on date,
  created_at timestamptz not null default now(),
  unique (case_id, kind)
);
create index case_deadline_open_idx on case_deadline (municipality_id, due_date) where met_on is null;

create table case_document (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  kind text not null check (kind in ('receipt_letter', 'decision_letter', 'missed_deadline_notice', 'forwarding_letter')),
  title text not null,
  journalised_on date not null,
  content bytea not null,
  created_at timestamptz not null default now()
);
create index case_document_case_idx on case_document (municipality_id, case_id);

-- The journal (notatpligt; offentlighedsloven § 15): every step, in order.
create table case_event (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  occurred_at timestamptz not null default now(),
  kind text not null,
  subject text not null,
  body text,
  actor_name text,
  actor_role text,
  document_id uuid references case_document (id)
);
create index case_event_case_idx on case_event (municipality_id, case_id, id);

alter table case_file enable row level security;
create policy tenant_isolation on case_file using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table case_request enable row level security;
create policy tenant_isolation on case_request using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table case_deadline enable row level security;
create policy tenant_isolation on case_deadline using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table case_document enable row level security;
create policy tenant_isolation on case_document using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table case_event enable row level security;
create policy tenant_isolation on case_event using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert, update on case_file, case_request, case_deadline to visitator_app;
grant select, insert on case_document, case_event to visitator_app;
