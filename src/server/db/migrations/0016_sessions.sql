-- Server-side sessions (issue 10): log-out, the idle timeout, an administrator and a deactivation end one at once.
-- The cookie carries the municipality and a random token; the row's id is the token's SHA-256, so a copy of this
-- table logs no one in. Keyed by (municipality_id, id): resolving a request's session is one primary-key probe that
-- can run inside the tenant's own transaction, under row-level security (issue 11 folds it into the request's
-- transaction), and the table distributes by tenant like the others.

create table app_session (
  municipality_id uuid not null references municipality (id),
  id text not null check (id ~ '^[0-9a-f]{64}$'),
  user_id uuid not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (municipality_id, id),
  foreign key (municipality_id, user_id) references app_user (municipality_id, id)
);
-- An administrator ends a user's sessions; the user list counts them.
create index app_session_user_idx on app_session (municipality_id, user_id);

alter table app_session enable row level security;
create policy tenant_isolation on app_session
  using (municipality_id = app_current_municipality())
  with check (municipality_id = app_current_municipality());

grant select, insert, delete on app_session to visitator_app;
grant update (last_seen_at) on app_session to visitator_app;
-- An administrator deactivates and reactivates users of their own municipality (row-level security applies).
grant update (active) on app_user to visitator_app;

-- The administrator's user list filters by a name prefix: a range on the stored lower-case name, which (unlike
-- LIKE) an index can serve under row-level security (see 0002).
alter table app_user add column search_name text generated always as (lower(name)) stored;
create index app_user_search_name_idx on app_user (municipality_id, search_name text_pattern_ops);
