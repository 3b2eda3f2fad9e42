-- What the FFB report (kl.dk.fhir.ffbreporting 1.0.0) needs and the case modules did not yet record (issue 15):
-- the assessment's conditions below the VUM themes (FFB tilstande, e.g. "Indgå i samspil og kontakt" under
-- "Relationer") with a functional level for "Aktivitet og deltagelse"; the authority's goals (indsatsmål) on one
-- primary condition with the expected level and goal type; the target groups (målgrupper); when the support need was
-- assessed and how many times the case has been assessed; the FFB services (ydelser) an order delivers; and the
-- case number the municipality knows the case by (an imported case keeps its old system's number).
-- Written by: assessment (assessment_condition, assessment_goal, case_target_group, assessment.assessed_on/round),
-- orders (order_service), case-file (case_file.case_number), decisions (decision.alongside).

create table assessment_condition (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  assessment_id uuid not null,
  condition_code text not null references ffb_code (code),
  -- Funktionsevneniveau: required under "Aktivitet og deltagelse", not allowed elsewhere (checked by the use case).
  level_code text references ffb_code (code),
  recorded_on date not null,
  -- The last time the condition was assessed again (FFB: tilstandSidstVurderetTid).
  last_asserted_on date,
  primary key (municipality_id, id),
  unique (municipality_id, assessment_id, condition_code),
  foreign key (municipality_id, assessment_id) references assessment (municipality_id, id)
);

create table assessment_goal (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  assessment_id uuid not null,
  position integer not null check (position between 1 and 3),
  primary_condition_code text not null references ffb_code (code),
  secondary_condition_codes text[] not null default '{}',
  target_level_code text not null references ffb_code (code),
  goal_type_code text not null references ffb_code (code),
  status text not null default 'active' check (status in ('active', 'completed', 'cancelled')),
  recorded_on date not null,
  changed_on date,
  primary key (municipality_id, id),
  unique (municipality_id, assessment_id, position),
  foreign key (municipality_id, assessment_id) references assessment (municipality_id, id)
);

create table case_target_group (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  code text not null references ffb_code (code),
  -- 1 primary, 2 secondary (FFB målgruppeRang).
  rank smallint not null check (rank in (1, 2)),
  recorded_on date not null,
  primary key (municipality_id, id),
  unique (municipality_id, case_id, code),
  foreign key (municipality_id, case_id) references case_file (municipality_id, id)
);
-- At most one primary target group per case (kl-reporting-ffb-care-plan-2).
create unique index case_target_group_one_primary_idx on case_target_group (municipality_id, case_id) where rank = 1;

alter table assessment add column assessed_on date;
alter table assessment add column round integer not null default 1 check (round > 0);

create table order_service (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  order_id uuid not null,
  ffb_code text not null references ffb_code (code),
  starts_on date not null,
  ends_on date,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, order_id, ffb_code),
  foreign key (municipality_id, order_id) references case_order (municipality_id, id),
  check (ends_on is null or ends_on >= starts_on)
);

-- A grant on top of running support under another paragraph (e.g. a day offer beside housing support): its order
-- replaces only orders under its own paragraph (decisions module).
alter table decision add column alongside boolean not null default false;

alter table case_file add column case_number text check (case_number is null or length(case_number) between 1 and 64);
create unique index case_file_case_number_idx on case_file (municipality_id, case_number) where case_number is not null;

alter table assessment_condition enable row level security;
create policy tenant_isolation on assessment_condition using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table assessment_goal enable row level security;
create policy tenant_isolation on assessment_goal using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table case_target_group enable row level security;
create policy tenant_isolation on case_target_group using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table order_service enable row level security;
create policy tenant_isolation on order_service using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert, update, delete on assessment_condition, assessment_goal, case_target_group to visitator_app;
grant select, insert, update on order_service to visitator_app;
