import { type Insertable, type Selectable, sql } from 'kysely';
import type { BudgetLine, BudgetPosting } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

export type BudgetLineRow = Selectable<BudgetLine> & { unit_name: string; offer_name: string | null };
type LineKind = BudgetLine['line_kind'];

/** The only SQL of budgets, printed totals (groups), postings and finance imports. */
export const budgetRepository = {
  async years(tx: Tx, municipalityId: string): Promise<number[]> {
    const rows = await tx
      .selectFrom('budget_line')
      .select('budget_year')
      .distinct()
      .where('municipality_id', '=', municipalityId)
      .orderBy('budget_year', 'desc')
      .execute();
    return rows.map((r) => r.budget_year);
  },

  /** A year's lines with unit and offer names (budget_line_key_idx: municipality, year, …). */
  async lines(tx: Tx, municipalityId: string, year: number): Promise<BudgetLineRow[]> {
    return tx
      .selectFrom('budget_line as l')
      .innerJoin('org_unit as u', (j) => j.onRef('u.municipality_id', '=', 'l.municipality_id').onRef('u.id', '=', 'l.unit_id'))
      .leftJoin('offer as o', (j) => j.onRef('o.municipality_id', '=', 'l.municipality_id').onRef('o.id', '=', 'l.offer_id'))
      .selectAll('l')
      .select(['u.name as unit_name', 'o.name as offer_name'])
      .where('l.municipality_id', '=', municipalityId)
      .where('l.budget_year', '=', year)
      .orderBy('l.line_kind')
      .orderBy('u.name')
      .execute();
  },

  async groups(tx: Tx, municipalityId: string, year: number) {
    return tx
      .selectFrom('budget_group')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('budget_year', '=', year)
      .orderBy('position')
      .orderBy('label')
      .execute();
  },

  async lineByKey(
    tx: Tx,
    municipalityId: string,
    k: { year: number; unitId: string; kind: LineKind; offerId: string | null },
  ): Promise<Selectable<BudgetLine> | undefined> {
    return tx
      .selectFrom('budget_line')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('budget_year', '=', k.year)
      .where('unit_id', '=', k.unitId)
      .where('line_kind', '=', k.kind)
      .where(
        sql<boolean>`coalesce(offer_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce(${k.offerId}::uuid, '00000000-0000-0000-0000-000000000000'::uuid)`,
      )
      .executeTakeFirst();
  },

  async lineById(tx: Tx, municipalityId: string, id: string) {
    return tx
      .selectFrom('budget_line')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  async insertLine(
    tx: Tx,
    municipalityId: string,
    row: Omit<Insertable<BudgetLine>, 'id' | 'municipality_id' | 'version' | 'updated_at' | 'invented'> & { invented?: boolean },
  ): Promise<string> {
    const r = await tx
      .insertInto('budget_line')
      .values({ ...row, municipality_id: municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Optimistic when a version is given (the form); an import updates whatever is there. */
  async updateLine(
    tx: Tx,
    municipalityId: string,
    id: string,
    version: number | null,
    set: { amount: number; label: string; group_id: string | null; updated_by_name: string; import_id: string | null },
  ): Promise<boolean> {
    let q = tx
      .updateTable('budget_line')
      .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id);
    if (version !== null) q = q.where('version', '=', version);
    const r = await q.executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async insertGroup(
    tx: Tx,
    municipalityId: string,
    g: {
      budget_year: number;
      parent_id: string | null;
      label: string;
      printed_amount: number | null;
      position: number;
      source: string | null;
    },
  ): Promise<string> {
    const r = await tx
      .insertInto('budget_group')
      .values({
        ...g,
        municipality_id: municipalityId,
        printed_amount: g.printed_amount === null ? null : String(g.printed_amount),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async groupByLabel(tx: Tx, municipalityId: string, year: number, label: string) {
    return tx
      .selectFrom('budget_group')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('budget_year', '=', year)
      .where(sql<boolean>`lower(label) = lower(${label})`)
      .executeTakeFirst();
  },

  async insertImport(
    tx: Tx,
    municipalityId: string,
    i: { kind: 'budget' | 'postings'; file_name: string; row_count: number; checksum: string; imported_by_name: string },
  ): Promise<string> {
    const r = await tx
      .insertInto('finance_import')
      .values({ ...i, municipality_id: municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /**
   * Postings by voucher, so a re-import updates instead of doubling (budget_posting unique (municipality, year,
   * voucher)). Returns how many were new.
   */
  async upsertPostings(
    tx: Tx,
    municipalityId: string,
    rows: Omit<Insertable<BudgetPosting>, 'id' | 'municipality_id' | 'invented'>[],
  ): Promise<{ inserted: number; updated: number }> {
    let inserted = 0;
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500).map((r) => ({ ...r, municipality_id: municipalityId }));
      const result = await tx
        .insertInto('budget_posting')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['municipality_id', 'budget_year', 'voucher']).doUpdateSet((eb) => ({
            posted_on: eb.ref('excluded.posted_on'),
            unit_id: eb.ref('excluded.unit_id'),
            line_kind: eb.ref('excluded.line_kind'),
            offer_id: eb.ref('excluded.offer_id'),
            amount: eb.ref('excluded.amount'),
            text: eb.ref('excluded.text'),
            import_id: eb.ref('excluded.import_id'),
          })),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .execute();
      inserted += result.filter((r) => r.inserted).length;
    }
    return { inserted, updated: rows.length - inserted };
  },

  /** Actuals to a date, summed per unit, line, offer and month (budget_posting_year_idx). */
  async postingsByMonth(tx: Tx, municipalityId: string, year: number, asOf: string) {
    const rows = await tx
      .selectFrom('budget_posting')
      .select([
        'unit_id',
        'line_kind',
        'offer_id',
        sql<number>`extract(month from posted_on)::int`.as('month'),
        sql<string>`sum(amount)`.as('amount'),
      ])
      .where('municipality_id', '=', municipalityId)
      .where('budget_year', '=', year)
      .where('posted_on', '<=', asOf)
      .groupBy(['unit_id', 'line_kind', 'offer_id', sql`extract(month from posted_on)`])
      .execute();
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  },
};
