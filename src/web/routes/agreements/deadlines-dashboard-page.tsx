import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { dashboardParams, useDeadlineDashboard } from '../../modules/agreements/agreements.api.ts';
import { Chart } from '../../ui/chart/chart.tsx';
import { Field } from '../../ui/field.tsx';
import { formatDate } from '../../ui/format.ts';
import { formatPct } from '../../ui/number-format.ts';
import { TableScroll } from '../../ui/table-scroll.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The team leader's dashboard: deadlines kept (receipt, decision, start) as a share and in days (median and 90th
 * percentile), deadlines overdue today, caseload per caseworker and complaints with the share Ankestyrelsen changes
 * or remits; each chart with its table, the table as XLSX or CSV.
 */
export function DeadlinesDashboardPage() {
  const { t, lang } = useI18n();
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const dash = useDeadlineDashboard({ from, to });
  const d = dash.data;
  const under5 = (n: number | null) => (n === null ? t('dash.under5') : String(n));
  return (
    <>
      <h1>{t('deadlines.title')}</h1>
      <p>{t('deadlines.intro')}</p>
      <div className="vt-filters">
        <Field id="dash-from" label={t('dash.from')}>
          <input id="dash-from" className="form-input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field id="dash-to" label={t('dash.to')}>
          <input id="dash-to" className="form-input" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      {!d ? (
        <p>{dash.isError ? t('common.error') : t('common.loading')}</p>
      ) : (
        <>
          <TableScroll label={t('deadlines.caption', { from: formatDate(d.from), to: formatDate(d.to) })}>
            <table className="table table--zebra table--compact" data-testid="deadlines-table">
              <caption>{t('deadlines.caption', { from: formatDate(d.from), to: formatDate(d.to) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('deadlines.kind')}</th>
                  <th scope="col" className="vt-num">
                    {t('deadlines.met')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('deadlines.inTime')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('deadlines.kept')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('deadlines.median')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('deadlines.p90')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('deadlines.overdue')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.kinds.map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">{t(`deadlines.kind.${k.kind}`)}</th>
                    <td className="vt-num">{k.met}</td>
                    <td className="vt-num">{under5(k.metInTime)}</td>
                    <td className="vt-num">{k.keptPct === null ? '–' : formatPct(k.keptPct, lang)}</td>
                    <td className="vt-num">{k.medianDays ?? '–'}</td>
                    <td className="vt-num">{k.p90Days ?? '–'}</td>
                    <td className="vt-num">{under5(k.overdue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <div className="vt-actions">
            <a
              className="button button-secondary"
              href={`/api/dashboards/deadlines/export?${dashboardParams({ from, to })}&format=xlsx`}
              download
            >
              {t('dash.export')}: {t('agreement.exportXlsx')}
            </a>
            <a
              className="button button-tertiary"
              href={`/api/dashboards/deadlines/export?${dashboardParams({ from, to })}&format=csv`}
              download
            >
              {t('dash.export')}: {t('agreement.exportCsv')}
            </a>
          </div>
          <Chart
            title={t('deadlines.chart')}
            description={t('deadlines.chartDescription')}
            categoryLabel={t('deadlines.kind')}
            categories={d.kinds.map((k) => t(`deadlines.kind.${k.kind}`))}
            series={[{ name: t('deadlines.kept'), values: d.kinds.map((k) => k.keptPct), color: '#0059b3' }]}
            format="pct"
            height={240}
            testId="deadlines-chart"
          />
          <h2>{t('deadlines.caseload')}</h2>
          <Chart
            title={t('deadlines.caseload')}
            description={t('deadlines.caseloadDescription')}
            categoryLabel={t('deadlines.caseworker')}
            categories={d.caseload.map((c) => c.name)}
            series={[{ name: t('deadlines.open'), values: d.caseload.map((c) => c.open), color: '#0059b3' }]}
            height={260}
            testId="caseload-chart"
          />
          <h2>{t('deadlines.complaints')}</h2>
          <dl className="vt-facts" data-testid="complaints">
            <dt>{t('deadlines.received')}</dt>
            <dd>{under5(d.complaints.received)}</dd>
            <dt>{t('deadlines.decided')}</dt>
            <dd>{d.complaints.decidedByAnkestyrelsen}</dd>
            <dt>{t('deadlines.changed')}</dt>
            <dd>
              {d.complaints.changedOrRemittedPct === null
                ? d.complaints.decidedByAnkestyrelsen > 0
                  ? t('dash.under5')
                  : '–'
                : `${formatPct(d.complaints.changedOrRemittedPct, lang)} (${d.complaints.changedOrRemitted})`}
            </dd>
          </dl>
        </>
      )}
    </>
  );
}
