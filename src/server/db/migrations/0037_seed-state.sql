-- What the demo seeds last loaded, by a fingerprint of their inputs (the policy files and the seed code): a start whose
-- inputs are unchanged skips reading and checking every seeded document again (docs/PERFORMANCE.md, "Start-up").
-- Not tenant data: it belongs to the installation, like schema_migration, and only the schema owner reads it.
create table seed_state (
  name text primary key,
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  seeded_at timestamptz not null default now()
);
