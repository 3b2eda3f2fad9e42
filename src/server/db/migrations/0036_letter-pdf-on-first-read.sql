-- A generated letter's PDF is made when it is first read, not when the demo history is generated (docs/PERFORMANCE.md,
-- "Start-up"): rendering the demo's ~950 letters cost a cold `npm start` about 5 s, and few of them are ever opened.
-- Such a letter is journalised with its letter (the model the PDF is printed from, which the preview shows) and no
-- PDF; the first read renders it from that letter and stores it in the same transaction, and every later read returns
-- the stored bytes. A PDF, once stored, never changes: a journalised document is what the citizen was sent.
-- Letters journalised by the use cases, and uploads, are stored with their content as before.
alter table case_document alter column content drop not null;
alter table case_document add constraint case_document_content_check
  check (content is not null or (kind <> 'upload' and letter is not null));

create function case_document_content_once() returns trigger language plpgsql as $$
begin
  if old.content is not null or new.content is null or to_jsonb(new) - 'content' <> to_jsonb(old) - 'content' then
    raise exception 'a journalised document does not change: only a letter without its PDF gets it, once'
      using errcode = 'check_violation';
  end if;
  return new;
end $$;
create trigger case_document_content_once before update on case_document
  for each row execute function case_document_content_once();

-- The app stores a letter's PDF on its first read, and can change nothing else of a document.
grant update (content) on case_document to visitator_app;
