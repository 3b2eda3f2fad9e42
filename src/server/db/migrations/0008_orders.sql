-- Orders (bestillinger) to a provider's offer, with at most three SMART goals and the § 141 action plan.
create table case_order (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null unique references case_file (id),
  decision_id uuid not null references decision (id),
  offer_id uuid not null references offer (id),
  ordered_on date not null,
  first_follow_up date not null,
  action_plan jsonb,
  created_at timestamptz not null default now()
);
create index case_order_offer_idx on case_order (municipality_id, offer_id);

create table order_goal (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  order_id uuid not null references case_order (id),
  position integer not null check (position between 1 and 3),
  text text not null,
  indicator text not null,
  target_date date not null,
  condition_code text not null,
  goal_type_code text not null,
  baseline_support_need_code text not null,
  target_support_need_code text not null,
  unique (order_id, position)
);

alter table case_order enable row level security;
create policy tenant_isolation on case_order using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table order_goal enable row level security;
create policy tenant_isolation on order_goal using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
grant select, insert on case_order, order_goal to visitator_app;
