import { type SqlBool, sql } from 'kysely';
import type { UserAdminQuery } from '../../../shared/users/user-admin.schema.ts';
import type { Tx } from '../../platform/tx.ts';

/** After every string that starts with the prefix (the same trick as the citizen search). */
const PREFIX_END = '\u{10FFFF}';

/** The only writer of app_user besides the seed: an administrator's (de)activation. Row-level security applies. */
export const usersRepository = {
  /**
   * One page of the municipality's users: staff unless a role is asked for (app_user_municipality_idx), or a name
   * prefix as a range on the stored lower-case name (app_user_search_name_idx; leakproof operators, see 0002).
   */
  async page(tx: Tx, query: UserAdminQuery, limit: number, offset: number) {
    let base = tx.selectFrom('app_user as u');
    base = query.role ? base.where('u.role', '=', query.role) : base.where('u.role', '<>', 'citizen');
    if (query.q) {
      const from = query.q.toLowerCase();
      base = base.where(sql<SqlBool>`(u.search_name ~>=~ ${from} and u.search_name ~<~ ${`${from}${PREFIX_END}`})`);
    }
    const items = await base
      .leftJoin('org_unit as ou', 'ou.id', 'u.unit_id')
      .select(['u.id', 'u.name', 'u.role', 'u.active', 'ou.name as unitName'])
      .orderBy('u.search_name')
      .orderBy('u.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items, total: total.n };
  },

  async byId(tx: Tx, id: string) {
    return tx.selectFrom('app_user').select(['id', 'name', 'role', 'active']).where('id', '=', id).executeTakeFirst();
  },

  async setActive(tx: Tx, id: string, active: boolean): Promise<void> {
    await tx.updateTable('app_user').set({ active }).where('id', '=', id).execute();
  },
};
