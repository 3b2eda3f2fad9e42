import { useState } from 'react';
import { SUPPORT_NEED_LEVELS } from '../../../shared/assessment/ffb-terms.ts';
import { ACTION_LABELS, AUDIT_PURPOSES, PURPOSE_LABELS, RECORD_LABELS } from '../../../shared/audit/audit.schema.ts';
import { messageSchema } from '../../../shared/follow-up/follow-up.schema.ts';
import { type MyOverview, myComplaintSchema } from '../../../shared/self-service/self-service.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { documentSize, documentTypeLabel } from '../../modules/documents/document-format.ts';
import { DocumentUploadForm } from '../../modules/documents/document-upload-form.tsx';
import { useSendMyDocument } from '../../modules/documents/documents.api.ts';
import { useMyAccessLog, useMyCommand, useMyOverview } from '../../modules/follow-up/follow-up.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

const need = (code: string) => SUPPORT_NEED_LEVELS.find((l) => l.code === code)?.display.toLowerCase() ?? code;

/**
 * The citizen's own page, in plain Danish, built for a phone first: what happens next, the newest letters and the
 * messages come first; decisions, the plan and goals, and the access log are folded (DKFDS details) below.
 */
export function MyPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const overview = useMyOverview(page);
  const o = overview.data;
  if (overview.isError) return <Alert variant="error" heading={t('common.error')} />;
  if (!o) return <p>{t('common.loading')}</p>;
  const letters = o.cases
    .flatMap((c) => c.documents.map((d) => ({ ...d, caseId: c.id })))
    .sort((a, b) => b.journalisedOn.localeCompare(a.journalisedOn))
    .slice(0, 3);
  return (
    <>
      <h1>{t('me.title', { name: o.name })}</h1>
      <p className="font-lead">{t('me.intro')}</p>
      {o.cases.length === 0 ? <p>{t('me.noCases')}</p> : null}
      {o.cases.length ? (
        <section className="vt-panel" aria-labelledby="me-now" data-testid="my-now">
          <h2 id="me-now" className="h3">
            {t('me.now')}
          </h2>
          <ul className="vt-plain-list">
            {o.cases.map((c) => (
              <li key={c.id}>
                <strong>{c.title}:</strong> <NextStep c={c} />
              </li>
            ))}
          </ul>
          {letters.length ? (
            <>
              <h3 className="h5">{t('me.newLetters')}</h3>
              <ul className="vt-plain-list" data-testid="my-new-letters">
                {letters.map((d) => (
                  <li key={d.id}>
                    <a href={`/api/me/cases/${d.caseId}/documents/${d.id}`} target="_blank" rel="noreferrer">
                      {d.title}
                    </a>{' '}
                    ({formatDate(d.journalisedOn)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      {o.cases.map((c) => (
        <MyCase key={c.id} c={c} />
      ))}
      <Pagination page={o.page} pageSize={o.pageSize} total={o.casesTotal} onPage={setPage} />
      <details className="details vt-fold">
        <summary className="details-summary">{t('me.access')}</summary>
        <div className="details-text">
          <AccessLog />
        </div>
      </details>
      <p className="vt-muted">
        {t('me.contact', { name: o.municipality.name, phone: o.municipality.phone ?? '', email: o.municipality.email ?? '' })}
      </p>
    </>
  );
}

/**
 * The support's next date: its end after a stop, else the next follow-up (none once the case is closed or the
 * follow-up would fall on or after the end).
 */
function SupportDate({ s }: { s: NonNullable<MyOverview['cases'][number]['support']> }) {
  const { t } = useI18n();
  if (s.endsOn) return <>{t('me.endsOn', { date: formatDate(s.endsOn) })}</>;
  if (s.nextFollowUp) return <>{t('me.nextFollowUp', { date: formatDate(s.nextFollowUp) })}</>;
  return null;
}

/** The one thing that happens next on a case, as the citizen needs to know it. */
function NextStep({ c }: { c: MyOverview['cases'][number] }) {
  const { t, td } = useI18n();
  const s = c.support;
  const openComplaint = c.complaints.find((x) => ['reconsideration', 'forwarded'].includes(x.status));
  const latest = c.decisions[0];
  if (openComplaint) {
    return (
      <>
        {t('me.complaintStatus', {
          date: formatDate(openComplaint.receivedOn),
          status: td(`complaint.status.${openComplaint.status}`),
        })}
      </>
    );
  }
  if (s) {
    // After a stop the end is what happens next, not a follow-up that will not come.
    return (
      <>
        {t('me.provider', { name: s.offerName })} <SupportDate s={s} />
      </>
    );
  }
  if (!latest) {
    return <>{t('me.pending')}</>;
  }
  return (
    <>
      {t('me.decision', {
        date: formatDate(latest.decidedOn),
        outcome: td(`me.outcome.${latest.kind === 'stop' ? 'stop' : latest.outcome}`),
        service: latest.serviceTitle.toLowerCase(),
      })}
      {c.canComplain && c.complaintDeadline
        ? ` ${t('me.complaint.deadline', { date: formatDate(c.complaintDeadline.due) })}`
        : ''}
    </>
  );
}

function MyCase({ c }: { c: MyOverview['cases'][number] }) {
  const { t, td } = useI18n();
  const [message, setMessage] = useState('');
  const [complaint, setComplaint] = useState('');
  const [complaining, setComplaining] = useState(false);
  const send = useMyCommand<{ body: string }>(() => `/api/me/cases/${c.id}/messages`);
  const complain = useMyCommand<{ text: string }>(() => `/api/me/cases/${c.id}/complaints`);
  const complaintErrors = useFormErrors();
  const messageErrors = useFormErrors();
  const s = c.support;
  const recent = c.messages.slice(-3);
  const older = c.messages.slice(0, -3);
  const messageItem = (m: MyOverview['cases'][number]['messages'][number]) => (
    <li key={m.id}>
      <strong>{m.fromParty === 'citizen' ? t('me.message.you') : m.authorName}:</strong> {m.body}
    </li>
  );
  return (
    <section className="vt-section" aria-labelledby={`case-${c.id}`} data-testid="my-case">
      <h2 id={`case-${c.id}`}>{c.title}</h2>
      <p>
        <strong>
          <NextStep c={c} />
        </strong>
        {c.caseworkerName ? ` ${t('me.caseworker', { name: c.caseworkerName })}` : ''}
      </p>
      {complain.data ? <Alert variant="success" heading={t('me.complaint.sent')} /> : null}
      {c.canComplain && !complaining ? (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setComplaining(true)}>
            {t('me.complaint.start')}
          </button>
        </p>
      ) : null}
      {c.canComplain && complaining ? (
        <form
          noValidate
          className="vt-panel"
          aria-label={t('me.complaint.start')}
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = complaintErrors.check(myComplaintSchema, { text: complaint });
            if (parsed) complain.mutate(parsed, { onSuccess: () => setComplaining(false), onError: complaintErrors.fail });
          }}
        >
          <ErrorSummary errors={complaintErrors} fieldId={() => `k-${c.id}`} idPrefix={`k-${c.id}`} />
          <Field id={`k-${c.id}`} label={t('me.complaint.text')} hint={t('me.complaint.hint')} error={complaintErrors.at('text')}>
            <textarea
              id={`k-${c.id}`}
              className="form-input vt-textarea"
              rows={5}
              value={complaint}
              onChange={(e) => setComplaint(e.target.value)}
            />
          </Field>
          <button type="submit" className="button button-primary" disabled={complain.isPending}>
            {t('me.complaint.send')}
          </button>
        </form>
      ) : null}

      <h3 className="h4">{t('me.messages')}</h3>
      {older.length ? (
        <details className="details vt-fold">
          <summary className="details-summary">{t('me.messages.older', { n: older.length })}</summary>
          <ul className="vt-messages details-text">{older.map(messageItem)}</ul>
        </details>
      ) : null}
      {recent.length ? <ul className="vt-messages">{recent.map(messageItem)}</ul> : null}
      {send.isSuccess ? <Alert variant="success" heading={t('me.message.sent')} /> : null}
      <form
        noValidate
        aria-label={t('me.message.label')}
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = messageErrors.check(messageSchema, { body: message });
          if (parsed) send.mutate(parsed, { onSuccess: () => setMessage(''), onError: messageErrors.fail });
        }}
      >
        <ErrorSummary errors={messageErrors} fieldId={() => `m-${c.id}`} idPrefix={`m-${c.id}`} />
        <Field id={`m-${c.id}`} label={t('me.message.label')} error={messageErrors.at('body')}>
          <textarea
            id={`m-${c.id}`}
            className="form-input vt-textarea"
            rows={3}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-secondary" disabled={send.isPending}>
          {t('me.message.send')}
        </button>
      </form>

      <MyDocuments c={c} />

      <details className="details vt-fold">
        <summary className="details-summary">
          {t('me.decisionsAndLetters', { decisions: c.decisions.length, letters: c.documents.length })}
        </summary>
        <div className="details-text">
          {c.decisions.length ? (
            <>
              <h3 className="h4">{t('me.decisions')}</h3>
              <ul>
                {c.decisions.map((d) => (
                  <li key={d.id}>
                    {t('me.decision', {
                      date: formatDate(d.decidedOn),
                      outcome: td(`me.outcome.${d.kind === 'stop' ? 'stop' : d.outcome}`),
                      service: d.serviceTitle.toLowerCase(),
                    })}
                    {d.letterDocumentId ? (
                      <>
                        {' '}
                        <a href={`/api/me/cases/${c.id}/documents/${d.letterDocumentId}`} target="_blank" rel="noreferrer">
                          {t('me.readLetter')}
                        </a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('me.noDecision')}</p>
          )}
          {c.complaints.length ? (
            <p>
              {c.complaints
                .map((x) =>
                  t('me.complaintStatus', { date: formatDate(x.receivedOn), status: td(`complaint.status.${x.status}`) }),
                )
                .join(' ')}
            </p>
          ) : null}
          {c.documents.length ? (
            <>
              <h3 className="h4">{t('me.letters')}</h3>
              <ul>
                {c.documents.map((d) => (
                  <li key={d.id}>
                    <a href={`/api/me/cases/${c.id}/documents/${d.id}`} target="_blank" rel="noreferrer">
                      {d.title}
                    </a>{' '}
                    ({formatDate(d.journalisedOn)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </details>

      {s ? (
        <details className="details vt-fold">
          <summary className="details-summary">{t('me.supportAndGoals')}</summary>
          <div className="details-text" data-testid="my-support">
            <p>
              {t('me.provider', { name: s.offerName })}
              {s.openingHours ? ` ${s.openingHours}` : ''}
            </p>
            {s.endsOn || s.nextFollowUp ? (
              <p data-testid="my-support-dates">
                <strong>
                  <SupportDate s={s} />
                </strong>
              </p>
            ) : null}
            {s.plan ? <p>{t('me.plan', { purpose: s.plan.purpose, duration: s.plan.expectedDuration })}</p> : null}
            <h4 className="h5">{t('me.goals')}</h4>
            <ol>
              {s.goals.map((g) => (
                <li key={g.text}>
                  <strong>{g.text}</strong> ({t('me.by', { date: formatDate(g.targetDate) })})
                  <br />
                  {t('me.goalProgress', { from: need(g.baselineSupportNeedCode), to: need(g.targetSupportNeedCode) })}
                  {g.statuses.length
                    ? ` ${t('me.goalNow', { date: formatDate(g.statuses.at(-1)?.scoredOn ?? ''), level: need(g.statuses.at(-1)?.supportNeedCode ?? '') })}`
                    : ` ${t('me.goalNoStatus')}`}{' '}
                  <em>{td(`me.progress.${g.progress}`)}</em>
                </li>
              ))}
            </ol>
          </div>
        </details>
      ) : null}
    </section>
  );
}

/**
 * The documents the citizen has sent to the case, and the form to send one (a doctor's statement, a photo of a
 * letter): the case file's own checks, journalised, and a task in the caseworker's inbox. Opening one is logged.
 */
function MyDocuments({ c }: { c: MyOverview['cases'][number] }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const send = useSendMyDocument(c.id);
  return (
    <section aria-labelledby={`docs-${c.id}`} data-testid="my-documents">
      <h3 id={`docs-${c.id}`} className="h4">
        {t('me.documents')}
      </h3>
      <p>{t('me.documents.intro')}</p>
      {c.sent.length ? (
        <>
          <h4 className="h5">{t('me.documents.yours')}</h4>
          <ul className="vt-plain-list" data-testid="my-sent-documents">
            {c.sent.map((d) => (
              <li key={d.id}>
                <a href={`/api/me/cases/${c.id}/documents/${d.id}`} target="_blank" rel="noreferrer">
                  {d.title}
                </a>{' '}
                (
                {t('me.documents.item', {
                  date: formatDate(d.documentDate),
                  type: documentTypeLabel(d.contentType),
                  size: documentSize(d.byteSize, lang),
                })}
                )
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? (
        <DocumentUploadForm
          idPrefix={`send-${c.id}`}
          upload={send}
          onCancel={() => setOpen(false)}
          text={{
            heading: 'me.documents.heading',
            subjectHint: 'me.documents.subjectHint',
            submit: 'me.documents.submit',
            done: 'me.documents.sent',
          }}
        />
      ) : (
        <p>
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t('me.documents.start')}
          </button>
        </p>
      )}
    </section>
  );
}

/** Who has looked at my data: one line per visit, with who (as I know them), what was done and read, and why. */
function AccessLog() {
  const { t, pick, lang } = useI18n();
  const [page, setPage] = useState(1);
  const log = useMyAccessLog(page);
  const label = <T extends string>(labels: Record<T, { da: string; en: string }>, key: string) =>
    key in labels ? pick(labels[key as T]) : key;
  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading" className="sr-only">
        {t('me.access')}
      </h2>
      <p>{t('me.access.intro')}</p>
      {log.data ? (
        <>
          <ul data-testid="my-access-log" className="vt-plain-list vt-access-log">
            {log.data.items.map((e) => (
              <li key={e.id}>
                <strong>{formatDateTime(e.startedAt, lang)}</strong>: {e.unit ?? t('me.access.you')} –{' '}
                {e.actions
                  .map((a) => label(ACTION_LABELS, a))
                  .join(` ${t('common.and')} `)
                  .toLocaleLowerCase(lang)}
                {e.what.length ? `: ${e.what.map((w) => label(RECORD_LABELS, w)).join(', ')}` : ''} –{' '}
                {e.purpose && (AUDIT_PURPOSES as readonly string[]).includes(e.purpose)
                  ? pick(PURPOSE_LABELS[e.purpose as (typeof AUDIT_PURPOSES)[number]])
                  : t('common.none')}
              </li>
            ))}
          </ul>
          <Pagination page={log.data.page} pageSize={log.data.pageSize} total={log.data.total} onPage={setPage} />
        </>
      ) : null}
    </section>
  );
}
