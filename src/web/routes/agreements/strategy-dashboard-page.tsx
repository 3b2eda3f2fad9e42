import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { type DashboardFilter, dashboardParams, useStrategyDashboard } from '../../modules/agreements/agreements.api.ts';
import { Chart } from '../../ui/chart/chart.tsx';
import { Field } from '../../ui/field.tsx';
import { formatPct } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The strategy indicators for management and the council (seed 001): citizens supported in their own home against
 * those in housing offers per quarter, moves down the ladder, support ended with progression and the FKO share, per
 * center and offer; filters by period, center, offer and paragraph; every chart with its table; tables to XLSX/CSV.
 */
export function StrategyDashboardPage() {
  const { t, lang } = useI18n();
  const year = Number(today().slice(0, 4));
  const [f, setF] = useState<DashboardFilter>({ from: `${year - 1}-01-01`, to: today() });
  const dash = useStrategyDashboard(f);
  const s = dash.data;
  const set = (k: keyof DashboardFilter) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value || undefined });
  const n = (v: number | null) => (v === null ? t('dash.under5') : String(v));
  const pct = (v: number | null) => (v === null ? '–' : formatPct(v, lang));
  return (
    <>
      <h1>{t('strategy.title')}</h1>
      <p>{t('strategy.intro')}</p>
      <div className="vt-filters">
        <Field id="strategy-from" label={t('dash.from')}>
          <input id="strategy-from" className="form-input" type="date" value={f.from} onChange={set('from')} />
        </Field>
        <Field id="strategy-to" label={t('dash.to')}>
          <input id="strategy-to" className="form-input" type="date" value={f.to} onChange={set('to')} />
        </Field>
        <Field id="strategy-center" label={t('dash.center')}>
          <select id="strategy-center" className="form-select" value={f.unitId ?? ''} onChange={set('unitId')}>
            <option value="">{t('dash.all')}</option>
            {s?.centers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="strategy-offer" label={t('dash.offer')}>
          <select id="strategy-offer" className="form-select" value={f.offerId ?? ''} onChange={set('offerId')}>
            <option value="">{t('dash.all')}</option>
            {s?.offers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="strategy-paragraph" label={t('dash.paragraph')} hint={t('dash.paragraphHint')}>
          <input id="strategy-paragraph" className="form-input" value={f.paragraph ?? ''} onChange={set('paragraph')} />
        </Field>
      </div>
      {!s ? (
        <p>{dash.isError ? t('common.error') : t('common.loading')}</p>
      ) : (
        <>
          <Chart
            title={t('strategy.housingChart')}
            description={t('strategy.housingDescription')}
            categoryLabel={t('strategy.quarter')}
            categories={s.quarters.map((q) => q.quarter)}
            series={[
              { name: t('strategy.ownHome'), values: s.quarters.map((q) => q.ownHome), stack: 'h', color: '#0059b3' },
              { name: t('strategy.temporary'), values: s.quarters.map((q) => q.temporary), stack: 'h', color: '#b35900' },
              { name: t('strategy.longTerm'), values: s.quarters.map((q) => q.longTerm), stack: 'h', color: '#6b3fa0' },
            ]}
            testId="strategy-housing-chart"
          />
          <Chart
            title={t('strategy.shareChart')}
            description={t('strategy.shareDescription')}
            categoryLabel={t('strategy.quarter')}
            categories={s.quarters.map((q) => q.quarter)}
            series={[
              { name: t('strategy.ownHomePct'), values: s.quarters.map((q) => q.ownHomePct), type: 'line', color: '#0059b3' },
              {
                name: t('strategy.fko'),
                values: s.quarters.map((q) => q.fkoKeptOrGainedPct),
                type: 'line',
                dashed: true,
                color: '#008139',
              },
            ]}
            format="pct"
            testId="strategy-share-chart"
          />
          <TableScroll label={t('strategy.title')}>
            <table className="table table--zebra table--compact" data-testid="strategy-table">
              <caption>{t('strategy.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('strategy.quarter')}</th>
                  <th scope="col" className="vt-num">
                    {t('strategy.ownHome')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.temporary')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.longTerm')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.ownHomePct')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.movedDown')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.progress')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.fko')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.fkoGoals')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.quarters.map((q) => (
                  <tr key={q.quarter}>
                    <th scope="row">{q.quarter}</th>
                    <td className="vt-num">{n(q.ownHome)}</td>
                    <td className="vt-num">{n(q.temporary)}</td>
                    <td className="vt-num">{n(q.longTerm)}</td>
                    <td className="vt-num">{pct(q.ownHomePct)}</td>
                    <td className="vt-num">{n(q.movedDown)}</td>
                    <td className="vt-num">{pct(q.endedWithProgressPct)}</td>
                    <td className="vt-num">{pct(q.fkoKeptOrGainedPct)}</td>
                    <td className="vt-num">{q.fkoGoals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="vt-actions">
            <a
              className="button button-secondary"
              href={`/api/dashboards/strategy/export?${dashboardParams(f)}&format=xlsx`}
              download
            >
              {t('dash.export')}: {t('agreement.exportXlsx')}
            </a>
            <a
              className="button button-tertiary"
              href={`/api/dashboards/strategy/export?${dashboardParams(f)}&format=csv`}
              download
            >
              {t('dash.export')}: {t('agreement.exportCsv')}
            </a>
          </div>
          <h2>{t('strategy.byOffer')}</h2>
          <TableScroll label={t('strategy.byOffer')}>
            <table className="table table--zebra table--compact" data-testid="strategy-offers">
              <caption>{t('strategy.byOffer')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dash.offer')}</th>
                  <th scope="col" className="vt-num">
                    {t('strategy.citizens')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.fko')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('strategy.fkoGoals')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.byOffer.map((o) => (
                  <tr key={o.offerId}>
                    <th scope="row">{o.name}</th>
                    <td className="vt-num">{n(o.citizens)}</td>
                    <td className="vt-num">{pct(o.fkoKeptOrGainedPct)}</td>
                    <td className="vt-num">{o.fkoGoals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
