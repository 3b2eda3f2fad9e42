-- Distributes a migrated Visitator database over a Citus cluster by municipality (docs/SCALING.md).
-- Run once, as the schema owner, on the coordinator after `create extension citus` and the migrations, before data:
--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f scripts/citus-distribute.sql
-- Read from the catalogue, as tests/integration/tenant-keys.test.ts reads it: the shared tables become reference
-- tables (a copy on every node) and every table with municipality_id is distributed by it, co-located with citizen.
-- Citus refuses a foreign key from a table that is still local to one already distributed, so the foreign keys are
-- set aside while the tables are distributed and then put back exactly as the migrations wrote them. Putting them
-- back is where Citus checks what migration 0012 made true: each foreign key between distributed tables includes
-- municipality_id on both sides. One transaction: Citus then needs its shard commands run one after the other.
set citus.multi_shard_modify_mode to 'sequential';
do $$
declare
  shared text[] := array['municipality', 'ffb_code_system', 'ffb_code'];
  fk record;
  fks text[][] := '{}';
  t text;
begin
  for fk in
    select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c
    where c.contype = 'f' and c.connamespace = 'public'::regnamespace
  loop
    fks := fks || array[[fk.tbl, fk.name, fk.def]];
    execute format('alter table %s drop constraint %I', fk.tbl, fk.name);
  end loop;

  foreach t in array shared loop
    perform create_reference_table(t::regclass);
  end loop;
  perform create_distributed_table('citizen', 'municipality_id');
  for t in
    select c.relname from pg_class c
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'citizen'
    order by c.relname
  loop
    perform create_distributed_table(t::regclass, 'municipality_id', colocate_with => 'citizen');
  end loop;

  for i in 1 .. coalesce(array_length(fks, 1), 0) loop
    execute format('alter table %s add constraint %I %s', fks[i][1], fks[i][2], fks[i][3]);
  end loop;
end $$;
