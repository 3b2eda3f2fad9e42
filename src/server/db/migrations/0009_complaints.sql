-- Complaints (klager) on their own track, outreach-advice talks, the letter text behind every journalised PDF,
-- and orders that may be replaced by a later decision (issue 4).

create table complaint (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  decision_id uuid not null references decision (id),
  form text not null check (form in ('written', 'oral', 'digital')),
  received_on date not null,
  received_at text check (received_at ~ '^[0-2][0-9]:[0-5][0-9]$'),
  text text not null check (length(text) > 0),
  timeliness text not null check (timeliness in ('in_time', 'late')),
  status text not null check (status in ('reconsideration', 'upheld', 'forwarded', 'appeal_decided')),
  reconsidered_on date,
  reconsideration_reasons text,
  forwarded_on date,
  forwarding_document_id uuid references case_document (id),
  appeal_outcome text check (appeal_outcome in ('confirmed', 'changed', 'remitted', 'dismissed')),
  appeal_decided_on date,
  appeal_note text,
  registered_by uuid references app_user (id),
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index complaint_case_idx on complaint (municipality_id, case_id);
-- One complaint under way per case at a time.
create unique index complaint_open_idx on complaint (case_id) where status in ('reconsideration', 'forwarded');

alter table complaint enable row level security;
create policy tenant_isolation on complaint using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert, update on complaint to visitator_app;

-- Outreach advice (fremskudt rådgivning, seed 003): clarifying talks and the advice course, counted per case.
create table outreach_contact (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  kind text not null check (kind in ('clarifying_talk', 'course_start')),
  held_on date not null,
  note text,
  created_at timestamptz not null default now()
);
create index outreach_contact_case_idx on outreach_contact (municipality_id, case_id);
create unique index outreach_course_once_idx on outreach_contact (case_id) where kind = 'course_start';

alter table outreach_contact enable row level security;
create policy tenant_isolation on outreach_contact using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert on outreach_contact to visitator_app;

-- The letter's text as structured data, so the browser can preview exactly what the PDF says.
alter table case_document add column letter jsonb;

-- A deadline notice is recorded against the deadline it concerns. A deadline lapses (it no longer applies, e.g. the
-- start or complaint deadline of a decision replaced by a new one) without being met; a case can then hold the same
-- kind again, so the one-per-kind constraint goes.
alter table case_deadline add column notice_sent_on date;
alter table case_deadline add column lapsed_on date;
alter table case_deadline drop constraint case_deadline_case_id_kind_key;
create index case_deadline_case_idx on case_deadline (municipality_id, case_id);

-- An order may be followed by another after a new decision (upheld complaint, revisitation).
alter table case_order drop constraint case_order_case_id_key;
create index case_order_case_idx on case_order (municipality_id, case_id);
