import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ForecastRow } from '../../../shared/economy/economy.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ForecastView, useBudget, useForecast, useForecastGrants } from '../../modules/economy/economy.api.ts';
import { Alert } from '../../ui/alert.tsx';
import { Chart } from '../../ui/chart/chart.tsx';
import { formatDate } from '../../ui/format.ts';
import { formatKr } from '../../ui/number-format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { TableScroll } from '../../ui/table-scroll.tsx';

const thisYear = () => new Date().getFullYear();

export function monthNames(lang: string): string[] {
  const f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2026, m, 1))).replace('.', ''));
}

function rowName(r: ForecastRow, by: ForecastView, td: (k: string) => string, t: (k: 'economy.noOffer') => string) {
  if (by === 'offer') return r.offerName ?? t('economy.noOffer');
  if (by === 'unit') return r.unitName ?? '';
  return `${r.unitName ?? ''} – ${r.kind ? td(`economy.line.${r.kind}`) : ''}`;
}

/**
 * Budget against forecast: actuals to the date plus the committed cost of running grants to the year's end (and the
 * rest of the budget pro rata for lines no grant drives), per line, unit or offer, with the year's curve as a chart
 * and its table, the variance, the grants behind a row for those allowed, and exports to XLSX and CSV.
 */
export function ForecastPanel() {
  const { t, td, lang } = useI18n();
  const [year, setYear] = useState(thisYear());
  const [asOf, setAsOf] = useState<string>('');
  const [by, setBy] = useState<ForecastView>('line');
  const [drill, setDrill] = useState<{ row: ForecastRow; page: number } | null>(null);
  const budget = useBudget(year);
  const forecast = useForecast(year, asOf || null, by);
  const grants = useForecastGrants(
    drill
      ? {
          year,
          asOf: forecast.data?.asOf ?? null,
          unitId: drill.row.unitId,
          kind: drill.row.kind,
          offerId: by === 'offer' ? drill.row.offerId : null,
          page: drill.page,
        }
      : null,
  );
  const years = budget.data?.years.length ? budget.data.years : [year];
  const f = forecast.data;
  const months = useMemo(() => monthNames(lang), [lang]);
  const series = useMemo(
    () =>
      f
        ? [
            { name: t('economy.chart.budget'), type: 'line' as const, dashed: true, values: f.months.map((m) => m.budget) },
            {
              name: t('economy.chart.forecast'),
              type: 'line' as const,
              color: '#b35900',
              values: f.months.map((m) => m.forecast),
            },
            { name: t('economy.chart.actual'), type: 'line' as const, color: '#008139', values: f.months.map((m) => m.actual) },
          ]
        : [],
    [f, t],
  );
  const exportUrl = (format: 'xlsx' | 'csv') =>
    `/api/economy/forecast/export?year=${year}&by=${by}&format=${format}${f ? `&asOf=${f.asOf}` : ''}`;

  return (
    <section aria-labelledby="forecast-title">
      <h2 id="forecast-title">{t('economy.forecast.title', { year })}</h2>
      <div className="vt-filters">
        <div className="form-group">
          <label className="form-label" htmlFor="forecast-year">
            {t('economy.year')}
          </label>
          <select
            id="forecast-year"
            className="form-select"
            value={year}
            onChange={(e) => {
              setYear(Number(e.target.value));
              setAsOf('');
              setDrill(null);
            }}
          >
            {[...new Set([...years, thisYear()])]
              .sort((a, b) => b - a)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="forecast-asof">
            {t('economy.asOf')}
          </label>
          <input
            id="forecast-asof"
            className="form-input"
            type="date"
            value={asOf || f?.asOf || ''}
            onChange={(e) => {
              setAsOf(e.target.value);
              setDrill(null);
            }}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="forecast-by">
            {t('economy.by')}
          </label>
          <select
            id="forecast-by"
            className="form-select"
            value={by}
            onChange={(e) => {
              setBy(e.target.value as ForecastView);
              setDrill(null);
            }}
          >
            {(['line', 'unit', 'offer'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`economy.by.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {forecast.isError ? <Alert variant="error" heading={t('common.error')} /> : null}
      {!f ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <dl className="vt-kpis" data-testid="forecast-kpis">
            {(
              [
                ['economy.col.budget', f.total.budget],
                ['economy.col.actual', f.total.actual],
                ['economy.col.committed', f.total.committed],
                ['economy.col.forecast', f.total.forecast],
                ['economy.col.variance', f.total.variance],
              ] as const
            ).map(([label, value]) => (
              <div className="vt-kpi" key={label}>
                <dt>{t(label, { date: formatDate(f.asOf) })}</dt>
                <dd className={value < 0 && label === 'economy.col.variance' ? 'vt-negative' : undefined}>
                  {formatKr(value, lang)}
                </dd>
              </div>
            ))}
          </dl>
          {f.total.budget === 0 ? <Alert variant="info">{t('economy.forecast.noBudget')}</Alert> : null}
          <Chart
            testId="forecast-chart"
            title={t('economy.chart.title', { year })}
            description={t('economy.chart.description', {
              budget: formatKr(f.total.budget, lang),
              forecast: formatKr(f.total.forecast, lang),
              variance: formatKr(f.total.variance, lang),
              date: formatDate(f.asOf),
            })}
            categoryLabel={t('economy.chart.month')}
            categories={months}
            series={series}
            format="kr"
          />
          <p>
            {t('economy.forecast.method', { grants: f.runningGrants })}
            {f.carriedRates > 0 ? ` ${t('economy.forecast.carried', { n: f.carriedRates })}` : ''}
            {f.unpricedGrants > 0 ? ` ${t('economy.forecast.unpriced', { n: f.unpricedGrants })}` : ''}
          </p>
          <p>
            <a className="button button-secondary" href={exportUrl('xlsx')} download>
              {t('economy.export.xlsx')}
            </a>{' '}
            <a className="button button-secondary" href={exportUrl('csv')} download>
              {t('economy.export.csv')}
            </a>
          </p>
          <TableScroll label={t('economy.forecast.tableCaption', { date: formatDate(f.asOf) })}>
            <table className="table table--zebra table--compact" data-testid="forecast-table">
              <caption>{t('economy.forecast.tableCaption', { date: formatDate(f.asOf) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`economy.by.${by}`)}</th>
                  <th scope="col" className="vt-num">
                    {t('economy.col.budget')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('economy.col.actual', { date: formatDate(f.asOf) })}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('economy.col.committed')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('economy.col.forecast')}
                  </th>
                  <th scope="col" className="vt-num">
                    {t('economy.col.variance')}
                  </th>
                  <th scope="col">{t('economy.col.method')}</th>
                </tr>
              </thead>
              <tbody>
                {f.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      {f.drillDown && r.grants > 0 ? (
                        <button
                          type="button"
                          className="button button-unstyled vt-link-button"
                          onClick={() => setDrill({ row: r, page: 1 })}
                        >
                          {rowName(r, by, td, t)}
                        </button>
                      ) : (
                        rowName(r, by, td, t)
                      )}
                    </th>
                    <td className="vt-num">{formatKr(r.budget, lang)}</td>
                    <td className="vt-num">{formatKr(r.actual, lang)}</td>
                    <td className="vt-num">{formatKr(r.committed, lang)}</td>
                    <td className="vt-num">{formatKr(r.forecast, lang)}</td>
                    <td className={`vt-num${r.variance < 0 ? ' vt-negative' : ''}`}>{formatKr(r.variance, lang)}</td>
                    <td>
                      {t(`economy.method.${r.method}`)}
                      {r.grants > 0 ? ` (${t('economy.grants', { n: r.grants })})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('economy.total')}</th>
                  <td className="vt-num">{formatKr(f.total.budget, lang)}</td>
                  <td className="vt-num">{formatKr(f.total.actual, lang)}</td>
                  <td className="vt-num">{formatKr(f.total.committed, lang)}</td>
                  <td className="vt-num">{formatKr(f.total.forecast, lang)}</td>
                  <td className={`vt-num${f.total.variance < 0 ? ' vt-negative' : ''}`}>{formatKr(f.total.variance, lang)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          {drill ? (
            <section className="vt-section" aria-labelledby="drill-title" data-testid="forecast-grants">
              <h3 id="drill-title" tabIndex={-1}>
                {t('economy.drill.title', { row: rowName(drill.row, by, td, t) })}
              </h3>
              <p>{t('economy.drill.intro')}</p>
              {grants.data ? (
                <>
                  <TableScroll label={t('economy.drill.title', { row: rowName(drill.row, by, td, t) })}>
                    <table className="table table--compact">
                      <thead>
                        <tr>
                          <th scope="col">{t('economy.drill.citizen')}</th>
                          <th scope="col">{t('economy.drill.offer')}</th>
                          <th scope="col">{t('economy.drill.frame')}</th>
                          <th scope="col">{t('economy.drill.period')}</th>
                          <th scope="col" className="vt-num">
                            {t('economy.col.committed')}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {grants.data.items.map((g) => (
                          <tr key={g.orderId}>
                            <td>
                              <Link to={`/sager/${g.caseId}`}>{g.citizenName}</Link>
                            </td>
                            <td>{g.offerName}</td>
                            <td>
                              {g.legalBasis}, {g.frame}
                            </td>
                            <td>
                              {formatDate(g.from)}–{formatDate(g.to)}
                              {g.endReason ? ` (${td(`economy.end.${g.endReason}`)})` : ''}
                            </td>
                            <td className="vt-num">
                              {formatKr(g.committed, lang)}
                              {g.carried ? ` ${t('economy.carriedMark')}` : ''}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  <Pagination
                    page={grants.data.page}
                    pageSize={grants.data.pageSize}
                    total={grants.data.total}
                    onPage={(page) => setDrill({ ...drill, page })}
                  />
                </>
              ) : (
                <p>{t('common.loading')}</p>
              )}
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
