import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/**
 * Granted services that run in a month, for the Danmarks Statistik extract: every order (the service as delivered,
 * from its start to its end) and every granting decision not yet ordered (from its start date). Read only: the case
 * modules own these tables.
 */
export const statisticsExportRepository = {
  async servicesInMonth(tx: Tx, municipalityId: string, from: string, to: string) {
    const ordered = await tx
      .selectFrom('case_order as o')
      .innerJoin('decision as d', (j) =>
        j.onRef('d.id', '=', 'o.decision_id').onRef('d.municipality_id', '=', 'o.municipality_id'),
      )
      .innerJoin('case_file as c', (j) => j.onRef('c.id', '=', 'o.case_id').onRef('c.municipality_id', '=', 'o.municipality_id'))
      .innerJoin('citizen as ci', (j) =>
        j.onRef('ci.id', '=', 'c.citizen_id').onRef('ci.municipality_id', '=', 'c.municipality_id'),
      )
      .innerJoin('offer as of', 'of.id', 'o.offer_id')
      .select([
        'o.id',
        'c.id as case_id',
        'c.citizen_id',
        'ci.cpr',
        'd.legal_basis',
        'd.decided_on',
        'd.weekly_hours',
        'd.module_days',
        sql<string>`coalesce(o.actual_start, d.start_date, o.ordered_on)`.as('start'),
        'o.ends_on as end',
        'of.legal_bases',
        'of.ffb_code',
        'of.name as offer_name',
      ])
      .where('o.municipality_id', '=', municipalityId)
      .where(sql<boolean>`coalesce(o.actual_start, d.start_date, o.ordered_on) <= ${to}`)
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', from)]))
      .orderBy('ci.cpr')
      .orderBy('o.created_at')
      .execute();
    const unordered = await tx
      .selectFrom('decision as d')
      .innerJoin('case_file as c', (j) => j.onRef('c.id', '=', 'd.case_id').onRef('c.municipality_id', '=', 'd.municipality_id'))
      .innerJoin('citizen as ci', (j) =>
        j.onRef('ci.id', '=', 'c.citizen_id').onRef('ci.municipality_id', '=', 'c.municipality_id'),
      )
      .select([
        'd.id',
        'c.id as case_id',
        'c.citizen_id',
        'ci.cpr',
        'd.legal_basis',
        'd.decided_on',
        'd.weekly_hours',
        'd.module_days',
        sql<string>`d.start_date`.as('start'),
        'd.time_limit_until as end',
      ])
      .where('d.municipality_id', '=', municipalityId)
      .where('d.outcome', 'in', ['granted', 'partly_granted'])
      .where('d.kind', '!=', 'stop')
      .where('d.start_date', '<=', to)
      .where((eb) => eb.or([eb('d.time_limit_until', 'is', null), eb('d.time_limit_until', '>=', from)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('case_order as o')
              .select('o.id')
              .whereRef('o.decision_id', '=', 'd.id')
              .whereRef('o.municipality_id', '=', 'd.municipality_id'),
          ),
        ),
      )
      // A later decision on the case (a stop or a new grant) replaces one that was never ordered.
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('decision as later')
              .select('later.id')
              .whereRef('later.case_id', '=', 'd.case_id')
              .whereRef('later.municipality_id', '=', 'd.municipality_id')
              .whereRef('later.created_at', '>', 'd.created_at'),
          ),
        ),
      )
      .orderBy('ci.cpr')
      .execute();
    return { ordered, unordered };
  },

  async municipalityCode(tx: Tx, municipalityId: string) {
    return (await tx.selectFrom('municipality').select('code').where('id', '=', municipalityId).executeTakeFirstOrThrow()).code;
  },
};
