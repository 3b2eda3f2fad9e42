-- Follow-up (issue 5): the provider accepts the order and documents against its goals; delivered hours; FKO
-- statuses; messages between authority, provider and citizen; the authority's follow-ups; stop and revisitation.

alter table case_order add column status text not null default 'ordered' check (status in ('ordered', 'accepted', 'ended'));
alter table case_order add column accepted_on date;
alter table case_order add column actual_start date;
-- The last day of delivery: set by a stop decision (for housing support 4 weeks after it) or a replacing order.
alter table case_order add column ends_on date;
alter table case_order add column ended_reason text;
alter table case_order add column version integer not null default 1;
create index case_order_offer_status_idx on case_order (municipality_id, offer_id, status);
grant update on case_order to visitator_app;

-- A goal's version guards concurrent FKO scoring (409); an ended goal takes no more statuses.
alter table order_goal add column version integer not null default 1;
alter table order_goal add column ended_on date;
create index order_goal_order_idx on order_goal (municipality_id, order_id);
grant update on order_goal to visitator_app;

-- Decisions: a stop decision ends support; a revisitation replaces the frame or the offer.
alter table decision add column kind text not null default 'application' check (kind in ('application', 'revisitation', 'stop'));

create table order_subgoal (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  order_id uuid not null references case_order (id),
  goal_id uuid not null references order_goal (id),
  text text not null check (length(text) > 0),
  target_date date not null,
  created_by_name text not null,
  created_at timestamptz not null default now()
);
create index order_subgoal_goal_idx on order_subgoal (municipality_id, order_id);

-- Daily documentation (dagbog) against a goal.
create table order_journal (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipality (id),
  order_id uuid not null references case_order (id),
  goal_id uuid not null references order_goal (id),
  written_on date not null,
  body text not null check (length(body) > 0),
  author_name text not null,
  created_at timestamptz not null default now()
);
create index order_journal_order_idx on order_journal (municipality_id, order_id, written_on desc);

-- Delivered ATA hours per ISO week (week_start is the Monday).
create table delivered_hours (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  order_id uuid not null references case_order (id),
  week_start date not null,
  hours numeric(6, 2) not null check (hours >= 0 and hours <= 168),
  registered_by_name text not null,
  updated_at timestamptz not null default now(),
  unique (order_id, week_start)
);
create index delivered_hours_order_idx on delivered_hours (municipality_id, order_id, week_start desc);

-- FKO statuses: the provider's score of the current support need per goal, every third month and at the end.
create table fko_status (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  order_id uuid not null references case_order (id),
  goal_id uuid not null references order_goal (id),
  kind text not null check (kind in ('quarterly', 'final')),
  scored_on date not null,
  support_need_code text not null,
  justification text not null check (length(justification) > 0),
  scored_by_name text not null,
  created_at timestamptz not null default now()
);
create index fko_status_goal_idx on fko_status (municipality_id, goal_id, scored_on);
create unique index fko_status_final_once_idx on fko_status (goal_id) where kind = 'final';

-- Messages on a case: between the authority and the provider (about an order), or from the citizen.
create table case_message (
  id bigint generated always as identity primary key,
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  order_id uuid references case_order (id),
  channel text not null check (channel in ('provider', 'citizen')),
  from_party text not null check (from_party in ('authority', 'provider', 'citizen')),
  author_name text not null,
  body text not null check (length(body) > 0),
  created_at timestamptz not null default now()
);
create index case_message_case_idx on case_message (municipality_id, case_id, id);
create index case_message_order_idx on case_message (municipality_id, order_id, id);

-- The authority's follow-up (opfølgning) with its outcome per FFB "Status på indsats".
create table follow_up (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null references case_file (id),
  order_id uuid not null references case_order (id),
  held_on date not null,
  outcome text not null check (outcome in ('continue', 'end_and_refer', 'end')),
  note text not null,
  next_follow_up date,
  decision_id uuid references decision (id),
  held_by_name text not null,
  created_at timestamptz not null default now()
);
create index follow_up_case_idx on follow_up (municipality_id, case_id);

alter table order_subgoal enable row level security;
create policy tenant_isolation on order_subgoal using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table order_journal enable row level security;
create policy tenant_isolation on order_journal using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table delivered_hours enable row level security;
create policy tenant_isolation on delivered_hours using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table fko_status enable row level security;
create policy tenant_isolation on fko_status using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table case_message enable row level security;
create policy tenant_isolation on case_message using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table follow_up enable row level security;
create policy tenant_isolation on follow_up using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert on order_subgoal, order_journal, fko_status, case_message, follow_up to visitator_app;
grant select, insert, update on delivered_hours to visitator_app;
