import { ASSESSMENT_THEMES, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../../shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../../shared/cases/case.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../ui/format.ts';

const display = (list: readonly { code: string; display: string }[], code: string) =>
  list.find((x) => x.code === code)?.display ?? code;

/** The decisions made on the case (newest first), as facts to read. */
export function DecisionRecord({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  if (!c.decisions.length) return null;
  return (
    <div data-testid="case-record">
      {c.decisions.map((d, i) => (
        <div key={d.id} className="vt-panel">
          <h3 className="h4">
            {t('record.decision', { date: formatDate(d.decidedOn) })}:{' '}
            {d.kind === 'stop' ? t('record.stop') : td(`decision.outcome.${d.outcome}`)}
            {d.kind === 'revisitation' ? ` (${t('record.revisitation')})` : ''}
            {i > 0 ? ` (${t('record.replaced')})` : ''}
          </h3>
          <dl className="vt-facts">
            <dt>{t('decision.serviceLevel')}</dt>
            <dd>
              {d.serviceTitle} ({d.legalBasis}), {t('catalogue.version').toLowerCase()} {d.serviceVersionNumber}
            </dd>
            {d.outcome !== 'refused' ? (
              <>
                <dt>{t('record.frame')}</dt>
                <dd>
                  {d.weeklyHours !== null
                    ? t('record.hours', { hours: String(d.weeklyHours).replace('.', ','), profile: d.profileCode ?? '–' })
                    : t('record.modules', { days: String(d.moduleDays ?? '') })}
                </dd>
                <dt>{t('decision.startDate')}</dt>
                <dd>
                  {d.startDate ? formatDate(d.startDate) : '–'}
                  {d.timeLimitUntil ? ` – ${formatDate(d.timeLimitUntil)}` : ''}
                </dd>
              </>
            ) : null}
            <dt>{t('decision.reasons')}</dt>
            <dd className="vt-prewrap">{d.reasons}</dd>
            <dt>{t('decision.partyHearing')}</dt>
            <dd>
              {td(`decision.partyHearing.${d.partyHearing}`)}
              {d.partyHearingNote ? `: ${d.partyHearingNote}` : ''}
            </dd>
          </dl>
        </div>
      ))}
    </div>
  );
}

/** The order: the offer, the SMART goals with their FFB terms, and the § 141 plan. */
export function OrderRecord({ c }: { c: CaseDetail }) {
  const { t, td } = useI18n();
  return (
    <>
      {c.order ? (
        <div className="vt-panel" data-testid="case-order">
          <h3 className="h4">
            {t('order.title')}: {c.order.offerName}
          </h3>
          <dl className="vt-facts">
            <dt>{t('order.state')}</dt>
            <dd data-testid="case-order-state">
              {td(`order.state.${c.order.state}`, { date: c.order.declined ? formatDate(c.order.declined.on) : '' })}
            </dd>
            {c.order.declined ? (
              <>
                <dt>{t('order.declineReason')}</dt>
                <dd>{c.order.declined.reason}</dd>
              </>
            ) : null}
            <dt>{t('order.orderedOn')}</dt>
            <dd>{formatDate(c.order.orderedOn)}</dd>
            <dt>{t('order.firstFollowUp')}</dt>
            <dd>{formatDate(c.order.firstFollowUp)}</dd>
          </dl>
          <ol className="vt-goals">
            {c.order.goals.map((g) => (
              <li key={g.position}>
                <strong>{g.text}</strong>
                <br />
                {t('order.goal.indicator')}: {g.indicator} · {t('order.goal.targetDate')}: {formatDate(g.targetDate)}
                <br />
                <span className="vt-muted">
                  {display(ASSESSMENT_THEMES, g.conditionCode)} · {display(GOAL_TYPES, g.goalTypeCode)} · FKO{' '}
                  {display(SUPPORT_NEED_LEVELS, g.baselineSupportNeedCode)} →{' '}
                  {display(SUPPORT_NEED_LEVELS, g.targetSupportNeedCode)}
                </span>
              </li>
            ))}
          </ol>
          {c.order.actionPlan ? (
            <>
              <h4 className="h5">{t('record.plan')}</h4>
              <dl className="vt-facts">
                <dt>{t('order.plan.purpose')}</dt>
                <dd>{c.order.actionPlan.purpose}</dd>
                <dt>{t('order.plan.services')}</dt>
                <dd>{c.order.actionPlan.services}</dd>
                <dt>{t('order.plan.expectedDuration')}</dt>
                <dd>{c.order.actionPlan.expectedDuration}</dd>
              </dl>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
