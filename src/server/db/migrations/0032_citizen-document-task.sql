-- Issue 16: a document the citizen sends from their own page lands in the caseworker's inbox as a task
-- (src/rules/tasks/task-kinds.ts: citizen_document), as a citizen's message does.
alter table task drop constraint task_kind_check;
alter table task add constraint task_kind_check check (kind in (
  'citizen_complaint', 'citizen_message', 'citizen_document', 'provider_message', 'provider_question', 'order_declined',
  'fko_status', 'order_received', 'authority_message', 'question_answered'));
