import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, FkoStatusKind, FollowUpOutcome } from '../../db/database.types.ts';
import { cappedCount } from '../../platform/capped-count.ts';
import type { Tx } from '../../platform/tx.ts';

/**
 * The SQL of follow-up: it writes sub-goals, the daily journal, delivered hours, FKO statuses and follow-ups, and
 * reads orders as delivered with their goals (the orders module writes those). RLS-scoped.
 */
export const followUpRepository = {
  /** One order with what scoping and the views need (case_order primary key). */
  async order(tx: Tx, orderId: string) {
    return tx
      .selectFrom('case_order as o')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .innerJoin('case_file as c', 'c.id', 'o.case_id')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .innerJoin('decision as d', 'd.id', 'o.decision_id')
      .innerJoin('service_description_version as v', 'v.id', 'd.service_description_version_id')
      .innerJoin('service_description as s', 's.id', 'v.service_description_id')
      .leftJoin('app_user as u', 'u.id', 'c.caseworker_id')
      .select([
        // What the provider may read of the decision (rules/follow-up/provider-disclosure.ts) and nothing else.
        'd.outcome',
        'd.reasons',
        's.title as service_title',
        'o.id',
        'o.case_id',
        'o.status',
        'o.ordered_on',
        'o.first_follow_up',
        'o.accepted_on',
        'o.actual_start',
        'o.ends_on',
        'o.action_plan',
        'o.version',
        'o.declined_on',
        'o.decline_reason',
        'o.decision_id',
        'f.name as offer_name',
        'f.org_unit_id',
        'c.citizen_id',
        'c.status as case_status',
        'c.version as case_version',
        'p.first_name',
        'p.last_name',
        'p.address',
        'p.postal_code',
        'p.city',
        'p.phone',
        'u.name as caseworker_name',
        'd.legal_basis',
        'd.weekly_hours',
        'd.profile_code',
        'd.module_days',
        'd.start_date',
        'd.time_limit_until',
        'd.decided_on',
      ])
      .where('o.id', '=', orderId)
      .executeTakeFirst();
  },

  /** The case's other orders that have not ended (a grant alongside another). */
  async otherRunningOrders(tx: Tx, caseId: string, exceptId: string) {
    return tx
      .selectFrom('case_order')
      .select(['id'])
      .where('case_id', '=', caseId)
      .where('id', '<>', exceptId)
      .where('ends_on', 'is', null)
      .execute();
  },

  /** One order of the case (the follow-up names it when the case has several). */
  async orderOfCase(tx: Tx, caseId: string, orderId: string) {
    return tx.selectFrom('case_order').select(['id']).where('case_id', '=', caseId).where('id', '=', orderId).executeTakeFirst();
  },

  /** The newest order of a case (case_order_case_idx). */
  async latestOrderOfCase(tx: Tx, caseId: string) {
    return tx
      .selectFrom('case_order')
      .select(['id'])
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /**
   * Orders at the given offers (org units), paged (case_order_offer_status_idx): incoming = not yet accepted; active
   * = accepted and not past its end; ended = past its end.
   */
  async listForUnits(
    tx: Tx,
    unitIds: readonly string[],
    state: 'incoming' | 'active' | 'ended',
    today: string,
    limit: number,
    offset: number,
  ) {
    if (!unitIds.length) return { items: [], total: 0, totalCapped: false };
    const base = tx
      .selectFrom('case_order as o')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .innerJoin('case_file as c', 'c.id', 'o.case_id')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .innerJoin('decision as d', 'd.id', 'o.decision_id')
      .where('f.org_unit_id', 'in', unitIds)
      .where(inState(state, today));
    const items = await base
      .select([
        'o.id',
        'o.status',
        'o.ordered_on',
        'o.actual_start',
        'o.ends_on',
        'f.name as offer_name',
        'p.first_name',
        'p.last_name',
        'd.weekly_hours',
        'd.profile_code',
      ])
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .orderBy('o.id')
      .limit(limit)
      .offset(offset)
      .execute();
    // The count needs only the orders at these offers: every order has its case, citizen and decision (foreign keys).
    // The same state filter as the page (it counted on hold and declined orders differently: a page total that
    // disagreed with its rows). Capped: a provider may hold most of a municipality's orders.
    const total = await cappedCount(
      tx,
      tx
        .selectFrom('case_order as o')
        .where('o.offer_id', 'in', (eb) => eb.selectFrom('offer as f').select('f.id').where('f.org_unit_id', 'in', unitIds))
        .where(inState(state, today)),
      offset,
    );
    return { items, ...total };
  },

  /**
   * Running orders of the caseworker's cases (or the whole municipality's for a team leader) by next follow-up, paged:
   * the basis of the follow-up alerts. The page's order ids come first, from two walks that each stop after the page
   * (those with no end: case_order_running_open_idx in follow-up order; those with an end still ahead:
   * case_order_running_ends_idx, a few per case at most), merged; then the page's rows are joined by primary key.
   * For one caseworker the planner starts from case_file_caseworker_idx instead. The count is capped.
   */
  async runningForCaseworker(tx: Tx, caseworkerId: string | null, today: string, limit: number, offset: number) {
    const mine = (eb: ExpressionBuilder<DB & { o: DB['case_order'] }, 'o'>) =>
      eb(
        'o.case_id',
        'in',
        eb
          .selectFrom('case_file as c')
          .select('c.id')
          .where('c.caseworker_id', '=', caseworkerId as string),
      );
    const branch = (ends: 'none' | 'ahead') =>
      tx
        .selectFrom('case_order as o')
        .select(['o.id', 'o.first_follow_up'])
        .where('o.status', '=', 'accepted')
        .where((eb) => (ends === 'none' ? eb('o.ends_on', 'is', null) : eb('o.ends_on', '>=', today)))
        .$if(caseworkerId !== null, (q) => q.where(mine))
        .orderBy('o.first_follow_up')
        .orderBy('o.id')
        .limit(offset + limit);
    const page = sql<{ id: string; first_follow_up: string }>`((${branch('none')}) union all (${branch('ahead')}))`;
    const items = await tx
      .selectFrom(page.as('r'))
      .innerJoin('case_order as o', 'o.id', 'r.id')
      .innerJoin('case_file as c', 'c.id', 'o.case_id')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .innerJoin('decision as d', 'd.id', 'o.decision_id')
      .select([
        'o.id',
        'o.case_id',
        'o.actual_start',
        'o.ordered_on',
        'o.ends_on',
        'o.first_follow_up',
        'p.first_name',
        'p.last_name',
        'd.weekly_hours',
        'd.time_limit_until',
      ])
      .orderBy('r.first_follow_up')
      .orderBy('r.id')
      .limit(limit)
      .offset(offset)
      .execute();
    // Every order has its citizen and decision (foreign keys): the count reads the orders alone.
    const total = await cappedCount(
      tx,
      tx
        .selectFrom('case_order as o')
        .where('o.status', '=', 'accepted')
        .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', today)]))
        .$if(caseworkerId !== null, (q) => q.where(mine)),
      offset,
    );
    return { items, ...total };
  },

  /** Goals of a set of orders in one query (order_goal_municipality_id_order_id_position_key): no N+1 over a page. */
  async goals(tx: Tx, orderIds: readonly string[]) {
    if (!orderIds.length) return [];
    return tx.selectFrom('order_goal').selectAll().where('order_id', 'in', orderIds).orderBy('position').execute();
  },

  async subgoals(tx: Tx, orderIds: readonly string[]) {
    if (!orderIds.length) return [];
    return tx
      .selectFrom('order_subgoal')
      .select(['id', 'goal_id', 'text', 'target_date'])
      .where('order_id', 'in', orderIds)
      .orderBy('target_date')
      .execute();
  },

  async statuses(tx: Tx, orderIds: readonly string[]) {
    if (!orderIds.length) return [];
    return (
      tx
        .selectFrom('fko_status')
        .select(['id', 'goal_id', 'order_id', 'kind', 'scored_on', 'support_need_code', 'justification', 'scored_by_name'])
        .where('order_id', 'in', orderIds)
        .orderBy('scored_on')
        .orderBy('created_at')
        // At most 3 goals an order, a status a quarter: a generous bound, never a cut in practice.
        .limit(300 * orderIds.length)
        .execute()
    );
  },

  async hours(tx: Tx, orderIds: readonly string[], fromWeek: string) {
    if (!orderIds.length) return [];
    return tx
      .selectFrom('delivered_hours')
      .select(['order_id', 'week_start', 'hours'])
      .where('order_id', 'in', orderIds)
      .where('week_start', '>=', fromWeek)
      .orderBy('week_start')
      .execute();
  },

  /** The newest entries first (order_journal_order_idx); the page shows the latest 50. */
  /** The provider's journal on an order, newest first, a page at a time (order_journal_order_idx). */
  async journal(tx: Tx, orderId: string, page: { limit: number; offset: number }) {
    return tx
      .selectFrom('order_journal')
      .select(['id', 'goal_id', 'written_on', 'body', 'author_name'])
      .where('order_id', '=', orderId)
      .orderBy('written_on', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  async countJournal(tx: Tx, orderId: string): Promise<number> {
    const row = await tx
      .selectFrom('order_journal')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('order_id', '=', orderId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertSubgoal(
    tx: Tx,
    row: {
      municipality_id: string;
      order_id: string;
      goal_id: string;
      text: string;
      target_date: string;
      created_by_name: string;
    },
  ): Promise<string> {
    return (await tx.insertInto('order_subgoal').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertJournal(
    tx: Tx,
    row: { municipality_id: string; order_id: string; goal_id: string; written_on: string; body: string; author_name: string },
  ): Promise<number> {
    return (await tx.insertInto('order_journal').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** One row per order and week (delivered_hours_municipality_id_order_id_week_start_key); registering a week again corrects it. */
  async upsertHours(
    tx: Tx,
    row: { municipality_id: string; order_id: string; week_start: string; hours: number; registered_by_name: string },
  ): Promise<void> {
    await tx
      .insertInto('delivered_hours')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['municipality_id', 'order_id', 'week_start']).doUpdateSet({
          hours: row.hours,
          registered_by_name: row.registered_by_name,
          // The new row's own default, not now(): Citus refuses a function that is not immutable in DO UPDATE SET.
          updated_at: (eb) => eb.ref('excluded.updated_at'),
        }),
      )
      .execute();
  },

  async insertStatus(
    tx: Tx,
    row: {
      municipality_id: string;
      order_id: string;
      goal_id: string;
      kind: FkoStatusKind;
      scored_on: string;
      support_need_code: string;
      justification: string;
      scored_by_name: string;
    },
  ): Promise<string> {
    return (await tx.insertInto('fko_status').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertFollowUp(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      order_id: string;
      held_on: string;
      outcome: FollowUpOutcome;
      note: string;
      next_follow_up: string | null;
      decision_id: string | null;
      held_by_name: string;
    },
  ): Promise<string> {
    return (await tx.insertInto('follow_up').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** A case's follow-ups, newest first, a page at a time (follow_up_case_idx). */
  async followUps(tx: Tx, caseId: string, page: { limit: number; offset: number }) {
    return tx
      .selectFrom('follow_up')
      .select(['id', 'held_on', 'outcome', 'note', 'next_follow_up', 'held_by_name'])
      .where('case_id', '=', caseId)
      .orderBy('held_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  async countFollowUps(tx: Tx, caseId: string): Promise<number> {
    const row = await tx
      .selectFrom('follow_up')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};

/**
 * The provider's lists by order state: incoming (ordered or held with a question), active (accepted and not past
 * its end), ended (ended, declined, or past its end). One filter for a list's page and its count.
 */
function inState(state: 'incoming' | 'active' | 'ended', today: string) {
  return (eb: ExpressionBuilder<{ o: DB['case_order'] }, 'o'>) => {
    if (state === 'incoming') return eb('o.status', 'in', ['ordered', 'on_hold']);
    if (state === 'active') {
      return eb.and([eb('o.status', '=', 'accepted'), eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', today)])]);
    }
    return eb.or([
      eb('o.status', 'in', ['ended', 'declined']),
      eb.and([eb('o.ends_on', 'is not', null), eb('o.ends_on', '<', today)]),
    ]);
  };
}
