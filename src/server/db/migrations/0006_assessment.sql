-- The VUM 2.0 assessment (udredning) of a case: per FFB theme a functional level, the citizen's wishes and goals
-- and who gave the information; and the overall support need. Codes are KL's (FFB, CareSocialCodes).
create table assessment (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  case_id uuid not null unique references case_file (id),
  support_need_code text,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);

create table assessment_theme (
  municipality_id uuid not null references municipality (id),
  assessment_id uuid not null references assessment (id),
  theme_code text not null,
  level_code text,
  wishes text,
  informant_code text,
  notes text,
  primary key (assessment_id, theme_code)
);

alter table assessment enable row level security;
create policy tenant_isolation on assessment using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table assessment_theme enable row level security;
create policy tenant_isolation on assessment_theme using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert, update on assessment to visitator_app;
grant select, insert, update, delete on assessment_theme to visitator_app;
