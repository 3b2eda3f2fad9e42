import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/** The only SQL of the management dashboards: reads of deadlines, cases, complaints, orders and goals. */
export const dashboardsRepository = {
  /** Deadlines met in a period (case_deadline_met_idx). */
  async metDeadlines(tx: Tx, m: string, kinds: readonly string[], from: string, to: string) {
    return tx
      .selectFrom('case_deadline')
      .select(['kind', 'from_date', 'due_date', 'met_on'])
      .where('municipality_id', '=', m)
      .where('met_on', '>=', from)
      .where('met_on', '<=', to)
      .where('kind', 'in', kinds)
      .execute();
  },

  /** Open deadlines past due on a day, per kind (case_deadline_open_idx). */
  async overdueDeadlines(tx: Tx, m: string, kinds: readonly string[], today: string) {
    return tx
      .selectFrom('case_deadline')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', m)
      .where('met_on', 'is', null)
      .where('lapsed_on', 'is', null)
      .where('due_date', '<', today)
      .where('kind', 'in', kinds)
      .groupBy('kind')
      .execute();
  },

  /** Open cases per caseworker (case_file_caseworker_idx). */
  async caseload(tx: Tx, m: string) {
    return tx
      .selectFrom('case_file as c')
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.caseworker_id'),
      )
      .select(['c.caseworker_id', 'u.name', (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.municipality_id', '=', m)
      .where('c.status', '!=', 'closed')
      .groupBy(['c.caseworker_id', 'u.name'])
      .orderBy('u.name')
      .execute();
  },

  /** Complaints received in a period (complaint_received_idx) and Ankestyrelsen's decisions in it (complaint_decided_idx). */
  async complaints(tx: Tx, m: string, from: string, to: string) {
    const received = await tx
      .selectFrom('complaint')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', m)
      .where('received_on', '>=', from)
      .where('received_on', '<=', to)
      .executeTakeFirst();
    const decided = await tx
      .selectFrom('complaint')
      .select(['appeal_outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .where('municipality_id', '=', m)
      .where('appeal_decided_on', '>=', from)
      .where('appeal_decided_on', '<=', to)
      .groupBy('appeal_outcome')
      .execute();
    return { received: Number(received?.n ?? 0), decided };
  },

  /** Grants (orders with their decision and offer) running some time in a period, one row each (case_order_pkey). */
  async grants(tx: Tx, m: string, from: string, to: string) {
    return tx
      .selectFrom('case_order as o')
      .innerJoin('decision as d', (j) =>
        j.onRef('d.municipality_id', '=', 'o.municipality_id').onRef('d.id', '=', 'o.decision_id'),
      )
      .innerJoin('offer as f', (j) => j.onRef('f.municipality_id', '=', 'o.municipality_id').onRef('f.id', '=', 'o.offer_id'))
      .innerJoin('case_file as c', (j) => j.onRef('c.municipality_id', '=', 'o.municipality_id').onRef('c.id', '=', 'o.case_id'))
      .select([
        'o.id',
        'o.offer_id',
        'f.name as offer_name',
        'f.org_unit_id',
        'f.legal_bases',
        'd.legal_basis',
        'c.citizen_id',
        'o.ended_reason',
        sql<string>`coalesce(o.actual_start, d.start_date, o.ordered_on)`.as('start'),
        'o.ends_on',
      ])
      .where('o.municipality_id', '=', m)
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', from)]))
      .where(sql<boolean>`coalesce(o.actual_start, d.start_date, o.ordered_on) <= ${to}`)
      .execute();
  },
};
