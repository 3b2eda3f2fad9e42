import { LINE_LABELS } from '../../../rules/economy/budget-lines.ts';
import type { ForecastRow } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditEconomy } from './economy.helpers.ts';
import { type Table, toCsv, toXlsx } from './finance-files.ts';
import { compute, defaultAsOf, type ForecastView, summary } from './forecast.helpers.ts';

/** The forecast as a file (XLSX or CSV), audited as an export. Aggregates only: no citizen is in it. */
export async function exportForecast(
  ctx: RequestContext,
  q: { year: number; asOf?: PlainDate; by: ForecastView; format: 'xlsx' | 'csv' },
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  return runUseCase(ctx, async (tx) => {
    const asOf = q.asOf ?? defaultAsOf(q.year, ctx.clock.today());
    const c = await compute(tx, ctx, q.year, asOf);
    const f = summary(c, q.year, asOf, q.by, ctx.lang, false);
    const da = ctx.lang === 'da';
    const name = (r: ForecastRow) =>
      q.by === 'offer'
        ? (r.offerName ?? (da ? 'Uden tilbud' : 'No offer'))
        : q.by === 'unit'
          ? (r.unitName ?? '')
          : `${r.unitName ?? ''} – ${r.kind ? LINE_LABELS[r.kind][ctx.lang] : ''}`;
    const table: Table = {
      title: da ? `Prognose ${q.year}` : `Forecast ${q.year}`,
      columns: da
        ? [
            'Linje',
            'Budget (kr.)',
            `Forbrug til ${asOf} (kr.)`,
            'Disponeret resten af året (kr.)',
            'Prognose (kr.)',
            'Afvigelse (kr.)',
            'Bevillinger',
          ]
        : [
            'Row',
            'Budget (DKK)',
            `Actuals to ${asOf} (DKK)`,
            'Committed to year end (DKK)',
            'Forecast (DKK)',
            'Variance (DKK)',
            'Grants',
          ],
      rows: [
        ...f.rows.map((r) => [name(r), r.budget, r.actual, r.committed, r.forecast, r.variance, r.grants]),
        [
          da ? 'I alt' : 'Total',
          f.total.budget,
          f.total.actual,
          f.total.committed,
          f.total.forecast,
          f.total.variance,
          f.total.grants,
        ],
      ],
    };
    const body = q.format === 'xlsx' ? await toXlsx(table) : toCsv(table);
    await auditEconomy(tx, ctx, {
      action: 'export',
      recordType: 'forecast',
      criterion: `forecast:${q.year}:${asOf}:${q.by}`,
      details: { format: q.format, rows: f.rows.length },
    });
    return {
      fileName: `prognose-${q.year}-${asOf}-${q.by}.${q.format}`,
      contentType:
        q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      body,
    };
  });
}
