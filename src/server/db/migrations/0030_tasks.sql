-- Issue 16: the task inbox, and the provider's answers to an order besides accepting it.

-- An order the provider holds with a question (until the caseworker answers) or declines with a reason
-- (src/rules/follow-up/order-actions.ts says which action each status allows).
alter table case_order drop constraint case_order_status_check;
alter table case_order add constraint case_order_status_check
  check (status in ('ordered', 'on_hold', 'declined', 'accepted', 'ended'));
alter table case_order add column declined_on date;
alter table case_order add column decline_reason text check (decline_reason is null or length(decline_reason) > 0);
alter table case_order add constraint case_order_declined_check
  check ((status = 'declined') = (declined_on is not null and decline_reason is not null));

-- A task (opgave) that an event puts in someone's inbox: a citizen's digital complaint or message, the provider's
-- message, question, decline or FKO status (for the case's caseworker: `audience` authority, found through the case,
-- so a reassigned case takes its tasks along), or a new order, a message or an answer from the authority (for the
-- provider's unit: `audience` provider, `org_unit_id` the offer's unit). Deadlines are not stored here: the inbox
-- derives them from case_deadline. Written only by modules/tasks, called by the module where the event happens.
create table task (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in (
    'citizen_complaint', 'citizen_message', 'provider_message', 'provider_question', 'order_declined', 'fko_status',
    'order_received', 'authority_message', 'question_answered')),
  audience text not null check (audience in ('authority', 'provider')),
  case_id uuid not null,
  order_id uuid,
  org_unit_id uuid,
  -- The record the event made (a complaint, a message, an FKO status), for the link and the audit trail.
  record_type text,
  record_id text,
  -- What the inbox shows of it: the beginning of a message, the reason for a decline, the goal scored.
  summary text not null,
  created_at timestamptz not null,
  done_at timestamptz,
  done_by uuid,
  done_by_name text,
  -- How it was done: marked by hand, answered (the provider's question), or by the step it asked for (a new order).
  resolution text check (resolution in ('marked', 'answered', 'followed_up')),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, case_id) references case_file (municipality_id, id),
  foreign key (municipality_id, order_id) references case_order (municipality_id, id),
  foreign key (municipality_id, org_unit_id) references org_unit (municipality_id, id),
  foreign key (municipality_id, done_by) references app_user (municipality_id, id),
  check ((audience = 'provider') = (org_unit_id is not null)),
  check ((done_at is null) = (resolution is null))
);
-- The caseworker's inbox: their cases (case_file_caseworker_idx), then each case's open tasks.
create index task_open_case_idx on task (municipality_id, case_id, created_at) where done_at is null;
-- The provider's inbox: the open tasks of the staff's offer units.
create index task_open_unit_idx on task (municipality_id, org_unit_id, created_at) where done_at is null;

alter table task enable row level security;
create policy tenant_isolation on task
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());
grant select, insert, update on task to visitator_app;
