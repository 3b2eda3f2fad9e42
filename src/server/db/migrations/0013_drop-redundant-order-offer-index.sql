-- case_order_offer_idx (municipality_id, offer_id) is a prefix of case_order_offer_status_idx (municipality_id,
-- offer_id, status, from 0010): every read and foreign-key check the shorter one served, the longer one serves. Kept
-- both, the planner chose between them by statistics (with the demo history PostgreSQL 15 took the shorter one for the
-- provider's page of orders, which then filters status row by row), and every order paid to maintain both.
drop index case_order_offer_idx;
