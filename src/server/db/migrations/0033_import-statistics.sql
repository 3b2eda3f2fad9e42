-- Issue 15: the planner's statistics of a table an import has just filled, refreshed inside the import's transaction.
-- Each child row's foreign-key check looks its parent up by (municipality_id, id). PostgreSQL plans that look-up from
-- the table's statistics, and for a table whose statistics predate the import (a new database, or a municipality
-- moving in: a few hundred rows known) every index starting with municipality_id costs about the same, so it may take
-- a narrower one (citizen_birth_date_idx, case_file_journal_number_idx) and filter on id: each check then reads every
-- row of the municipality, and the import grows with the square of its rows (10,000 cases: 5.3 of 17.6 s in the
-- citizen checks alone, docs/PERFORMANCE.md). ANALYZE in the same transaction counts the rows it inserted; the
-- cached check plans are invalidated and planned again on the primary key. The app role owns no table, so it may not
-- analyze: this function runs as the schema owner, for the tables imports write and other rows then reference, only.
-- ANALYZE holds a SHARE UPDATE EXCLUSIVE lock until the commit; it blocks no reads or writes, only another
-- ANALYZE/VACUUM of the same table (autovacuum skips it meanwhile).
create function import_analyze(p_table text) returns void
language plpgsql volatile security definer
set search_path = public, pg_temp
as $$
begin
  if p_table not in ('citizen', 'case_file', 'assessment', 'decision', 'case_order') then
    raise exception 'import_analyze: % is not a table imports fill', p_table using errcode = '42501';
  end if;
  execute format('analyze %I', p_table);
end
$$;
revoke all on function import_analyze(text) from public;
grant execute on function import_analyze(text) to visitator_app;
