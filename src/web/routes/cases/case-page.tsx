import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { noteSchema } from '../../../shared/cases/case.schema.ts';
import { ApiRequestError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { hasOpenComplaint, useCase, useCaseActions } from '../../modules/cases/cases.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatCpr, formatDate, formatDateTime } from '../../ui/format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { ApprovalPanel } from './approval-panel.tsx';
import { AssessmentForm } from './assessment-form.tsx';
import { CaseRecord } from './case-record.tsx';
import { CitizenMessages } from './citizen-messages.tsx';
import { CloseCase } from './close-case.tsx';
import { ComplaintPanel } from './complaint-panel.tsx';
import { DeadlineNoticeForm } from './deadline-notice-form.tsx';
import { DeadlineTag } from './deadline-tag.tsx';
import { DecisionForm } from './decision-form.tsx';
import { FollowUpPanel } from './follow-up-panel.tsx';
import { LetterPreview } from './letter-preview.tsx';
import { MunicipalitiesPanel } from './municipalities-panel.tsx';
import { OrderForm } from './order-form.tsx';
import { OutreachPanel } from './outreach-panel.tsx';
import { ReceiptForm } from './receipt-form.tsx';

/** The case page: the next action in one click, the deadlines, the timeline and the letters. */
export function CasePage({ user }: { user: SessionUser }) {
  const { t, td, lang } = useI18n();
  const { id = '' } = useParams();
  const detail = useCase(id);
  const actions = useCaseActions(id);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [receipt, setReceipt] = useState(false);
  const noteErrors = useFormErrors();
  const stepErrors = useFormErrors();
  if (detail.error instanceof ApiRequestError && [400, 404].includes(detail.error.status)) return <NotFoundPage />;
  if (detail.isError) return <Alert variant="error" heading={t('common.error')} />;
  const c = detail.data;
  if (!c) return <p>{t('common.loading')}</p>;
  const noticeDeadline = notice ? c.deadlines.find((d) => d.kind === notice && d.noticeAllowed && !d.noticeSentOn) : undefined;

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
      <p className="vt-back">
        <Link to="/sager">{t('cases.back')}</Link>
      </p>
      <h1>
        <span className="vt-eyebrow">
          <Link to={`/borgere/${c.citizen.id}`}>{c.citizen.name}</Link> · {formatCpr(c.citizen.cpr)} ·{' '}
          <span data-testid="journal-number">
            {t('cases.journalNumber')} {c.journalNumber}
          </span>
        </span>
        {c.title}
      </h1>
      <p data-testid="case-status">
        {t('cases.col.status')}: <strong>{td(`case.status.${c.status}`)}</strong>
      </p>

      <section className="vt-panel" aria-labelledby="next-heading">
        <h2 id="next-heading" className="h3">
          {t('cases.next')}
        </h2>
        <ErrorSummary errors={stepErrors} fieldId={() => ''} idPrefix="step" />
        {c.allowedActions.includes('send_receipt') ? (
          receipt ? (
            <ReceiptForm c={c} onCancel={() => setReceipt(false)} />
          ) : (
            <button type="button" className="button button-primary" onClick={() => setReceipt(true)}>
              {t('cases.action.sendReceipt')}
            </button>
          )
        ) : c.allowedActions.includes('start_assessment') ? (
          <button
            type="button"
            className="button button-primary"
            disabled={actions.startAssessment.isPending}
            onClick={() => actions.startAssessment.mutate({ version: c.version }, { onError: stepErrors.fail })}
          >
            {t('cases.action.startAssessment')}
          </button>
        ) : c.status === 'assessment' ? (
          <p>{t('cases.next.assessment')}</p>
        ) : hasOpenComplaint(c) ? (
          <p>
            <a href="#complaints-heading">{t('cases.next.complaint')}</a>
          </p>
        ) : c.allowedActions.includes('order') ? (
          <p>{t('cases.next.order')}</p>
        ) : (
          <p>{td(`cases.next.${c.status}`)}</p>
        )}
        <CloseCase c={c} />
      </section>

      <ApprovalPanel c={c} user={user} />
      <OutreachPanel c={c} />
      {c.status === 'assessment' ? <AssessmentForm caseId={c.id} /> : null}
      {c.allowedActions.includes('decide_grant') ? <DecisionForm c={c} user={user} /> : null}
      {c.allowedActions.includes('order') ? <OrderForm c={c} user={user} /> : null}
      <FollowUpPanel c={c} />
      <CaseRecord c={c} />
      <ComplaintPanel c={c} />

      <section aria-labelledby="deadlines-heading" className="vt-section">
        <h2 id="deadlines-heading">{t('cases.deadlines')}</h2>
        <div className="vt-table-scroll">
          <table className="table table--compact" data-testid="case-deadlines">
            <thead>
              <tr>
                <th scope="col">{t('cases.deadline')}</th>
                <th scope="col">{t('cases.deadline.due')}</th>
                <th scope="col">{t('cases.col.status')}</th>
                <th scope="col">{t('cases.deadline.rule')}</th>
              </tr>
            </thead>
            <tbody>
              {c.deadlines.map((d) => (
                <tr key={`${d.kind}-${d.fromDate}`}>
                  <td>{td(`deadline.${d.kind}`)}</td>
                  <td>
                    {formatDate(d.dueDate)}
                    {d.endsAtTime !== '23:59:59' ? ` ${t('cases.deadline.at', { time: d.endsAtTime })}` : ''}
                    {d.oralEndsAt ? ` (${t('cases.deadline.oral', { time: d.oralEndsAt })})` : ''}
                  </td>
                  <td>
                    <DeadlineTag status={d.status} metOn={d.metOn} />
                    {d.metOn && d.status !== 'met_late' ? ` ${formatDate(d.metOn)}` : ''}
                    {d.noticeSentOn ? (
                      <>
                        <br />
                        {t('notice.sent', { date: formatDate(d.noticeSentOn) })}
                      </>
                    ) : d.noticeAllowed && d.status !== 'open' && c.allowedActions.includes('send_deadline_notice') ? (
                      <>
                        <br />
                        <button type="button" className="button button-unstyled vt-link-button" onClick={() => setNotice(d.kind)}>
                          {t('notice.write')}
                          <span className="sr-only"> ({td(`deadline.${d.kind}`)})</span>
                        </button>
                      </>
                    ) : null}
                  </td>
                  <td className="vt-muted">{d.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {noticeDeadline ? <DeadlineNoticeForm caseId={c.id} deadline={noticeDeadline} onDone={() => setNotice(null)} /> : null}
      </section>

      <CitizenMessages c={c} />

      <section aria-labelledby="request-heading" className="vt-section">
        <h2 id="request-heading">{t('cases.request')}</h2>
        <dl className="vt-facts">
          <dt>{t('cases.request.received')}</dt>
          <dd>{formatDate(c.request.receivedOn)}</dd>
          <dt>{t('cases.request.channel')}</dt>
          <dd>{t(`channel.${c.request.channel}`)}</dd>
          <dt>{t('cases.request.by')}</dt>
          <dd>
            {t(`requester.${c.request.requestedBy}`)}
            {c.request.requesterName ? ` (${c.request.requesterName})` : ''}
          </dd>
          <dt>{t('cases.request.what')}</dt>
          <dd>{c.request.what}</dd>
        </dl>
      </section>

      <MunicipalitiesPanel c={c} user={user} />

      <section aria-labelledby="letters-heading" className="vt-section">
        <h2 id="letters-heading">{t('cases.letters')}</h2>
        {c.documents.length ? (
          <ul data-testid="case-documents">
            {c.documents.map((d) => (
              <li key={d.id}>
                <a href={`/api/cases/${c.id}/documents/${d.id}`} target="_blank" rel="noreferrer">
                  {d.title} ({t('cases.pdf')})
                </a>{' '}
                – {t('cases.journalised', { date: formatDate(d.journalisedOn) })}
                {d.hasPreview ? (
                  <>
                    {' · '}
                    <LetterPreview caseId={c.id} documentId={d.id} title={d.title} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('cases.letters.none')}</p>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="vt-section">
        <h2 id="timeline-heading">{t('cases.timeline')}</h2>
        <ol className="vt-timeline" data-testid="case-timeline">
          {c.events.map((e) => (
            <li key={e.id}>
              <strong>{e.subject}</strong>{' '}
              <span className="vt-muted">{[formatDateTime(e.occurredAt, lang), e.actorName].filter(Boolean).join(' · ')}</span>
              {e.body ? <p>{e.body}</p> : null}
            </li>
          ))}
        </ol>
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
      </section>
    </>
  );
}
