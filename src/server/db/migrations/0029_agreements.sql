-- Agreement management (issue 14, seed 003): the council's agreements with its centers (aftaleenheder) through the
-- social committee, their goals under four themes at three levels with baseline and target, goal values measured
-- from the cases or entered from outside sources, status reports to the social committee (frozen when issued), and
-- shelter stays under SEL § 110 (arrival, departure, outcome) so the shelter goals are measured, not typed.
-- Tenant keys as migration 0012 made them.

-- The council member (byrådsmedlem, socialudvalget): reads agreements, status reports and strategy indicators.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
  check (role in ('caseworker', 'provider_staff', 'team_leader', 'administrator', 'analyst', 'economist', 'council_member', 'citizen'));

create table agreement (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  -- The agreement unit: a center (org_unit of kind 'center').
  unit_id uuid not null,
  title text not null check (length(title) > 0),
  period_from date not null,
  period_to date not null,
  approved_by text,
  source text not null check (length(source) > 0),
  invented boolean not null default false,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, unit_id) references org_unit (municipality_id, id),
  unique (municipality_id, unit_id, period_from),
  check (period_to > period_from)
);

create table agreement_goal (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  agreement_id uuid not null,
  position integer not null check (position > 0),
  level text not null check (level in ('national', 'center', 'offer')),
  theme text not null check (theme in ('mastery', 'education_employment', 'health', 'social_life')),
  -- An offer goal's heading (»Tilbudsmål 1: Rusmiddelindsats for udsatte borgere«); the goal itself is `title`.
  heading text,
  title text not null check (length(title) > 0),
  value_unit text not null check (value_unit in ('percent', 'count', 'text')),
  direction text not null check (direction in ('increase', 'decrease')),
  baseline_value numeric(12, 2),
  baseline_period text,
  baseline_n integer check (baseline_n > 0),
  baseline_n_label text,
  target_value numeric(12, 2),
  target_change_pp numeric(6, 2),
  target_year integer check (target_year between 2000 and 2100),
  data_source text not null check (length(data_source) > 0),
  -- How the value is measured from the cases (src/rules/agreements/goal-measures.ts), null for outside sources.
  measure_key text check (measure_key in ('fko_keep_or_gain', 'fko_gain', 'shelter_long_stays', 'shelter_youth_housing')),
  definition text not null check (length(definition) > 0),
  definition_version integer not null default 1 check (definition_version > 0),
  source_ref text not null check (length(source_ref) > 0),
  invented boolean not null default false,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, agreement_id) references agreement (municipality_id, id),
  -- Also serves reading an agreement's goals in order.
  constraint agreement_goal_position_key unique (municipality_id, agreement_id, position)
);

-- The offers (units) that share a goal (seed 003, afsnit 3.2: »tilbudsmål, som udvalgte tilbud skal samarbejde om«).
create table agreement_goal_unit (
  municipality_id uuid not null references municipality (id),
  goal_id uuid not null,
  unit_id uuid not null,
  primary key (municipality_id, goal_id, unit_id),
  foreign key (municipality_id, goal_id) references agreement_goal (municipality_id, id),
  foreign key (municipality_id, unit_id) references org_unit (municipality_id, id)
);

-- A goal's value over a period: measured from the cases (with its definition's version and when) or entered from an
-- outside source with its date. Never changed: a new value is a new row, so an issued report keeps its figures.
create table goal_measurement (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  goal_id uuid not null,
  period_from date not null,
  period_to date not null,
  value numeric(12, 2),
  numerator integer check (numerator >= 0),
  denominator integer check (denominator >= 0),
  origin text not null check (origin in ('measured', 'entered')),
  measure_key text,
  definition_version integer,
  -- Per theme or per offer, for the drill-down (counts as measured; disclosure is applied when shown).
  breakdown jsonb not null default '[]',
  source text not null check (length(source) > 0),
  source_date date,
  computed_at timestamptz not null,
  recorded_by_name text not null,
  primary key (municipality_id, id),
  foreign key (municipality_id, goal_id) references agreement_goal (municipality_id, id),
  check (period_to >= period_from),
  check (numerator is null or denominator is null or numerator <= denominator),
  check (origin = 'entered' or (measure_key is not null and definition_version is not null))
);
create index goal_measurement_goal_idx on goal_measurement (municipality_id, goal_id, computed_at desc);

-- Status to the social committee: a midway and a final status per agreement, each a draft until issued. Issuing
-- freezes the goals' figures and the center's comments in `content`; re-measuring after that makes a new version.
create table status_report (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  agreement_id uuid not null,
  kind text not null check (kind in ('midway', 'final')),
  report_version integer not null check (report_version > 0),
  state text not null check (state in ('draft', 'issued')),
  period_from date not null,
  period_to date not null,
  content jsonb,
  created_at timestamptz not null,
  created_by_name text not null,
  issued_at timestamptz,
  issued_by_name text,
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, agreement_id) references agreement (municipality_id, id),
  -- Also serves reading an agreement's reports.
  constraint status_report_version_key unique (municipality_id, agreement_id, kind, report_version),
  check ((state = 'issued') = (issued_at is not null and content is not null))
);

-- Each goal of a report: the measurement it shows and the center's comment.
create table status_report_goal (
  municipality_id uuid not null references municipality (id),
  report_id uuid not null,
  goal_id uuid not null,
  measurement_id uuid,
  comment text not null default '',
  version integer not null default 1,
  primary key (municipality_id, report_id, goal_id),
  foreign key (municipality_id, report_id) references status_report (municipality_id, id),
  foreign key (municipality_id, goal_id) references agreement_goal (municipality_id, id),
  foreign key (municipality_id, measurement_id) references goal_measurement (municipality_id, id)
);

-- An issued report is frozen: neither it nor its goals change again (the database refuses, not only the app).
create function status_report_frozen() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'status_report' then
    if old.state = 'issued' then raise exception 'status report % is issued and frozen', old.id; end if;
  elsif exists (select 1 from status_report r where r.municipality_id = old.municipality_id and r.id = old.report_id and r.state = 'issued') then
    raise exception 'status report % is issued and frozen', old.report_id;
  end if;
  if tg_op = 'DELETE' then return old; end if;
  return new;
end $$;
create trigger status_report_frozen before update or delete on status_report for each row execute function status_report_frozen();
create trigger status_report_goal_frozen before update or delete on status_report_goal for each row execute function status_report_frozen();

-- Shelter stays (forsorgshjem og herberg, SEL § 110): the citizen turns up without a decision; the shelter registers
-- the arrival and the departure with its outcome. Stays at other municipalities' shelters are registered too (seed
-- 003, note 9), with the shelter's name.
create table shelter_stay (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  citizen_id uuid not null,
  offer_id uuid,
  shelter_name text not null check (length(shelter_name) > 0),
  arrived_on date not null,
  left_on date,
  outcome text check (outcome in ('own_home', 'housing_offer', 'transitional_home', 'other_shelter', 'hospital_or_treatment', 'prison', 'family_or_friends', 'street', 'died', 'unknown')),
  registered_by_name text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id),
  check (left_on is null or left_on >= arrived_on),
  check ((left_on is null) = (outcome is null))
);
-- Stays under way in a period: not left before it (a stay under way has no departure: infinity), arrived by its end.
create index shelter_stay_period_idx on shelter_stay (municipality_id, (coalesce(left_on, 'infinity'::date)), arrived_on);
create index shelter_stay_citizen_idx on shelter_stay (municipality_id, citizen_id, arrived_on desc);

-- The dashboards: deadlines met in a period, complaints received and decided by Ankestyrelsen in a period.
create index case_deadline_met_idx on case_deadline (municipality_id, met_on) where met_on is not null;
create index complaint_received_idx on complaint (municipality_id, received_on);
create index complaint_decided_idx on complaint (municipality_id, appeal_decided_on) where appeal_decided_on is not null;


alter table agreement enable row level security;
create policy tenant_isolation on agreement using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table agreement_goal enable row level security;
create policy tenant_isolation on agreement_goal using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table agreement_goal_unit enable row level security;
create policy tenant_isolation on agreement_goal_unit using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table goal_measurement enable row level security;
create policy tenant_isolation on goal_measurement using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table status_report enable row level security;
create policy tenant_isolation on status_report using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table status_report_goal enable row level security;
create policy tenant_isolation on status_report_goal using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table shelter_stay enable row level security;
create policy tenant_isolation on shelter_stay using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert, update on agreement, agreement_goal, status_report, status_report_goal, shelter_stay to visitator_app;
grant select, insert, delete on agreement_goal_unit to visitator_app;
grant select, insert on goal_measurement to visitator_app;
