import { type FormEvent, useState } from 'react';
import { can } from '../../../shared/access/permissions.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { sendBackDecisionSchema } from '../../../shared/cases/decision-approval.schema.ts';
import { useCommand } from '../../api/use-command.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';

const ids = fieldIdOf('ap');
const hoursOf = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/**
 * A decision awaiting the team leader's approval (src/rules/cases/decision-approval.ts), on the case page. Everyone
 * with the case sees the proposal and its justification; the team leader of the team approves it (it is made, and
 * its letter sent) or sends it back with a reason, which the caseworker then reads here above the decision form.
 */
export function ApprovalPanel({ c, user }: { c: CaseDetail; user: SessionUser }) {
  const { t, td, lang } = useI18n();
  const a = c.approval;
  const [reason, setReason] = useState('');
  const [sendingBack, setSendingBack] = useState(false);
  const errors = useFormErrors();
  const invalidate = [['case', c.id], ['cases'], ['approvals']] as const;
  const approve = useCommand<{ version: number }>(() => `/api/cases/${c.id}/decision/approve`, invalidate);
  const sendBack = useCommand<{ version: number; reason: string }>(() => `/api/cases/${c.id}/decision/send-back`, invalidate);
  if (!a) return null;
  // A proposal sent back matters while the caseworker decides again; an approved one is in the decisions below.
  if (a.status === 'sent_back' && c.status !== 'assessment') return null;
  if (a.status === 'approved') return null;

  function submitSendBack(event: FormEvent) {
    event.preventDefault();
    const parsed = errors.check(sendBackDecisionSchema, { version: c.version, reason });
    if (parsed) sendBack.mutate(parsed, { onError: errors.fail });
  }

  if (a.status === 'sent_back') {
    return (
      <section className="vt-panel vt-approval" aria-labelledby="approval-heading" data-testid="approval">
        <h2 id="approval-heading" className="h3">
          {t('approval.sentBack', { name: a.answeredByName ?? '', when: formatDateTime(a.answeredAt ?? a.requestedAt, lang) })}
        </h2>
        <p>
          <strong>{t('approval.sentBack.reason')}:</strong> {a.sendBackReason}
        </p>
      </section>
    );
  }

  return (
    <section className="vt-panel vt-approval" aria-labelledby="approval-heading" data-testid="approval">
      <h2 id="approval-heading" className="h3">
        {t('approval.title')}
      </h2>
      <p>{t('approval.pending', { name: a.requestedByName, when: formatDateTime(a.requestedAt, lang) })}</p>
      <dl className="vt-facts">
        <dt>{t('approval.proposal')}</dt>
        <dd>
          {td(`decision.outcome.${a.outcome}`)}: {a.serviceTitle} ({a.legalBasis}).{' '}
          {t('approval.hours', { hours: hoursOf(a.weeklyHours), threshold: hoursOf(a.thresholdHours) })}.{' '}
          {a.startDate ? t('approval.start', { start: formatDate(a.startDate) }) : null}
          {a.timeLimitUntil ? t('approval.until', { until: formatDate(a.timeLimitUntil) }) : null}
        </dd>
        <dt>{t('approval.justification')}</dt>
        <dd>{a.justification}</dd>
        <dt>{t('approval.reasons')}</dt>
        <dd>{a.reasons}</dd>
      </dl>
      {a.youMayAnswer ? (
        <>
          <ErrorSummary errors={errors} fieldId={(p) => (p === 'reason' ? ids('reason') : '')} idPrefix="ap" />
          <p className="form-hint">{t('approval.approve.hint')}</p>
          <div className="vt-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ version: c.version }, { onError: errors.fail })}
            >
              {t('approval.approve')}
            </button>
            {sendingBack ? null : (
              <button type="button" className="button button-secondary" onClick={() => setSendingBack(true)}>
                {t('approval.sendBack')}
              </button>
            )}
          </div>
          {sendingBack ? (
            <form onSubmit={submitSendBack} noValidate>
              <Field id={ids('reason')} label={t('approval.sendBack.reason')} error={errors.at('reason')}>
                <textarea
                  id={ids('reason')}
                  className="form-input vt-textarea"
                  rows={3}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </Field>
              <button type="submit" className="button button-secondary" disabled={sendBack.isPending}>
                {t('approval.sendBack.submit')}
              </button>
            </form>
          ) : null}
        </>
      ) : can(user.role, 'decision.approve') ? (
        <p className="form-hint">{t('approval.notYours')}</p>
      ) : null}
    </section>
  );
}
