-- Found by bench/provider-orders.bench.ts: statuses are read by order for a page of orders, and the index on
-- (municipality_id, goal_id, scored_on) could not serve that, so each page scanned every status.
create index fko_status_order_idx on fko_status (municipality_id, order_id);
