import { type SelectQueryBuilder, sql } from 'kysely';
import { TOTAL_CAP } from '../../shared/api/page.ts';
import type { Tx } from './tx.ts';

export type CappedTotal = { total: number; totalCapped: boolean };

/**
 * How many rows a list has, counted only up to TOTAL_CAP past the page's start: the count reads at most that many
 * rows (in whatever order the planner finds cheapest) instead of the whole municipality's, and a list that goes on
 * further says so (`totalCapped`; the page shows "more than"). Paging forward always finds the next page inside the
 * count, since the cap moves with the offset.
 */
export async function cappedCount(
  tx: Tx,
  // biome-ignore lint/suspicious/noExplicitAny: any query of the schema's tables; only its rows are counted.
  rows: SelectQueryBuilder<any, any, any>,
  offset: number,
): Promise<CappedTotal> {
  const cap = offset + TOTAL_CAP;
  const limited = rows
    .clearSelect()
    .clearOrderBy()
    .select(sql<number>`1`.as('one'))
    .limit(cap + 1)
    .as('capped');
  const row = await tx
    .selectFrom(limited)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}
