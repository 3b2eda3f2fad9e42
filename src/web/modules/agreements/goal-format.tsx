import type { Goal, Measurement, ReportGoal } from '../../../shared/agreements/agreements.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../../ui/format.ts';
import { formatNumber, formatPct } from '../../ui/number-format.ts';

type Valued = Pick<Goal, 'unit'>;

/** A goal's figure in its unit: "63 %" or "86". */
export function useGoalValue() {
  const { lang } = useI18n();
  return (g: Valued, v: number | null) =>
    v === null ? '–' : g.unit === 'percent' ? formatPct(v, lang) : formatNumber(v, lang, 1);
}

/** The baseline as the agreement gives it: value, period and N ("60 % (2017, N=47 mål)"). */
export function BaselineText({
  goal,
}: {
  goal: Pick<Goal, 'unit' | 'baselineValue' | 'baselinePeriod' | 'baselineN' | 'baselineNLabel'>;
}) {
  const { t } = useI18n();
  const fmt = useGoalValue();
  if (goal.baselineValue === null) return <>{t('goal.none')}</>;
  const extra = [
    goal.baselinePeriod,
    goal.baselineN !== null ? `N=${goal.baselineN}${goal.baselineNLabel ? ` ${goal.baselineNLabel}` : ''}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      {fmt(goal, goal.baselineValue)}
      {extra ? ` (${extra})` : ''}
    </>
  );
}

export function TargetText({
  goal,
}: {
  goal: Pick<Goal, 'unit' | 'target' | 'targetYear'> & { targetChangePp?: number | null };
}) {
  const { t, lang } = useI18n();
  const fmt = useGoalValue();
  if (goal.target === null && !goal.targetChangePp) return <>{goal.unit === 'text' ? t('goal.qualitative') : '–'}</>;
  const change = goal.targetChangePp
    ? `${goal.target === null ? '' : ' '}(${lang === 'da' ? '+' : '+'}${formatNumber(goal.targetChangePp, lang)} pp)`
    : '';
  return (
    <>
      {goal.target === null ? '' : fmt(goal, goal.target)}
      {change}
      {goal.targetYear ? ` ${lang === 'da' ? 'i' : 'by'} ${goal.targetYear}` : ''}
    </>
  );
}

/** A stored value as shown: suppressed counts say so, a small N is marked, and where it came from. */
export function MeasurementText({ goal, m }: { goal: Valued; m: Measurement | null }) {
  const { t, formatDateTime } = useFormat();
  const fmt = useGoalValue();
  if (!m) return <>{t('goal.noValue')}</>;
  return (
    <>
      <strong>{m.suppressed ? t('goal.suppressed') : fmt(goal, m.value)}</strong>
      {m.denominator !== null ? ` (${t('goal.n', { n: m.denominator })}${m.smallN ? `, ${t('goal.smallN')}` : ''})` : ''}
      <br />
      <span className="vt-muted">
        {formatDate(m.periodFrom)}–{formatDate(m.periodTo)} ·{' '}
        {m.origin === 'measured'
          ? t('goal.measured', { date: formatDateTime(m.computedAt), version: m.definitionVersion ?? '' })
          : t('goal.entered', { source: m.source, date: m.sourceDate ? formatDate(m.sourceDate) : '' })}
      </span>
    </>
  );
}

function useFormat() {
  const { t, lang } = useI18n();
  return {
    t,
    formatDateTime: (iso: string) =>
      new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: 'Europe/Copenhagen',
      }).format(new Date(iso)),
  };
}

export function TrendText({ goal }: { goal: Pick<Goal, 'trend' | 'attainment'> | Pick<ReportGoal, 'trend' | 'attainment'> }) {
  const { t } = useI18n();
  return (
    <>
      {t(`goal.trend.${goal.trend}`)} · {t(`goal.attainment.${goal.attainment}`)}
    </>
  );
}
