import type { DashboardQuery } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { type Table, toCsv, toXlsx } from '../economy/index.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { deadlineDashboard, strategyDashboard } from './dashboards.helpers.ts';

const KIND_LABELS: Record<string, { da: string; en: string }> = {
  receipt: { da: 'Kvittering', en: 'Receipt' },
  decision: { da: 'Afgørelse', en: 'Decision' },
  decision_day_offer: { da: 'Afgørelse (dagtilbud)', en: 'Decision (day offer)' },
  start: { da: 'Iværksættelse', en: 'Start' },
};

const txt = (n: number | null) => (n === null ? '' : String(n));

/** The table behind a dashboard's charts as XLSX or CSV, audited as an export. Figures only: no citizen is named. */
export async function exportDashboard(
  ctx: RequestContext,
  which: 'deadlines' | 'strategy',
  q: DashboardQuery,
  format: 'xlsx' | 'csv',
): Promise<{ fileName: string; contentType: string; body: Buffer }> {
  return runUseCase(ctx, async (tx) => {
    const da = ctx.lang === 'da';
    let table: Table;
    if (which === 'deadlines') {
      const d = await deadlineDashboard(tx, ctx, q);
      table = {
        title: da ? 'Frister' : 'Deadlines',
        columns: da
          ? [
              'Frist',
              'Opfyldt i perioden',
              'Heraf rettidigt',
              'Overholdt (%)',
              'Median (dage)',
              '90. percentil (dage)',
              'Overskredet nu',
            ]
          : [
              'Deadline',
              'Met in the period',
              'Of which in time',
              'Kept (%)',
              'Median (days)',
              '90th percentile (days)',
              'Overdue now',
            ],
        rows: d.kinds.map((k) => [
          KIND_LABELS[k.kind]?.[ctx.lang] ?? k.kind,
          txt(k.met),
          k.metInTime === null ? (da ? 'under 5' : 'under 5') : txt(k.metInTime),
          k.keptPct,
          k.medianDays,
          k.p90Days,
          k.overdue === null ? 'under 5' : txt(k.overdue),
        ]),
      };
    } else {
      const s = await strategyDashboard(tx, ctx, q);
      table = {
        title: da ? 'Strategiindikatorer' : 'Strategy indicators',
        columns: da
          ? [
              'Kvartal',
              '§ 85 i eget hjem',
              '§ 107',
              '§ 108 og § 85 i botilbudslignende tilbud',
              'Andel i eget hjem (%)',
              'Flyttet ned ad trappen',
              'Afsluttet med progression (%)',
              'FKO fastholdt eller opnået (%)',
              'FKO-mål',
            ]
          : [
              'Quarter',
              '§ 85 in own home',
              '§ 107',
              '§ 108 and § 85 in housing-like offers',
              'Share in own home (%)',
              'Moved down the ladder',
              'Ended with progress (%)',
              'FKO kept or gained (%)',
              'FKO goals',
            ],
        rows: s.quarters.map((r) => [
          r.quarter,
          r.ownHome === null ? 'under 5' : txt(r.ownHome),
          r.temporary === null ? 'under 5' : txt(r.temporary),
          r.longTerm === null ? 'under 5' : txt(r.longTerm),
          r.ownHomePct,
          r.movedDown === null ? 'under 5' : txt(r.movedDown),
          r.endedWithProgressPct,
          r.fkoKeptOrGainedPct,
          txt(r.fkoGoals),
        ]),
      };
    }
    const body = format === 'xlsx' ? await toXlsx(table) : toCsv(table);
    await auditAgreements(tx, ctx, {
      action: 'export',
      recordType: `dashboard_${which}`,
      criterion: `${which}:${q.from}:${q.to}:${q.unitId ?? ''}:${q.offerId ?? ''}:${q.paragraph ?? ''}`,
      details: { format, rows: table.rows.length },
    });
    return {
      fileName: `${which === 'deadlines' ? 'frister' : 'strategiindikatorer'}-${q.from}-${q.to}.${format}`,
      contentType:
        format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      body,
    };
  });
}
