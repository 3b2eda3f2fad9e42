-- Each audit entry's position in its chain (1, 2, 3, … per municipality; the system chain is the reserved
-- municipality row of 0012). The anchors written outside the database name a chain's head by (chain, chain_seq,
-- hash), so verification can tell that the end of a chain was removed, truncated or rewritten. A future sequencer
-- (issue 11) assigns the same number.
alter table audit_log add column chain_seq bigint;
update audit_log a set chain_seq = s.n
  from (select municipality_id, id, row_number() over (partition by municipality_id order by id) as n from audit_log) s
  where a.municipality_id = s.municipality_id and a.id = s.id;
alter table audit_log alter column chain_seq set not null;
-- One entry per position; serves the head of a chain (order by chain_seq desc limit 1) and verification's walk.
create unique index audit_log_chain_seq_idx on audit_log (municipality_id, chain_seq);
