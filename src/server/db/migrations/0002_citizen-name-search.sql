-- Name search under row-level security. RLS quals act as a security barrier: a query's own conditions
-- reach an index before the policy only if their operators are leakproof. LIKE and lower() are not, so
-- 0001's expression indexes were never used (measured: bench/citizen-search.bench.ts). The pattern
-- comparison operators ~>=~ / ~<~ are leakproof, so the search compares stored lower-case names by range.
alter table citizen add column search_first_name text generated always as (lower(first_name)) stored;
alter table citizen add column search_last_name text generated always as (lower(last_name)) stored;

drop index citizen_first_name_idx;
drop index citizen_last_name_idx;
create index citizen_search_first_name_idx on citizen (municipality_id, search_first_name text_pattern_ops);
create index citizen_search_last_name_idx on citizen (municipality_id, search_last_name text_pattern_ops);
