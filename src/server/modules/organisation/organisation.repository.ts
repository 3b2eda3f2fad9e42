import type { Tx } from '../../platform/tx.ts';

export const organisationRepository = {
  /** All units of the tenant (org_unit_municipality_parent_idx); a municipality has tens of units, not thousands. */
  async units(tx: Tx) {
    return tx
      .selectFrom('org_unit')
      .select(['id', 'parent_id as parentId', 'kind', 'name'])
      .orderBy('name')
      .limit(2000)
      .execute();
  },

  /** The municipality's name and contact, for its letters and the citizen's page (municipality primary key). */
  async letterhead(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('municipality')
      .select(['name', 'address', 'phone', 'email'])
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
  },
};
