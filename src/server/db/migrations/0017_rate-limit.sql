-- The rate limit's counters (issue 10): kept in the database so that every app server counts against the same
-- limit and a restart does not forget. One row per client address and limit, a fixed window each.
-- Not tenant data: a request is counted before anyone is known. Unlogged: counting is hot (a write per API request)
-- and needs no WAL; after a crash or a fail-over the counters start again from zero (a clean restart keeps them).
-- Measured in docs/PERFORMANCE.md; why it is shared, not tenant data: docs/SCALING.md.
create unlogged table rate_limit (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
-- The sweep of windows that have ended.
create index rate_limit_window_idx on rate_limit (window_start);
