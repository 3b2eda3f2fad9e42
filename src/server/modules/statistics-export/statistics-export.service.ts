import { stringify } from 'csv-stringify/sync';
import { dstCategory, monthBounds, periodInMonth, reportingDeadline } from '../../../rules/statistics/dst-categories.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { DST_COLUMNS, type DstExtractSummary } from '../../../shared/statistics/dst-extract.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { statisticsExportRepository as repo } from './statistics-export.repository.ts';

/**
 * The monthly extract for Danmarks Statistik's "Handicap og udsatte (voksne)": one row per citizen, service and
 * month, split as the statistics split the services (src/rules/statistics/dst-categories.ts). Layout:
 * docs/DST-EXTRACT.md. Every citizen in it gets an export row in the audit log.
 */
type Row = Record<(typeof DST_COLUMNS)[number], string>;

const num = (v: string | number | null) => (v === null ? '' : String(Number(v)).replace('.', ','));

async function rowsOf(tx: Tx, municipalityId: string, month: string): Promise<{ rows: Row[]; citizens: Map<string, string> }> {
  const { from, to } = monthBounds(month);
  const [code, services] = await Promise.all([
    repo.municipalityCode(tx, municipalityId),
    repo.servicesInMonth(tx, municipalityId, from, to),
  ]);
  const rows: Row[] = [];
  const citizens = new Map<string, string>();
  const all = [
    ...services.ordered.map((s) => ({
      ...s,
      offer: { legalBases: s.legal_bases, ffbCode: s.ffb_code },
      offerName: s.offer_name,
    })),
    ...services.unordered.map((s) => ({ ...s, offer: null, offerName: '' })),
  ];
  for (const s of all) {
    const category = dstCategory(s.legal_basis, s.offer);
    if (!category || !s.start) continue;
    const period = periodInMonth(s.start as PlainDate, (s.end ?? null) as PlainDate | null, month);
    if (!period) continue;
    citizens.set(s.citizen_id, s.cpr);
    rows.push({
      kommunekode: code,
      periode: month,
      cpr: s.cpr,
      ydelse_kode: category.code,
      paragraf: category.paragraph,
      ydelse_tekst: category.label,
      ydelse_start: s.start,
      ydelse_slut: s.end ?? '',
      periode_fra: period.from,
      periode_til: period.to,
      afgoerelsesdato: s.decided_on,
      timer_pr_uge: num(s.weekly_hours),
      moduler_pr_uge: num(s.module_days),
      tilbud_navn: s.offerName,
      // Tilbudsportalen's offer id, once offers are imported keyed by it (issue 15, offers and rates).
      tilbudsnummer: '',
      // Target groups (målgrupper) as FFB codes, once the assessment records them.
      maalgruppe_primaer: '',
      maalgrupper_sekundaere: '',
      sagsnummer: s.case_id,
      visitator_id: s.id,
    });
  }
  rows.sort(
    (a, b) =>
      a.cpr.localeCompare(b.cpr) || a.ydelse_kode.localeCompare(b.ydelse_kode) || a.periode_fra.localeCompare(b.periode_fra),
  );
  return { rows, citizens };
}

function checkMonth(ctx: RequestContext, month: string) {
  if (monthBounds(month).from > ctx.clock.today()) throw fieldError('month', 'month.future');
}

export const statisticsExportService = {
  async summary(ctx: RequestContext, month: string): Promise<DstExtractSummary> {
    checkMonth(ctx, month);
    return runUseCase(ctx, async (tx) => {
      const { rows, citizens } = await rowsOf(tx, ctx.actor.municipalityId, month);
      const codes = [...new Set(rows.map((r) => r.ydelse_kode))];
      return {
        month,
        deadline: reportingDeadline(month),
        rows: rows.length,
        citizens: citizens.size,
        byCategory: codes.map((code) => {
          const these = rows.filter((r) => r.ydelse_kode === code);
          return {
            code,
            paragraph: these[0]?.paragraf ?? '',
            label: these[0]?.ydelse_tekst ?? '',
            rows: these.length,
            citizens: new Set(these.map((r) => r.cpr)).size,
          };
        }),
        withoutTargetGroup: rows.filter((r) => !r.maalgruppe_primaer).length,
      };
    });
  },

  /** The CSV (UTF-8 with BOM, semicolons, CRLF: what Danish spreadsheets open), audited per citizen. */
  async csv(ctx: RequestContext, month: string): Promise<{ filename: string; body: string; rows: number }> {
    checkMonth(ctx, month);
    return runUseCase(ctx, async (tx) => {
      const { rows, citizens } = await rowsOf(tx, ctx.actor.municipalityId, month);
      const actor = auditActorOf(ctx);
      for (const citizenId of citizens.keys()) {
        await writeAudit(tx, actor, {
          action: 'export',
          purpose: 'statutory_reporting',
          citizenId,
          recordType: 'dst_extract',
          recordId: month,
        });
      }
      await writeAudit(tx, actor, {
        action: 'export',
        purpose: 'statutory_reporting',
        recordType: 'dst_extract',
        recordId: month,
        details: { rows: rows.length, citizens: citizens.size },
      });
      const body = `\uFEFF${stringify(rows, { header: true, columns: [...DST_COLUMNS], delimiter: ';', record_delimiter: '\r\n' })}`;
      return { filename: `dst-handicap-udsatte-voksne-${month}.csv`, body, rows: rows.length };
    });
  },
};
