-- Issue 11: the follow-up alerts page the running orders by their next follow-up. For a team leader that is every
-- running order of the municipality; without an index in that order PostgreSQL joined and sorted them all for each
-- page. Partial (only accepted orders run), tenant-led like every index since 0012.
create index case_order_running_idx on case_order (municipality_id, first_follow_up, id) where status = 'accepted';
