import { ATTAINMENT_LABELS, TREND_LABELS } from '../../../rules/agreements/goal-status.ts';
import { LEVEL_LABELS, THEME_LABELS } from '../../../rules/agreements/goal-themes.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { type Table, toCsv, toXlsx } from '../economy/index.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { readAgreement } from './read-agreement.use-case.ts';

/** The goals table of an agreement as XLSX or CSV, audited. Figures only, as disclosed: no citizen is in it. */
export async function exportAgreement(
  ctx: RequestContext,
  id: string,
  format: 'xlsx' | 'csv',
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  const a = await readAgreement(ctx, id);
  const da = ctx.lang === 'da';
  const table: Table = {
    title: da ? 'Mål' : 'Goals',
    columns: da
      ? [
          'Nr.',
          'Niveau',
          'Tema',
          'Mål',
          'Baseline',
          'Baselineperiode',
          'Baseline N',
          'Målsætning',
          'Målår',
          'Værdi nu',
          'N nu',
          'Periode',
          'Datakilde',
          'Definition version',
          'Udvikling',
          'Status',
        ]
      : [
          'No.',
          'Level',
          'Theme',
          'Goal',
          'Baseline',
          'Baseline period',
          'Baseline N',
          'Target',
          'Target year',
          'Value now',
          'N now',
          'Period',
          'Data source',
          'Definition version',
          'Trend',
          'Attainment',
        ],
    rows: a.goals.map((g) => [
      String(g.position),
      LEVEL_LABELS[g.level][ctx.lang],
      THEME_LABELS[g.theme][ctx.lang],
      g.heading ? `${g.heading}: ${g.title}` : g.title,
      g.baselineValue,
      g.baselinePeriod,
      g.baselineN === null ? null : String(g.baselineN),
      g.target,
      g.targetYear === null ? null : String(g.targetYear),
      g.latest?.value ?? null,
      g.latest?.denominator == null ? null : String(g.latest.denominator),
      g.latest ? `${g.latest.periodFrom}–${g.latest.periodTo}` : null,
      g.latest?.source ?? g.dataSource,
      String(g.definitionVersion),
      TREND_LABELS[g.trend][ctx.lang],
      ATTAINMENT_LABELS[g.attainment][ctx.lang],
    ]),
  };
  const body = format === 'xlsx' ? await toXlsx(table) : toCsv(table);
  await runUseCase(ctx, (tx) =>
    auditAgreements(tx, ctx, {
      action: 'export',
      recordType: 'agreement',
      recordId: id,
      details: { format, rows: table.rows.length },
    }),
  );
  return {
    fileName: `aftale-${a.periodFrom.slice(0, 4)}-${a.periodTo.slice(0, 4)}.${format}`,
    contentType:
      format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
    body,
  };
}
