import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can } from '../../../shared/access/permissions.ts';
import {
  type ExternalValueInput,
  externalValueInputSchema,
  type Measurement,
  periodSchema,
  THEME_LABELS,
} from '../../../shared/agreements/agreements.schema.ts';
import type { SessionUser } from '../../../shared/auth/auth.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAgreementCommand, useGoal } from '../../modules/agreements/agreements.api.ts';
import { BaselineText, MeasurementText, TargetText, TrendText, useGoalValue } from '../../modules/agreements/goal-format.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Chart } from '../../ui/chart/chart.tsx';
import { Field } from '../../ui/field.tsx';
import { ErrorSummary, fieldIdOf, useFormErrors } from '../../ui/form-errors.tsx';
import { formatDate } from '../../ui/format.ts';
import { parseDanishNumber } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

const todayIso = () => new Date().toISOString().slice(0, 10);

/**
 * One goal: what it is and how it is measured (the definition and its version), every value it has had, the latest
 * measurement by theme and offer (disclosed: no count of 1–4, no identities), and measuring from the cases or
 * entering a value from an outside source.
 */
export function GoalPage({ user }: { user: SessionUser }) {
  const { id = '', goalId = '' } = useParams();
  const { t, pick } = useI18n();
  const detail = useGoal(goalId);
  const d = detail.data;
  if (!d) return <p>{detail.isError ? t('common.error') : t('common.loading')}</p>;
  const g = d.goal;
  const edit = can(user.role, 'agreement.edit');
  const latest = d.values[0] ?? null;
  return (
    <>
      <p>
        <Link to={`/aftaler/${id}`}>{t('goal.back')}</Link>
      </p>
      <p className="vt-eyebrow">
        {d.agreementTitle} · {pick(THEME_LABELS[g.theme])} · {t(`goal.level.${g.level}`)}
      </p>
      <h1>{g.heading ?? `${t('agreement.goalCategory')} ${g.position}`}</h1>
      <p>{g.title}</p>
      <dl className="vt-facts">
        <dt>{t('goal.baseline')}</dt>
        <dd>
          <BaselineText goal={g} />
        </dd>
        <dt>{t('goal.target')}</dt>
        <dd>
          <TargetText goal={g} />
        </dd>
        <dt>{t('goal.latest')}</dt>
        <dd>
          <MeasurementText goal={g} m={g.latest} />
        </dd>
        <dt>{t('goal.status')}</dt>
        <dd>
          <TrendText goal={g} />
        </dd>
        <dt>{t('goal.source')}</dt>
        <dd>{g.dataSource}</dd>
        {g.units.length ? (
          <>
            <dt>{t('goal.sharedBy')}</dt>
            <dd>{g.units.map((u) => u.name).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('goal.definition')}</dt>
        <dd>
          {g.definition} <span className="vt-muted">({t('goal.definitionVersion', { version: g.definitionVersion })})</span>
        </dd>
        <dt>{t('goal.sourceRef')}</dt>
        <dd>{g.sourceRef}</dd>
      </dl>
      {latest && latest.breakdown.length > 0 ? <Breakdown m={latest} /> : null}
      {edit && g.measureKey ? <MeasureForm goalId={g.id} from={d.agreementPeriodFrom} /> : null}
      {edit && !g.measureKey && g.unit !== 'text' ? <EnterForm goalId={g.id} /> : null}
      <History values={d.values} unit={g.unit} />
    </>
  );
}

function Breakdown({ m }: { m: Measurement }) {
  const { t } = useI18n();
  const rows = m.breakdown;
  return (
    <section aria-labelledby="breakdown">
      <h2 id="breakdown">{t('goal.breakdown')}</h2>
      <p className="vt-muted">
        {formatDate(m.periodFrom)}–{formatDate(m.periodTo)}
      </p>
      <Chart
        title={t('goal.breakdown')}
        description={t('goal.breakdownDescription')}
        categoryLabel={t('goal.breakdownCategory')}
        categories={rows.map((b) => (b.suppressed ? `${b.label} (${t('goal.suppressed')})` : b.label))}
        series={[{ name: t('goal.share'), values: rows.map((b) => b.value) }]}
        format="pct"
        height={Math.max(200, 60 + rows.length * 28)}
        testId="goal-breakdown"
      />
      <TableScroll label={t('goal.breakdown')}>
        <table className="table table--compact">
          <caption>{t('goal.breakdown')} (N)</caption>
          <thead>
            <tr>
              <th scope="col">{t('goal.breakdownCategory')}</th>
              <th scope="col" className="vt-num">
                {t('goal.share')}
              </th>
              <th scope="col" className="vt-num">
                N
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td className="vt-num">{b.suppressed ? t('goal.suppressed') : b.value === null ? '–' : `${b.value} %`}</td>
                <td className="vt-num">
                  {b.denominator}
                  {b.smallN ? ` (${t('goal.smallN')})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function MeasureForm({ goalId, from }: { goalId: string; from: string }) {
  const { t } = useI18n();
  const errors = useFormErrors();
  const year = todayIso().slice(0, 4);
  const [periodFrom, setFrom] = useState(from > `${year}-01-01` ? from : `${year}-01-01`);
  const [periodTo, setTo] = useState(todayIso());
  const [done, setDone] = useState<Measurement | null>(null);
  const measure = useAgreementCommand<{ periodFrom: string; periodTo: string }, Measurement>(
    () => `/api/agreement-goals/${goalId}/measure`,
  );
  const fmt = useGoalValue();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = errors.check(periodSchema, { periodFrom, periodTo });
    if (!body) return;
    measure.mutate(body, { onSuccess: (m) => setDone(m), onError: (err) => errors.fail(err) });
  };
  const fieldId = fieldIdOf('measure');
  return (
    <section aria-labelledby="measure-heading" className="vt-panel">
      <h2 id="measure-heading">{t('goal.measure')}</h2>
      <p>{t('goal.measureIntro')}</p>
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="measure" />
      {done ? (
        <Alert
          variant="success"
          heading={t('goal.measuredDone', {
            value: done.suppressed ? t('goal.suppressed') : fmt({ unit: 'percent' }, done.value),
          })}
        >
          {`N=${done.denominator ?? '–'}`}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate className="vt-filters">
        <Field id={fieldId('periodFrom')} label={t('goal.periodFrom')} error={errors.at('periodFrom')}>
          <input
            id={fieldId('periodFrom')}
            className="form-input"
            type="date"
            value={periodFrom}
            onChange={(e) => setFrom(e.target.value)}
          />
        </Field>
        <Field id={fieldId('periodTo')} label={t('goal.periodTo')} error={errors.at('periodTo')}>
          <input
            id={fieldId('periodTo')}
            className="form-input"
            type="date"
            value={periodTo}
            onChange={(e) => setTo(e.target.value)}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={measure.isPending}>
          {t('goal.measureNow')}
        </button>
      </form>
    </section>
  );
}

function EnterForm({ goalId }: { goalId: string }) {
  const { t } = useI18n();
  const errors = useFormErrors();
  const [form, setForm] = useState({
    periodFrom: '',
    periodTo: '',
    value: '',
    denominator: '',
    source: '',
    sourceDate: todayIso(),
  });
  const [saved, setSaved] = useState(false);
  const enter = useAgreementCommand<ExternalValueInput>(() => `/api/agreement-goals/${goalId}/values`);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const fieldId = fieldIdOf('enter');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = errors.check(externalValueInputSchema, {
      ...form,
      value: form.value === '' ? undefined : (parseDanishNumber(form.value) ?? form.value),
      denominator: form.denominator === '' ? null : (parseDanishNumber(form.denominator) ?? form.denominator),
    });
    if (!body) return;
    enter.mutate(body, { onSuccess: () => setSaved(true), onError: (err) => errors.fail(err) });
  };
  return (
    <section aria-labelledby="enter-heading" className="vt-panel">
      <h2 id="enter-heading">{t('goal.enter')}</h2>
      <p>{t('goal.enterIntro')}</p>
      <ErrorSummary errors={errors} fieldId={fieldId} idPrefix="enter" />
      {saved ? <Alert variant="success" heading={t('goal.saved')} /> : null}
      <form onSubmit={submit} noValidate>
        <div className="vt-filters">
          <Field id={fieldId('periodFrom')} label={t('goal.periodFrom')} error={errors.at('periodFrom')}>
            <input
              id={fieldId('periodFrom')}
              className="form-input"
              type="date"
              value={form.periodFrom}
              onChange={set('periodFrom')}
            />
          </Field>
          <Field id={fieldId('periodTo')} label={t('goal.periodTo')} error={errors.at('periodTo')}>
            <input id={fieldId('periodTo')} className="form-input" type="date" value={form.periodTo} onChange={set('periodTo')} />
          </Field>
          <Field id={fieldId('value')} label={t('goal.value')} error={errors.at('value')}>
            <input id={fieldId('value')} className="form-input" inputMode="decimal" value={form.value} onChange={set('value')} />
          </Field>
          <Field id={fieldId('denominator')} label={t('goal.denominator')} error={errors.at('denominator')}>
            <input
              id={fieldId('denominator')}
              className="form-input"
              inputMode="numeric"
              value={form.denominator}
              onChange={set('denominator')}
            />
          </Field>
        </div>
        <Field id={fieldId('source')} label={t('goal.sourceName')} error={errors.at('source')}>
          <input id={fieldId('source')} className="form-input" value={form.source} onChange={set('source')} />
        </Field>
        <Field id={fieldId('sourceDate')} label={t('goal.sourceDate')} error={errors.at('sourceDate')}>
          <input
            id={fieldId('sourceDate')}
            className="form-input"
            type="date"
            value={form.sourceDate}
            onChange={set('sourceDate')}
          />
        </Field>
        <button type="submit" className="button button-primary" disabled={enter.isPending}>
          {t('goal.save')}
        </button>
      </form>
    </section>
  );
}

function History({ values, unit }: { values: Measurement[]; unit: 'percent' | 'count' | 'text' }) {
  const { t } = useI18n();
  if (values.length === 0) return null;
  return (
    <section aria-labelledby="history">
      <h2 id="history">{t('goal.history')}</h2>
      <TableScroll label={t('goal.historyCaption')}>
        <table className="table table--zebra table--compact" data-testid="goal-history">
          <caption>{t('goal.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.period')}</th>
              <th scope="col">{t('goal.latest')}</th>
              <th scope="col">{t('goal.origin')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  {formatDate(m.periodFrom)}–{formatDate(m.periodTo)}
                </th>
                <td>
                  <MeasurementText goal={{ unit }} m={m} />
                </td>
                <td>{t(`goal.origin.${m.origin}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
