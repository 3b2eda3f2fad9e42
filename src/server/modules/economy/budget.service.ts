import { createHash } from 'node:crypto';
import { LINE_LABELS, reconcile } from '../../../rules/economy/budget-lines.ts';
import { type Budget, type BudgetLineInput, LINE_KINDS, type LineKindName } from '../../../shared/economy/economy.schema.ts';
import type { ValidationKey } from '../../../shared/i18n/validation-messages.ts';
import { isPlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { budgetRepository } from './budget.repository.ts';
import { auditEconomy } from './economy.helpers.ts';
import { column, parseAmount, parseDanishDate, readCsv } from './finance-files.ts';
import { grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

type RowIssue = { code: 'custom'; message: ValidationKey; path: string[] };
const MAX_REPORTED = 200;

/** Looks up units, offers, line kinds and groups by what a finance file or a form names them. */
async function resolver(tx: Tx, municipalityId: string) {
  const units = await grantsRepository.units(tx, municipalityId);
  const offers = await ratesRepository.offers(tx, municipalityId);
  const byName = <T extends { id: string; name: string }>(list: readonly T[]) => {
    const map = new Map<string, T>();
    for (const x of list) {
      map.set(x.id, x);
      map.set(x.name.toLowerCase(), x);
    }
    return map;
  };
  const unitMap = byName(units);
  const offerMap = byName(offers);
  for (const o of offers) offerMap.set(o.key, o);
  const kinds = new Map<string, LineKindName>();
  for (const k of LINE_KINDS) {
    kinds.set(k, k);
    kinds.set(LINE_LABELS[k].da.toLowerCase(), k);
    kinds.set(LINE_LABELS[k].en.toLowerCase(), k);
  }
  return {
    units,
    unit: (v: string) => unitMap.get(v.toLowerCase()) ?? unitMap.get(v),
    offer: (v: string) => offerMap.get(v.toLowerCase()) ?? offerMap.get(v),
    kind: (v: string) => kinds.get(v.toLowerCase()),
  };
}

function failIfAny(issues: RowIssue[]): void {
  if (issues.length > 0) throw new AppError('validation_failed', issues.slice(0, MAX_REPORTED));
}

const checksum = (content: string) => createHash('sha256').update(content).digest('hex');

export const budgetService = {
  /** A year's budget: its lines, the printed subtotals checked against the lines under them, and the years there are. */
  async read(ctx: RequestContext, year: number): Promise<Budget> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const lines = await budgetRepository.lines(tx, m, year);
      const groups = await budgetRepository.groups(tx, m, year);
      const years = await budgetRepository.years(tx, m);
      const reconciled = reconcile(
        groups.map((g) => ({
          id: g.id,
          parentId: g.parent_id,
          label: g.label,
          printed: g.printed_amount === null ? null : Number(g.printed_amount),
        })),
        lines.map((l) => ({ groupId: l.group_id, amount: Number(l.amount) })),
      );
      return {
        year,
        years,
        total: Math.round(lines.reduce((s, l) => s + Number(l.amount), 0) * 100) / 100,
        lines: lines.map((l) => ({
          id: l.id,
          year: l.budget_year,
          unitId: l.unit_id,
          unitName: l.unit_name,
          kind: l.line_kind,
          offerId: l.offer_id,
          offerName: l.offer_name,
          groupId: l.group_id,
          label: l.label,
          amount: Number(l.amount),
          invented: l.invented,
          source: l.source,
          version: l.version,
        })),
        groups: reconciled.map((g) => ({
          ...g,
          position: groups.find((x) => x.id === g.id)?.position ?? 0,
          source: groups.find((x) => x.id === g.id)?.source ?? null,
        })),
      };
    });
  },

  /** A line entered in the form. A unit, offer or group the municipality does not have is a 400 naming the field. */
  async createLine(ctx: RequestContext, input: BudgetLineInput): Promise<{ id: string }> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const r = await resolver(tx, m);
      if (!r.unit(input.unitId)) throw fieldError('unitId', 'unit.unknown');
      if (input.offerId && !r.offer(input.offerId)) throw fieldError('offerId', 'offer.unknown');
      if (input.groupId && !(await budgetRepository.groups(tx, m, input.year)).some((g) => g.id === input.groupId))
        throw fieldError('groupId', 'budget.group.unknown');
      if (
        await budgetRepository.lineByKey(tx, m, {
          year: input.year,
          unitId: input.unitId,
          kind: input.kind,
          offerId: input.offerId,
        })
      )
        throw conflict('budget line exists');
      const id = await budgetRepository.insertLine(tx, m, {
        budget_year: input.year,
        unit_id: input.unitId,
        line_kind: input.kind,
        offer_id: input.offerId,
        group_id: input.groupId,
        label: input.label,
        amount: input.amount,
        source: null,
        import_id: null,
        updated_by_name: ctx.actor.name,
      });
      await auditEconomy(tx, ctx, {
        action: 'create',
        recordType: 'budget_line',
        recordId: id,
        details: { year: input.year, amount: input.amount },
      });
      return { id };
    });
  },

  async updateLine(
    ctx: RequestContext,
    id: string,
    input: { version: number; amount: number; label: string; groupId: string | null },
  ): Promise<{ version: number }> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const line = await budgetRepository.lineById(tx, m, id);
      if (!line) throw notFound();
      if (input.groupId && !(await budgetRepository.groups(tx, m, line.budget_year)).some((g) => g.id === input.groupId))
        throw fieldError('groupId', 'budget.group.unknown');
      const ok = await budgetRepository.updateLine(tx, m, id, input.version, {
        amount: input.amount,
        label: input.label,
        group_id: input.groupId,
        updated_by_name: ctx.actor.name,
        import_id: null,
      });
      if (!ok) throw conflict();
      await auditEconomy(tx, ctx, {
        action: 'update',
        recordType: 'budget_line',
        recordId: id,
        details: { from: Number(line.amount), to: input.amount },
      });
      return { version: input.version + 1 };
    });
  },

  /** A printed subtotal of the budget document, to be checked against the lines under it. */
  async createGroup(
    ctx: RequestContext,
    input: { year: number; parentId: string | null; label: string; printedAmount: number | null; position: number },
  ): Promise<{ id: string }> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const groups = await budgetRepository.groups(tx, m, input.year);
      if (input.parentId && !groups.some((g) => g.id === input.parentId)) throw fieldError('parentId', 'budget.group.unknown');
      if (groups.some((g) => g.label.toLowerCase() === input.label.toLowerCase())) throw fieldError('label', 'import.duplicate');
      const id = await budgetRepository.insertGroup(tx, m, {
        budget_year: input.year,
        parent_id: input.parentId,
        label: input.label,
        printed_amount: input.printedAmount,
        position: input.position,
        source: null,
      });
      await auditEconomy(tx, ctx, {
        action: 'create',
        recordType: 'budget_group',
        recordId: id,
        details: { label: input.label },
      });
      return { id };
    });
  },

  /**
   * A budget file from the finance system (columns år, enhed, linje, tilbud, gruppe, tekst, beløb): every row is
   * checked first, and any bad row refuses the whole file with a 400 naming each row and column; nothing is saved.
   * A line that exists (year, unit, line, offer) is updated, so a corrected file can be imported again.
   */
  async importBudget(
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
  },

  /**
   * Postings (actuals) from the finance system (columns bilag, dato, enhed, linje, tilbud, beløb, tekst): checked in
   * full before anything is saved; a voucher imported again is updated, not doubled.
   */
  async importPostings(
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
  },
};

function parseOrRefuse(content: string) {
  try {
    return readCsv(content);
  } catch {
    throw fieldError('content', 'import.csv');
  }
}
