import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

export type GoalRow = {
  position: number;
  text: string;
  indicator: string;
  target_date: string;
  condition_code: string;
  goal_type_code: string;
  baseline_support_need_code: string;
  target_support_need_code: string;
};

/**
 * The only SQL that writes orders and their goals: placing an order, the provider's acceptance, ending it, the next
 * follow-up, and the goal's version that guards FKO scoring.
 */
export const ordersRepository = {
  /** Offers are public; an order goes to an offer of the actor's own municipality, so name it here. */
  async ownOffer(tx: Tx, municipalityId: string, offerId: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'name', 'legal_bases', 'org_unit_id'])
      .where('id', '=', offerId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
  },

  async insertOrder(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      decision_id: string;
      offer_id: string;
      ordered_on: string;
      first_follow_up: string;
      action_plan: unknown;
    },
    goals: GoalRow[],
    services: { ffb_code: string; starts_on: string }[] = [],
  ): Promise<string> {
    const id = (
      await tx
        .insertInto('case_order')
        .values({ ...row, action_plan: row.action_plan === null ? null : JSON.stringify(row.action_plan) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await tx
      .insertInto('order_goal')
      .values(goals.map((g) => ({ ...g, order_id: id, municipality_id: row.municipality_id })))
      .execute();
    if (services.length) {
      await tx
        .insertInto('order_service')
        .values(services.map((s) => ({ ...s, order_id: id, municipality_id: row.municipality_id })))
        .execute();
    }
    return id;
  },

  /** The services of orders that end: they end the same day (or on their start, if they had not begun). */
  async endServices(tx: Tx, orderIds: readonly string[], on: string): Promise<void> {
    if (!orderIds.length) return;
    await tx
      .updateTable('order_service')
      .set({ ends_on: sql`greatest(starts_on, ${on}::date)` })
      .where('order_id', 'in', orderIds)
      .where('ends_on', 'is', null)
      .execute();
  },

  /**
   * A new order replaces the case's earlier ones: they end the day it is placed, with their goals and services. A grant
   * alongside running support (`legalBasis` given) replaces only the orders under the same paragraph.
   */
  async endEarlierOrders(tx: Tx, caseId: string, exceptId: string, on: string, legalBasis?: string): Promise<void> {
    let q = tx
      .updateTable('case_order')
      .set({ ends_on: on, ended_reason: 'replaced', version: sql`version + 1` })
      .where('case_id', '=', caseId)
      .where('id', '<>', exceptId)
      .where('ends_on', 'is', null)
      // A declined order never ran: it keeps its own reason.
      .where('status', '<>', 'declined');
    if (legalBasis !== undefined) {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('decision as d')
            .select('d.id')
            .whereRef('d.id', '=', 'case_order.decision_id')
            .whereRef('d.municipality_id', '=', 'case_order.municipality_id')
            .where('d.legal_basis', '=', legalBasis),
        ),
      );
    }
    const earlier = await q.returning('id').execute();
    await ordersRepository.endServices(
      tx,
      earlier.map((e) => e.id),
      on,
    );
    if (earlier.length) {
      await tx
        .updateTable('order_goal')
        .set({ ended_on: on })
        .where(
          'order_id',
          'in',
          earlier.map((e) => e.id),
        )
        .where('ended_on', 'is', null)
        .execute();
    }
  },

  async accept(tx: Tx, orderId: string, version: number, on: string, start: string): Promise<boolean> {
    const r = await tx
      .updateTable('case_order')
      .set({ status: 'accepted', accepted_on: on, actual_start: start, version: sql`version + 1` })
      .where('id', '=', orderId)
      .where('version', '=', version)
      .where('status', '=', 'ordered')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** The provider's answer other than accepting: `from` → `to` (order-actions.ts), guarded by the order's version. */
  async move(
    tx: Tx,
    orderId: string,
    version: number,
    from: string,
    to: 'on_hold' | 'ordered' | 'declined',
    decline: { on: string; reason: string } | null,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('case_order')
      .set({
        status: to,
        declined_on: decline?.on ?? null,
        decline_reason: decline?.reason ?? null,
        version: sql`version + 1`,
      })
      .where('id', '=', orderId)
      .where('version', '=', version)
      .where('status', '=', from as 'ordered')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** Ends an order on `endsOn` (a stop decision), and its goals with it. */
  async end(tx: Tx, orderId: string, endsOn: string, reason: string): Promise<void> {
    await tx
      .updateTable('case_order')
      .set({ ends_on: endsOn, ended_reason: reason, version: sql`version + 1` })
      .where('id', '=', orderId)
      .execute();
    await ordersRepository.endServices(tx, [orderId], endsOn);
    await tx
      .updateTable('order_goal')
      .set({ ended_on: endsOn })
      .where('order_id', '=', orderId)
      .where('ended_on', 'is', null)
      .execute();
  },

  async setFirstFollowUp(tx: Tx, orderId: string, on: string): Promise<void> {
    await tx.updateTable('case_order').set({ first_follow_up: on }).where('id', '=', orderId).execute();
  },

  /** Optimistic locking on the goal: a status is saved only by the one who saw the current version. */
  async bumpGoal(tx: Tx, goalId: string, version: number): Promise<boolean> {
    const r = await tx
      .updateTable('order_goal')
      .set({ version: sql`version + 1` })
      .where('id', '=', goalId)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** The case's newest order with its goals, for the case page (case_order_case_idx, order_goal_order_idx). */
  async orderOf(tx: Tx, caseId: string) {
    const order = await tx
      .selectFrom('case_order as o')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .select([
        'o.id',
        'o.ordered_on',
        'o.first_follow_up',
        'o.action_plan',
        'o.status',
        'o.version',
        'o.declined_on',
        'o.decline_reason',
        'f.name as offer_name',
      ])
      .where('o.case_id', '=', caseId)
      .orderBy('o.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!order) return undefined;
    const goals = await tx.selectFrom('order_goal').selectAll().where('order_id', '=', order.id).orderBy('position').execute();
    return { ...order, goals };
  },

  /** Whether the citizen has an order, not yet ended, at one of the given offers (org units): provider scope. */
  async citizenServedAt(tx: Tx, citizenId: string, unitIds: readonly string[], today: string): Promise<boolean> {
    if (!unitIds.length) return false;
    const row = await tx
      .selectFrom('case_order as o')
      .innerJoin('case_file as c', 'c.id', 'o.case_id')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .select('o.id')
      .where('c.citizen_id', '=', citizenId)
      .where('f.org_unit_id', 'in', unitIds)
      // A declined order gives the provider no access to the citizen.
      .where('o.status', '<>', 'declined')
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', today)]))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
