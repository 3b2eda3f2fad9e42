import { LINE_LABELS } from '../../../rules/economy/budget-lines.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { checksum, failIfAny, parseOrRefuse, type RowIssue, resolver } from './budget.helpers.ts';
import { budgetRepository } from './budget.repository.ts';
import { auditEconomy } from './economy.helpers.ts';
import { column, parseAmount } from './finance-files.ts';

/**
 * A budget file from the finance system (columns år, enhed, linje, tilbud, gruppe, tekst, beløb): every row is
 * checked first, and any bad row refuses the whole file with a 400 naming each row and column; nothing is saved.
 * A line that exists (year, unit, line, offer) is updated, so a corrected file can be imported again.
 */
export async function importBudget(
  ctx: RequestContext,
  file: { fileName: string; content: string },
): Promise<{ importId: string; rows: number; inserted: number; updated: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const { header, rows } = parseOrRefuse(file.content);
    const col = {
      year: column(header, ['år', 'aar', 'year', 'budgetår']),
      unit: column(header, ['enhed', 'unit']),
      kind: column(header, ['linje', 'line', 'budgetlinje']),
      offer: column(header, ['tilbud', 'offer']),
      group: column(header, ['gruppe', 'group']),
      label: column(header, ['tekst', 'label', 'text']),
      amount: column(header, ['beløb', 'beloeb', 'amount']),
    };
    const missing = (['year', 'unit', 'kind', 'amount'] as const).filter((k) => col[k] === null);
    if (missing.length > 0)
      throw new AppError(
        'validation_failed',
        missing.map((k) => ({ code: 'custom', message: 'import.header', path: ['header', k] })),
      );
    if (rows.length === 0) throw fieldError('content', 'import.empty');
    const r = await resolver(tx, m);
    const groupsByYear = new Map<number, Awaited<ReturnType<typeof budgetRepository.groups>>>();
    const issues: RowIssue[] = [];
    const seen = new Set<string>();
    const parsed = [];
    for (const row of rows) {
      const v = (c: string | null) => (c ? (row.values[c] ?? '') : '');
      const at = (c: string | null, message: ValidationKey) =>
        issues.push({ code: 'custom', message, path: ['rows', String(row.line), c ?? ''] });
      const year = Number(v(col.year));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) at(col.year, 'budget.year');
      const unit = r.unit(v(col.unit));
      if (!unit) at(col.unit, 'unit.unknown');
      const kind = r.kind(v(col.kind));
      if (!kind) at(col.kind, 'budget.kind.unknown');
      const offerName = v(col.offer);
      const offer = offerName ? r.offer(offerName) : undefined;
      if (offerName && !offer) at(col.offer, 'offer.unknown');
      const amount = parseAmount(v(col.amount));
      if (amount === null) at(col.amount, 'budget.amount');
      let groupId: string | null = null;
      const groupName = v(col.group);
      if (groupName && Number.isInteger(year)) {
        if (!groupsByYear.has(year)) groupsByYear.set(year, await budgetRepository.groups(tx, m, year));
        const g = groupsByYear.get(year)?.find((x) => x.label.toLowerCase() === groupName.toLowerCase());
        if (!g) at(col.group, 'budget.group.unknown');
        groupId = g?.id ?? null;
      }
      const key = `${year}|${unit?.id}|${kind}|${offer?.id ?? ''}`;
      if (unit && kind && seen.has(key)) at(col.unit, 'import.duplicate');
      seen.add(key);
      if (unit && kind && amount !== null) {
        parsed.push({
          year,
          unitId: unit.id,
          kind,
          offerId: offer?.id ?? null,
          groupId,
          label: v(col.label) || LINE_LABELS[kind].da,
          amount,
        });
      }
    }
    failIfAny(issues);
    const importId = await budgetRepository.insertImport(tx, m, {
      kind: 'budget',
      file_name: file.fileName,
      row_count: parsed.length,
      checksum: checksum(file.content),
      imported_by_name: ctx.actor.name,
    });
    // The existing lines of the file's years, read once (budget_line_key_idx), so each row is matched without a query.
    const existingByKey = new Map<string, Awaited<ReturnType<typeof budgetRepository.lines>>[number]>();
    for (const y of new Set(parsed.map((p) => p.year))) {
      for (const l of await budgetRepository.lines(tx, m, y))
        existingByKey.set(`${y}|${l.unit_id}|${l.line_kind}|${l.offer_id ?? ''}`, l);
    }
    let inserted = 0;
    for (const p of parsed) {
      const existing = existingByKey.get(`${p.year}|${p.unitId}|${p.kind}|${p.offerId ?? ''}`);
      if (existing) {
        await budgetRepository.updateLine(tx, m, existing.id, null, {
          amount: p.amount,
          label: p.label,
          group_id: p.groupId ?? existing.group_id,
          updated_by_name: ctx.actor.name,
          import_id: importId,
        });
      } else {
        inserted++;
        await budgetRepository.insertLine(tx, m, {
          budget_year: p.year,
          unit_id: p.unitId,
          line_kind: p.kind,
          offer_id: p.offerId,
          group_id: p.groupId,
          label: p.label,
          amount: p.amount,
          source: `Import: ${file.fileName}`,
          import_id: importId,
          updated_by_name: ctx.actor.name,
        });
      }
    }
    await auditEconomy(tx, ctx, {
      action: 'create',
      recordType: 'finance_import',
      recordId: importId,
      details: { kind: 'budget', file: file.fileName, rows: parsed.length },
    });
    return { importId, rows: parsed.length, inserted, updated: parsed.length - inserted };
  });
}
