-- Economy and capacity (issue 13): rate cards, budgets and postings from the finance system, places sold to other
-- municipalities, recorded self-payments and the waiting list. Tenant keys as migration 0012 made them: (municipality_id, id)
-- everywhere, foreign keys composite, municipality_id leading every unique constraint, row-level security per municipality.

-- The economist and center management (økonomi og centerledelse): budgets, forecasts, rate cards and capacity.
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
  check (role in ('caseworker', 'provider_staff', 'team_leader', 'administrator', 'analyst', 'economist', 'citizen'));

-- Offers run by other municipalities, regions and private providers are in the catalogue too, so purchases can be
-- priced; `provider_name` names who runs an offer that is not the municipality's own.
alter table offer drop constraint offer_owner_check;
alter table offer add constraint offer_owner_check
  check (owner in ('own', 'self_governing', 'private', 'other_municipality', 'region'));
alter table offer add column provider_name text;

-- Rate cards (takstblade): per offer and rate year, versions with in-force dates. An open version (no end) gives way
-- to a later version of its year; explicit periods must not overlap (checked by the economy module under a lock).
create table rate_card (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  offer_id uuid not null,
  rate_year integer not null check (rate_year between 2000 and 2100),
  in_force_from date not null,
  in_force_to date,
  pricing_basis text not null check (pricing_basis in ('daily', 'hourly', 'module', 'profile')),
  daily_rate numeric(12, 2) check (daily_rate > 0),
  hourly_rate numeric(12, 2) check (hourly_rate > 0),
  module_day_rate numeric(12, 2) check (module_day_rate > 0),
  profile_prices jsonb not null default '[]',
  add_ons jsonb not null default '[]',
  occupancy_pct numeric(5, 2) check (occupancy_pct between 1 and 100),
  financing text not null check (financing in ('rate', 'frame')),
  source text not null check (length(source) > 0),
  invented boolean not null default false,
  note text,
  created_by_name text,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id),
  unique (municipality_id, offer_id, in_force_from),
  check (extract(year from in_force_from) = rate_year),
  check (in_force_to is null or (in_force_to >= in_force_from and extract(year from in_force_to) = rate_year))
);

-- Budgets per unit and year. Groups are the subtotals a budget document prints (checked against the lines under
-- them, so a printed total that does not add up shows); lines are what the forecast compares with.
create table budget_group (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  budget_year integer not null check (budget_year between 2000 and 2100),
  parent_id uuid,
  label text not null check (length(label) > 0),
  printed_amount numeric(14, 2),
  position integer not null default 0,
  source text,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, parent_id) references budget_group (municipality_id, id),
  unique (municipality_id, budget_year, label)
);

create table finance_import (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('budget', 'postings')),
  file_name text not null,
  row_count integer not null check (row_count >= 0),
  checksum text not null,
  imported_by_name text not null,
  imported_at timestamptz not null default now(),
  primary key (municipality_id, id)
);

create table budget_line (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  budget_year integer not null check (budget_year between 2000 and 2100),
  unit_id uuid not null,
  line_kind text not null check (line_kind in ('center_common', 'purchase_external', 'purchase_internal', 'refund', 'sale', 'other_authority', 'operating', 'provider_sales')),
  offer_id uuid,
  group_id uuid,
  label text not null check (length(label) > 0),
  amount numeric(14, 2) not null,
  source text,
  invented boolean not null default false,
  import_id uuid,
  version integer not null default 1,
  updated_by_name text,
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, unit_id) references org_unit (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id),
  foreign key (municipality_id, group_id) references budget_group (municipality_id, id),
  foreign key (municipality_id, import_id) references finance_import (municipality_id, id)
);
-- One line per unit, kind and offer in a year (an import updates it).
create unique index budget_line_key_idx on budget_line (municipality_id, budget_year, unit_id, line_kind, coalesce(offer_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- Postings (actuals) from the finance system; the voucher makes a re-import of the same posting an update.
create table budget_posting (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  budget_year integer not null check (budget_year between 2000 and 2100),
  voucher text not null check (length(voucher) > 0),
  posted_on date not null,
  unit_id uuid not null,
  line_kind text not null check (line_kind in ('center_common', 'purchase_external', 'purchase_internal', 'refund', 'sale', 'other_authority', 'operating', 'provider_sales')),
  offer_id uuid,
  amount numeric(14, 2) not null,
  text text,
  invented boolean not null default false,
  import_id uuid,
  primary key (municipality_id, id),
  foreign key (municipality_id, unit_id) references org_unit (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id),
  foreign key (municipality_id, import_id) references finance_import (municipality_id, id),
  unique (municipality_id, budget_year, voucher),
  check (extract(year from posted_on) = budget_year)
);
create index budget_posting_year_idx on budget_posting (municipality_id, budget_year, posted_on);

-- A place in one of our offers sold to another (acting and paying) municipality, retssikkerhedsloven §§ 9–9 c.
-- That municipality holds the case; we hold the sale, priced from the offer's rate card.
create table place_sale (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  offer_id uuid not null,
  paying_municipality_code text not null check (paying_municipality_code ~ '^[0-9]{3}$'),
  paying_municipality_name text not null check (length(paying_municipality_name) > 0),
  buyer_reference text,
  citizen_label text,
  from_date date not null,
  to_date date,
  weekly_hours numeric(6, 2) check (weekly_hours between 0 and 168),
  module_days integer check (module_days between 1 and 5),
  profile_code text,
  note text,
  invented boolean not null default false,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id),
  check (to_date is null or to_date >= from_date)
);
create index place_sale_offer_idx on place_sale (municipality_id, offer_id, from_date);

-- A citizen's self-payment for §§ 107/108 housing, as decided (computed with the calculators), for the forecast.
create table citizen_payment (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  order_id uuid not null,
  citizen_id uuid not null,
  legal_basis text not null check (legal_basis in ('SEL § 107', 'SEL § 108')),
  monthly_amount numeric(12, 2) not null check (monthly_amount >= 0),
  from_date date not null,
  to_date date,
  basis jsonb not null,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, order_id) references case_order (municipality_id, id),
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
  unique (municipality_id, order_id, from_date),
  check (to_date is null or to_date >= from_date)
);

-- The waiting list per offer or offer type: a granted citizen without a place, with decision date, date of need and
-- priority; a place offered, accepted or declined; every step an event, so waiting time is measured.
create table waiting_list_entry (
  municipality_id uuid not null references municipality (id),
  id uuid not null default gen_random_uuid(),
  citizen_id uuid not null,
  case_id uuid,
  legal_basis text not null check (length(legal_basis) > 0),
  offer_id uuid,
  decided_on date not null,
  needed_from date not null,
  priority integer not null check (priority between 1 and 3),
  status text not null default 'waiting' check (status in ('waiting', 'offered', 'accepted', 'withdrawn')),
  offered_offer_id uuid,
  offered_on date,
  answer_by date,
  start_on date,
  closed_on date,
  declines integer not null default 0 check (declines >= 0),
  note text,
  created_by_name text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (municipality_id, id),
  foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
  foreign key (municipality_id, case_id) references case_file (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id),
  foreign key (municipality_id, offered_offer_id) references offer (municipality_id, id),
  check (status not in ('offered', 'accepted') or (offered_offer_id is not null and offered_on is not null)),
  check ((status in ('accepted', 'withdrawn')) = (closed_on is not null))
);
-- One open entry per citizen and offer type.
create unique index waiting_list_open_idx on waiting_list_entry (municipality_id, citizen_id, legal_basis)
  where status in ('waiting', 'offered');
create index waiting_list_status_idx on waiting_list_entry (municipality_id, status, priority, needed_from);

create table waiting_list_event (
  municipality_id uuid not null references municipality (id),
  id bigint generated always as identity,
  entry_id uuid not null,
  kind text not null check (kind in ('entered', 'offered', 'accepted', 'declined', 'withdrawn', 'reprioritised')),
  occurred_on date not null,
  offer_id uuid,
  note text,
  actor_name text not null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, entry_id) references waiting_list_entry (municipality_id, id),
  foreign key (municipality_id, offer_id) references offer (municipality_id, id)
);
create index waiting_list_event_entry_idx on waiting_list_event (municipality_id, entry_id, id);

alter table rate_card enable row level security;
create policy tenant_isolation on rate_card using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table budget_group enable row level security;
create policy tenant_isolation on budget_group using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table finance_import enable row level security;
create policy tenant_isolation on finance_import using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table budget_line enable row level security;
create policy tenant_isolation on budget_line using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table budget_posting enable row level security;
create policy tenant_isolation on budget_posting using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table place_sale enable row level security;
create policy tenant_isolation on place_sale using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table citizen_payment enable row level security;
create policy tenant_isolation on citizen_payment using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table waiting_list_entry enable row level security;
create policy tenant_isolation on waiting_list_entry using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());
alter table waiting_list_event enable row level security;
create policy tenant_isolation on waiting_list_event using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality());

grant select, insert, update on rate_card, budget_line, place_sale, waiting_list_entry, budget_group to visitator_app;
grant select, insert, update on budget_posting, citizen_payment to visitator_app;
grant select, insert on finance_import, waiting_list_event to visitator_app;

-- The forecast and capacity read the municipality's orders through case_order_pkey's municipality_id and filter those
-- ended before the period. An index on (municipality_id, ends_on) served no better (most orders of a year are still
-- running or ended within it) and, being the smallest led by municipality_id, PGlite's planner took it for the
-- provider's page instead of case_order_offer_status_idx.
-- The what-if reads the grants decided under one service description's versions.
create index decision_version_idx on decision (municipality_id, service_description_version_id);

-- Who acts and who pays (retssikkerhedsloven §§ 9–9 c), recorded on the case; null is the case's own municipality.
-- Another paying municipality makes the citizen's place in one of our offers a sale.
alter table case_file add column acting_municipality_code text check (acting_municipality_code ~ '^[0-9]{3}$');
alter table case_file add column acting_municipality_name text;
alter table case_file add column paying_municipality_code text check (paying_municipality_code ~ '^[0-9]{3}$');
alter table case_file add column paying_municipality_name text;
alter table case_file add constraint case_file_acting_named check ((acting_municipality_code is null) = (acting_municipality_name is null));
alter table case_file add constraint case_file_paying_named check ((paying_municipality_code is null) = (paying_municipality_name is null));
