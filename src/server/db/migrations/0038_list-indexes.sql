-- The three lists that read a whole municipality (issue 11), read in an index order instead: at Copenhagen's size
-- (docs/PERFORMANCE.md) each sorted or filtered tens of thousands of rows for a page of 20.

-- The provider's "our citizens", sorted by the citizen's name: the citizens are walked by name, each one's orders
-- looked up (case_file_citizen_idx, case_order_case_idx), and the walk stops after a page.
create index citizen_name_idx on citizen (municipality_id, last_name, first_name, id);

-- The work list by next deadline walks the open deadlines in due order. Only the deadlines the municipality must
-- meet count (rules/deadlines/deadline-duty.ts, MUNICIPALITY_DEADLINE_KINDS: a test holds this list to it), not met
-- and not lapsed: case_deadline_open_idx also holds the complaint deadlines that ran out without a complaint and
-- the lapsed ones, which at Copenhagen's size were 96 % of the rows walked before the first page was found.
create index case_deadline_duty_idx on case_deadline (municipality_id, due_date)
  where met_on is null and lapsed_on is null
    and kind in ('receipt', 'decision', 'decision_day_offer', 'start', 'forward_to_ankestyrelsen');

-- Running orders (accepted, not past their end) by next follow-up, for the follow-up alerts: those with no end in
-- one index in follow-up order, those with an end still ahead by their end. case_order_running_idx held the orders
-- past their end too (status stays 'accepted'), which sort first and grow with every year of history: at
-- Copenhagen's size 36,257 of them were read before the first running one.
create index case_order_running_open_idx on case_order (municipality_id, first_follow_up, id)
  where status = 'accepted' and ends_on is null;
create index case_order_running_ends_idx on case_order (municipality_id, ends_on)
  where status = 'accepted' and ends_on is not null;
drop index case_order_running_idx;
