import type { Insertable } from 'kysely';
import type { ShelterStay, ShelterStayOutcome } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

/** The only SQL of shelter stays (SEL § 110). */
export const shelterRepository = {
  async citizen(tx: Tx, m: string, id: string) {
    return tx.selectFrom('citizen').select(['id']).where('municipality_id', '=', m).where('id', '=', id).executeTakeFirst();
  },

  async offer(tx: Tx, m: string, id: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'name', 'legal_bases'])
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The § 110 offers of the municipality (shelters and hostels), for the form. */
  async shelters(tx: Tx, m: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'name', 'legal_bases'])
      .where('municipality_id', '=', m)
      .where((eb) => eb(eb.val('SEL § 110'), '=', eb.fn.any('legal_bases')))
      .orderBy('name')
      .execute();
  },

  /** The citizen's stays that overlap a period (shelter_stay_citizen_idx). */
  async overlapping(tx: Tx, m: string, citizenId: string, from: string, to: string | null, except?: string) {
    let q = tx
      .selectFrom('shelter_stay')
      .select(['id'])
      .where('municipality_id', '=', m)
      .where('citizen_id', '=', citizenId)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', from)]));
    if (to !== null) q = q.where('arrived_on', '<', to);
    if (except) q = q.where('id', '!=', except);
    return q.execute();
  },

  async stay(tx: Tx, m: string, id: string) {
    return tx.selectFrom('shelter_stay').selectAll().where('municipality_id', '=', m).where('id', '=', id).executeTakeFirst();
  },

  async insert(tx: Tx, m: string, row: Omit<Insertable<ShelterStay>, 'id' | 'municipality_id' | 'created_at' | 'version'>) {
    const r = await tx
      .insertInto('shelter_stay')
      .values({ ...row, municipality_id: m })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async depart(tx: Tx, m: string, id: string, version: number, leftOn: string, outcome: ShelterStayOutcome) {
    const r = await tx
      .updateTable('shelter_stay')
      .set({ left_on: leftOn, outcome, version: version + 1 })
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** A page of stays, those under way first, newest arrival first (shelter_stay_period_idx). */
  async page(tx: Tx, m: string, q: { open: boolean; limit: number; offset: number }) {
    let base = tx
      .selectFrom('shelter_stay as s')
      .innerJoin('citizen as c', (j) => j.onRef('c.municipality_id', '=', 's.municipality_id').onRef('c.id', '=', 's.citizen_id'))
      .where('s.municipality_id', '=', m);
    if (q.open) base = base.where('s.left_on', 'is', null);
    const [count] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
    const rows = await base
      .selectAll('s')
      .select(['c.first_name', 'c.last_name'])
      .orderBy('s.arrived_on', 'desc')
      .orderBy('s.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
    return { total: Number(count?.n ?? 0), rows };
  },
};
