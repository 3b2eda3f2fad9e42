-- Platform: tenants (municipalities), organisation, users, citizens and the append-only audit log.
-- Runs on PostgreSQL 15 and PGlite (Postgres 18): no syntax newer than 15.

-- The role every request runs as (SET LOCAL ROLE in each transaction). It owns nothing, so row-level
-- security always applies to it. Roles are cluster-wide: create it once, tolerate it existing.
do $$
begin
  create role visitator_app nologin;
exception when duplicate_object or unique_violation then null;
end $$;

do $$
begin
  execute format('grant visitator_app to %I', current_user);
exception when others then null;
end $$;

-- The municipality of the current transaction, set by the server with set_config(..., true).
-- Unset means no tenant: every policy then matches no row.
create function app_current_municipality() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.municipality_id', true), '')::uuid $$;

create table municipality (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[0-9]{3}$'), -- kommunekode
  name text not null,
  address text,
  phone text,
  email text,
  created_at timestamptz not null default now()
);

create table org_unit (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  parent_id uuid references org_unit (id),
  kind text not null check (kind in ('center', 'authority', 'department', 'offer')),
  name text not null,
  created_at timestamptz not null default now()
);
create index org_unit_municipality_parent_idx on org_unit (municipality_id, parent_id);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  name text not null,
  role text not null check (role in ('caseworker', 'provider_staff', 'team_leader', 'administrator', 'analyst', 'citizen')),
  unit_id uuid references org_unit (id),
  citizen_id uuid,
  oidc_subject text unique,
  email text,
  is_demo boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create index app_user_municipality_idx on app_user (municipality_id, role);

-- Provider staff are bound to one or more offers.
create table app_user_offer (
  municipality_id uuid not null references municipality (id),
  user_id uuid not null references app_user (id),
  unit_id uuid not null references org_unit (id),
  primary key (user_id, unit_id)
);

create table citizen (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references municipality (id),
  cpr char(10) not null check (cpr ~ '^[0-9]{10}$'),
  substitute_cpr boolean not null,
  birth_date date not null,
  first_name text not null,
  last_name text not null,
  address text,
  postal_code text,
  city text,
  phone text,
  email text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, cpr)
);
-- Name search is by prefix on either name (see citizens.repository.ts).
create index citizen_first_name_idx on citizen (municipality_id, lower(first_name) text_pattern_ops);
create index citizen_last_name_idx on citizen (municipality_id, lower(last_name) text_pattern_ops);

alter table app_user add constraint app_user_citizen_fk foreign key (citizen_id) references citizen (id);

-- Append-only: the app role may INSERT and SELECT, nothing else. Each row carries the hash of the
-- previous row of its municipality's chain (null municipality: platform events such as a failed log-in).
create table audit_log (
  id bigint generated always as identity primary key,
  municipality_id uuid references municipality (id),
  occurred_at timestamptz not null,
  request_id text,
  actor_user_id uuid,
  actor_name text,
  actor_role text,
  actor_unit_id uuid,
  actor_unit_name text,
  action text not null check (action in ('read', 'search', 'create', 'update', 'delete', 'export', 'login', 'logout', 'login_failed', 'access_denied')),
  purpose text not null,
  citizen_id uuid,
  record_type text,
  record_id text,
  criterion text,
  details jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_log_chain_idx on audit_log (municipality_id, id);
create index audit_log_citizen_idx on audit_log (municipality_id, citizen_id, id);

-- Row-level security: one policy per business table, keyed on the transaction's municipality.
alter table municipality enable row level security;
create policy tenant_isolation on municipality using (id = app_current_municipality());

alter table org_unit enable row level security;
create policy tenant_isolation on org_unit
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());

alter table app_user enable row level security;
create policy tenant_isolation on app_user
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());

alter table app_user_offer enable row level security;
create policy tenant_isolation on app_user_offer
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());

alter table citizen enable row level security;
create policy tenant_isolation on citizen
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());

alter table audit_log enable row level security;
create policy tenant_read on audit_log for select using (municipality_id = app_current_municipality());
create policy tenant_append on audit_log for insert with check (municipality_id = app_current_municipality());

grant usage on schema public to visitator_app;
grant execute on function app_current_municipality() to visitator_app;
grant select on municipality to visitator_app;
grant select on org_unit, app_user, app_user_offer to visitator_app;
grant select, insert, update on citizen to visitator_app;
grant select, insert on audit_log to visitator_app;
