import { type FormEvent, useState } from 'react';
import { type CaseDetail, noteSchema } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { CASE_LIST_PAGE_SIZE, useCaseActions, useCaseEvents } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

type CaseEvent = CaseDetail['events'][number];

/**
 * Journal entries, newest first: what happened last is what a caseworker opens the journal for. Numbered as they
 * happened (`newestNumber` is the number of the first entry listed), listed newest first.
 */
function EventList({ events, newestNumber, testId }: { events: CaseEvent[]; newestNumber: number; testId: string }) {
  const { lang } = useI18n();
  return (
    <ol reversed start={newestNumber} className="vt-timeline" data-testid={testId}>
      {events.map((e) => (
        <li key={e.id}>
          <strong>{e.subject}</strong>{' '}
          <span className="vt-muted">{[formatDateTime(e.occurredAt, lang), e.actorName].filter(Boolean).join(' · ')}</span>
          {e.body ? <p>{e.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** The latest few entries, for the overview (the case page carries the newest entries, oldest first). */
export function Timeline({ c, latest }: { c: CaseDetail; latest: number }) {
  return <EventList events={c.events.slice(-latest).reverse()} newestNumber={c.eventsTotal} testId="case-latest" />;
}

/** The whole journal, newest first, a page at a time (the printed case, case-export, keeps the order they happened). */
function JournalPages({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const pages = useCaseEvents(c.id, page);
  // Until the first page arrives, the newest entries the case page carries.
  const events = pages.data?.items ?? (page === 1 ? c.events.slice(-CASE_LIST_PAGE_SIZE).reverse() : []);
  const total = pages.data?.total ?? c.eventsTotal;
  return (
    <>
      {total > CASE_LIST_PAGE_SIZE ? <p className="vt-muted">{t('case.journal.count', { count: String(total) })}</p> : null}
      <EventList events={events} newestNumber={total - (page - 1) * CASE_LIST_PAGE_SIZE} testId="case-timeline" />
      <Pagination page={page} pageSize={CASE_LIST_PAGE_SIZE} total={total} onPage={setPage} />
    </>
  );
}

/**
 * The case's journal (notatpligt): the form for a new note at the top, then every step and note, newest first, so
 * neither writing nor reading the latest means scrolling past the whole history.
 */
export function CaseJournal({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const actions = useCaseActions(c.id);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const noteErrors = useFormErrors();

  function note(event: FormEvent) {
    event.preventDefault();
    const parsed = noteErrors.check(noteSchema, { subject, body });
    if (!parsed) return;
    actions.addNote.mutate(parsed, {
      onSuccess: () => {
        setSubject('');
        setBody('');
      },
      onError: noteErrors.fail,
    });
  }

  return (
    <>
      <h2 id="timeline-heading">{t('case.section.journal')}</h2>
      <form onSubmit={note} noValidate className="vt-panel" aria-label={t('cases.note.add')}>
        <ErrorSummary errors={noteErrors} fieldId={fieldIdOf('note')} idPrefix="note" />
        {actions.addNote.isSuccess && !noteErrors.state.problems.length ? (
          <Alert variant="success" heading={t('cases.note.added')} />
        ) : null}
        <Field id="note-subject" label={t('cases.note.subject')} error={noteErrors.at('subject')}>
          <input id="note-subject" className="form-input" value={subject} onChange={(e) => setSubject(e.target.value)} />
        </Field>
        <Field id="note-body" label={t('cases.note.body')} error={noteErrors.at('body')}>
          <textarea
            id="note-body"
            className="form-input vt-textarea"
            rows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-secondary" disabled={actions.addNote.isPending}>
          {t('cases.note.add')}
        </button>
      </form>
      <p className="vt-muted">{t('case.journal.order')}</p>
      <JournalPages c={c} />
    </>
  );
}
