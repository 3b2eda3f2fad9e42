import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import { isPlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { checksum, failIfAny, parseOrRefuse, type RowIssue, resolver } from './budget.helpers.ts';
import { budgetRepository } from './budget.repository.ts';
import { auditEconomy } from './economy.helpers.ts';
import { column, parseAmount, parseDanishDate } from './finance-files.ts';

/**
 * Postings (actuals) from the finance system (columns bilag, dato, enhed, linje, tilbud, beløb, tekst): checked in
 * full before anything is saved; a voucher imported again is updated, not doubled.
 */
export async function importPostings(
  ctx: RequestContext,
  file: { fileName: string; content: string },
): Promise<{ importId: string; rows: number; inserted: number; updated: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const { header, rows } = parseOrRefuse(file.content);
    const col = {
      voucher: column(header, ['bilag', 'bilagsnummer', 'voucher']),
      date: column(header, ['dato', 'bogføringsdato', 'date']),
      unit: column(header, ['enhed', 'unit']),
      kind: column(header, ['linje', 'line', 'budgetlinje']),
      offer: column(header, ['tilbud', 'offer']),
      amount: column(header, ['beløb', 'beloeb', 'amount']),
      text: column(header, ['tekst', 'text']),
    };
    const missing = (['voucher', 'date', 'unit', 'kind', 'amount'] as const).filter((k) => col[k] === null);
    if (missing.length > 0)
      throw new AppError(
        'validation_failed',
        missing.map((k) => ({ code: 'custom', message: 'import.header', path: ['header', k] })),
      );
    if (rows.length === 0) throw fieldError('content', 'import.empty');
    const r = await resolver(tx, m);
    const issues: RowIssue[] = [];
    const seen = new Set<string>();
    const parsed = [];
    for (const row of rows) {
      const v = (c: string | null) => (c ? (row.values[c] ?? '') : '');
      const at = (c: string | null, message: ValidationKey) =>
        issues.push({ code: 'custom', message, path: ['rows', String(row.line), c ?? ''] });
      const voucher = v(col.voucher);
      if (!voucher) at(col.voucher, 'required');
      const date = parseDanishDate(v(col.date));
      if (!date || !isPlainDate(date)) at(col.date, 'date.invalid');
      const unit = r.unit(v(col.unit));
      if (!unit) at(col.unit, 'unit.unknown');
      const kind = r.kind(v(col.kind));
      if (!kind) at(col.kind, 'budget.kind.unknown');
      const offerName = v(col.offer);
      const offer = offerName ? r.offer(offerName) : undefined;
      if (offerName && !offer) at(col.offer, 'offer.unknown');
      const amount = parseAmount(v(col.amount));
      if (amount === null) at(col.amount, 'budget.amount');
      const year = date ? Number(date.slice(0, 4)) : Number.NaN;
      const key = `${year}|${voucher}`;
      if (voucher && seen.has(key)) at(col.voucher, 'import.duplicate');
      seen.add(key);
      if (voucher && date && isPlainDate(date) && unit && kind && amount !== null) {
        parsed.push({
          budget_year: year,
          voucher,
          posted_on: date,
          unit_id: unit.id,
          line_kind: kind,
          offer_id: offer?.id ?? null,
          amount,
          text: v(col.text) || null,
        });
      }
    }
    failIfAny(issues);
    const importId = await budgetRepository.insertImport(tx, m, {
      kind: 'postings',
      file_name: file.fileName,
      row_count: parsed.length,
      checksum: checksum(file.content),
      imported_by_name: ctx.actor.name,
    });
    const { inserted, updated } = await budgetRepository.upsertPostings(
      tx,
      m,
      parsed.map((p) => ({ ...p, import_id: importId })),
    );
    await auditEconomy(tx, ctx, {
      action: 'create',
      recordType: 'finance_import',
      recordId: importId,
      details: { kind: 'postings', file: file.fileName, rows: parsed.length },
    });
    return { importId, rows: parsed.length, inserted, updated };
  });
}
