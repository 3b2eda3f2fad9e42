import { useState } from 'react';
import { SUPPORT_NEED_LEVELS } from '../../../shared/assessment/ffb-terms.ts';
import { ACTION_LABELS, AUDIT_ACTIONS, AUDIT_PURPOSES, PURPOSE_LABELS } from '../../../shared/audit/audit.schema.ts';
import { messageSchema } from '../../../shared/follow-up/follow-up.schema.ts';
import { type MyOverview, myComplaintSchema } from '../../../shared/self-service/self-service.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMyAccessLog, useMyCommand, useMyOverview } from '../../modules/follow-up/follow-up.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';

const need = (code: string) => SUPPORT_NEED_LEVELS.find((l) => l.code === code)?.display.toLowerCase() ?? code;

/** The citizen's own page, in plain Danish, built for a phone first. */
export function MyPage() {
  const { t } = useI18n();
  const overview = useMyOverview();
  const o = overview.data;
  if (overview.isError) return <Alert variant="error" heading={t('common.error')} />;
  if (!o) return <p>{t('common.loading')}</p>;
  return (
    <>
      <h1>{t('me.title', { name: o.name })}</h1>
      <p className="font-lead">{t('me.intro')}</p>
      {o.cases.length === 0 ? <p>{t('me.noCases')}</p> : null}
      {o.cases.map((c) => (
        <MyCase key={c.id} c={c} />
      ))}
      <AccessLog />
      <p className="vt-muted">
        {t('me.contact', { name: o.municipality.name, phone: o.municipality.phone ?? '', email: o.municipality.email ?? '' })}
      </p>
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
  return (
    <section className="vt-section" aria-labelledby={`case-${c.id}`} data-testid="my-case">
      <h2 id={`case-${c.id}`}>{c.title}</h2>
      {c.caseworkerName ? <p>{t('me.caseworker', { name: c.caseworkerName })}</p> : null}
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
      {s ? (
        <div className="vt-panel" data-testid="my-support">
          <h3 className="h4">{t('me.support')}</h3>
          <p>
            {t('me.provider', { name: s.offerName })}
            {s.openingHours ? ` ${s.openingHours}` : ''}
          </p>
          <p>
            <strong>{t('me.nextFollowUp', { date: formatDate(s.nextFollowUp) })}</strong>
            {s.endsOn ? ` ${t('me.endsOn', { date: formatDate(s.endsOn) })}` : ''}
          </p>
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
      {c.complaints.length ? (
        <p>
          {c.complaints
            .map((x) => t('me.complaintStatus', { date: formatDate(x.receivedOn), status: td(`complaint.status.${x.status}`) }))
            .join(' ')}
        </p>
      ) : null}
      {complain.data ? <Alert variant="success" heading={t('me.complaint.sent')} /> : null}
      {c.canComplain && !complaining ? (
        <p>
          {c.complaintDeadline ? `${t('me.complaint.deadline', { date: formatDate(c.complaintDeadline.due) })} ` : ''}
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
      {c.messages.length ? (
        <ul className="vt-messages">
          {c.messages.map((m) => (
            <li key={m.id}>
              <strong>{m.fromParty === 'citizen' ? t('me.message.you') : m.authorName}:</strong> {m.body}
            </li>
          ))}
        </ul>
      ) : null}
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
    </section>
  );
}

function AccessLog() {
  const { t, pick, lang } = useI18n();
  const [page, setPage] = useState(1);
  const log = useMyAccessLog(page);
  return (
    <section className="vt-section" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('me.access')}</h2>
      <p>{t('me.access.intro')}</p>
      {log.data ? (
        <>
          <ul data-testid="my-access-log">
            {log.data.items.map((e) => (
              <li key={e.id}>
                <strong>{formatDateTime(e.occurredAt, lang)}</strong>: {e.unit ?? t('me.access.you')} –{' '}
                {(AUDIT_ACTIONS as readonly string[]).includes(e.action)
                  ? pick(ACTION_LABELS[e.action as (typeof AUDIT_ACTIONS)[number]])
                  : e.action}{' '}
                –{' '}
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
