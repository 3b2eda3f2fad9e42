-- The case's stored status and its state machine agree (issue 11). Before the complaint track (0009) a case under
-- complaint took the status 'reconsideration' or 'forwarded'; the complaint now runs on its own table and clock and
-- leaves the case's status alone (src/rules/cases/case-state-machine.ts), but the check still allowed both, and a row
-- left in either answered 500 on GET /api/cases/:id. Such a case goes back to the status its latest decision gave it
-- (refused, else decided; its complaint, if any, is unchanged in `complaint`), and the check allows exactly
-- CASE_STATUSES (status-codes.test.ts compares the two).
update case_file c
set status = case
    when (select d.outcome from decision d
          where d.municipality_id = c.municipality_id and d.case_id = c.id
          order by d.decided_on desc, d.created_at desc limit 1) = 'refused' then 'refused'
    else 'decided'
  end
where c.status in ('reconsideration', 'forwarded');

alter table case_file drop constraint case_file_status_check;
alter table case_file add constraint case_file_status_check check (status in (
  'request_received', 'receipt_sent', 'assessment', 'awaiting_approval', 'decided', 'refused', 'ordered', 'closed'));
