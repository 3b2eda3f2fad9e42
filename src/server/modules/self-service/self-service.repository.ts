import type { Tx } from '../../platform/tx.ts';

/** A bound on each per-case list the citizen's page shows (a case has a handful of each). */
const PER_CASE = 100;

/** The only SQL of self-service: the citizen's own cases, orders and goals (RLS-scoped, then to the citizen). */
export const selfServiceRepository = {
  async citizen(tx: Tx, citizenId: string) {
    return tx.selectFrom('citizen').select(['id', 'first_name', 'last_name']).where('id', '=', citizenId).executeTakeFirst();
  },

  /**
   * A page of the citizen's cases, newest first (case_file_citizen_idx; a citizen's cases are sorted, never more).
   * Cases opened the same day: the one registered last first (an id would order them at random).
   */
  async cases(tx: Tx, citizenId: string, page: { limit: number; offset: number }) {
    return tx
      .selectFrom('case_file as c')
      .leftJoin('app_user as u', 'u.id', 'c.caseworker_id')
      .select(['c.id', 'c.title', 'c.status', 'u.name as caseworker_name'])
      .where('c.citizen_id', '=', citizenId)
      .orderBy('c.opened_on', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  async countCases(tx: Tx, citizenId: string): Promise<number> {
    const row = await tx
      .selectFrom('case_file')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('citizen_id', '=', citizenId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * The provider the citizen knows for each provider staff member in their log: the offer of the citizen's own
   * order that the staff member works at (app_user_offer), not the staff member's home unit.
   */
  async providersKnownToCitizen(tx: Tx, citizenId: string, userIds: readonly string[]) {
    if (!userIds.length) return [];
    return tx
      .selectFrom('case_file as c')
      .innerJoin('case_order as co', (j) =>
        j.onRef('co.municipality_id', '=', 'c.municipality_id').onRef('co.case_id', '=', 'c.id'),
      )
      .innerJoin('offer as o', (j) => j.onRef('o.municipality_id', '=', 'co.municipality_id').onRef('o.id', '=', 'co.offer_id'))
      .innerJoin('app_user_offer as uo', (j) =>
        j.onRef('uo.municipality_id', '=', 'o.municipality_id').onRef('uo.unit_id', '=', 'o.org_unit_id'),
      )
      .select(['uo.user_id', 'o.name'])
      .where('c.citizen_id', '=', citizenId)
      .where('uo.user_id', 'in', userIds)
      .orderBy('co.ordered_on', 'desc')
      .limit(PER_CASE)
      .execute();
  },

  /** The offer of each of the citizen's own orders among `orderIds` (case_order_pkey, offer_pkey). */
  async offersOfOrders(tx: Tx, citizenId: string, orderIds: readonly string[]) {
    const ids = orderIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!ids.length) return [];
    return tx
      .selectFrom('case_order as co')
      .innerJoin('case_file as c', (j) =>
        j.onRef('c.municipality_id', '=', 'co.municipality_id').onRef('c.id', '=', 'co.case_id'),
      )
      .innerJoin('offer as o', (j) => j.onRef('o.municipality_id', '=', 'co.municipality_id').onRef('o.id', '=', 'co.offer_id'))
      .select(['co.id', 'o.name'])
      .where('co.id', 'in', ids)
      .where('c.citizen_id', '=', citizenId)
      .execute();
  },

  async caseOwner(tx: Tx, caseId: string) {
    return tx.selectFrom('case_file').select(['id', 'citizen_id']).where('id', '=', caseId).executeTakeFirst();
  },

  async openComplaintDeadlines(tx: Tx, caseIds: readonly string[]) {
    if (!caseIds.length) return [];
    return tx
      .selectFrom('case_deadline')
      .select(['case_id', 'due_date', 'ends_at_time'])
      .where('case_id', 'in', caseIds)
      .where('kind', '=', 'complaint')
      .where('met_on', 'is', null)
      .where('lapsed_on', 'is', null)
      .limit(PER_CASE * caseIds.length)
      .execute();
  },

  /** The newest order per case, with the offer's contact (case_order_case_idx). */
  async orders(tx: Tx, caseIds: readonly string[]) {
    if (!caseIds.length) return [];
    return tx
      .selectFrom('case_order as o')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .select([
        'o.id',
        'o.case_id',
        'o.actual_start',
        'o.ends_on',
        'o.first_follow_up',
        'o.action_plan',
        'o.created_at',
        'f.name as offer_name',
        'f.opening_hours',
      ])
      .where('o.case_id', 'in', caseIds)
      .orderBy('o.created_at', 'desc')
      .limit(PER_CASE * caseIds.length)
      .execute();
  },
};
