-- A decision that waits for a team leader's approval before it is made (issue 12: a grant above the highest citizen
-- profile, src/rules/cases/decision-approval.ts). The case waits in its own status; the proposal, the caseworker's
-- justification and the team leader's answer are kept here. The decision and its letter are written only on approval
-- (decision.id is then set here); a proposal sent back keeps the team leader's reason.
alter table case_file drop constraint case_file_status_check;
alter table case_file add constraint case_file_status_check check (status in (
  'request_received', 'receipt_sent', 'assessment', 'awaiting_approval', 'decided', 'refused', 'ordered',
  'reconsideration', 'forwarded', 'closed'));

create table decision_approval (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  rule text not null check (rule in ('hours_above_last_band')),
  threshold_hours numeric(6, 2) not null,
  -- The decision as the caseworker proposed it (the decision form's fields), made as it stands on approval.
  proposal jsonb not null,
  justification text not null check (length(justification) > 0),
  requested_by uuid not null,
  -- The team that approves: the unit of the caseworker who asked (a team leader approves for their own unit).
  unit_id uuid,
  requested_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'approved', 'sent_back')),
  answered_by uuid,
  answered_at timestamptz,
  send_back_reason text,
  decision_id uuid,
  primary key (municipality_id, id),
  foreign key (municipality_id, case_id) references case_file (municipality_id, id),
  foreign key (municipality_id, requested_by) references app_user (municipality_id, id),
  foreign key (municipality_id, answered_by) references app_user (municipality_id, id),
  foreign key (municipality_id, decision_id) references decision (municipality_id, id),
  -- Four eyes: nobody approves their own proposal; an answer names who gave it and when.
  constraint decision_approval_four_eyes_check check (answered_by is null or answered_by <> requested_by),
  constraint decision_approval_answer_check check ((status = 'pending') = (answered_by is null and answered_at is null)),
  constraint decision_approval_send_back_check check (status <> 'sent_back' or length(send_back_reason) > 0),
  constraint decision_approval_decision_check check ((status = 'approved') = (decision_id is not null))
);
-- One proposal waits per case at a time.
create unique index decision_approval_pending_case_idx on decision_approval (municipality_id, case_id)
  where status = 'pending';
-- The team leader's queue: the unit's waiting proposals, oldest first.
create index decision_approval_queue_idx on decision_approval (municipality_id, unit_id, requested_at)
  where status = 'pending';
-- The latest answer on a case (the caseworker reads why it was sent back).
create index decision_approval_case_idx on decision_approval (municipality_id, case_id, requested_at);

alter table decision_approval enable row level security;
create policy tenant_isolation on decision_approval
  using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert on decision_approval to visitator_app;
grant update (status, answered_by, answered_at, send_back_reason, decision_id) on decision_approval to visitator_app;
