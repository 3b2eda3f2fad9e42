import { sql } from 'kysely';
import type { Tx } from '../tx.ts';

/** The SQL of app_session. The platform is its only writer (log-in, log-out, the guard's touch, ending, sweeping). */
export const sessionRepository = {
  /** Ends after `lifetimeSeconds` by the database's clock, the one that resolving and sweeping compare with. */
  async insert(
    tx: Tx,
    { lifetimeSeconds, ...row }: { municipality_id: string; id: string; user_id: string; lifetimeSeconds: number },
  ): Promise<void> {
    await tx
      .insertInto('app_session')
      .values({ ...row, expires_at: sql<Date>`now() + make_interval(secs => ${lifetimeSeconds})` })
      .execute();
  },

  /** Moves the idle clock; the guard calls it at most once per TOUCH interval per session. Primary key. */
  async touch(tx: Tx, municipalityId: string, id: string): Promise<void> {
    await tx
      .updateTable('app_session')
      .set({ last_seen_at: sql`now()` })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute();
  },

  /** Primary key. */
  async delete(tx: Tx, municipalityId: string, id: string): Promise<void> {
    await tx.deleteFrom('app_session').where('municipality_id', '=', municipalityId).where('id', '=', id).execute();
  },

  /** app_session_user_idx. */
  async deleteForUser(tx: Tx, municipalityId: string, userId: string): Promise<number> {
    const r = await tx
      .deleteFrom('app_session')
      .where('municipality_id', '=', municipalityId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Sessions past their lifetime or idle limit are already refused; this removes their rows (all tenants). */
  async sweep(tx: Tx, idleSeconds: number): Promise<number> {
    const r = await tx
      .deleteFrom('app_session')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', sql<Date>`now()`),
          eb('last_seen_at', '<=', sql<Date>`now() - make_interval(secs => ${idleSeconds})`),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Live sessions of these users, with the latest activity (app_session_user_idx). */
  async liveByUser(tx: Tx, municipalityId: string, userIds: string[], idleSeconds: number) {
    if (!userIds.length) return [];
    return tx
      .selectFrom('app_session')
      .select((eb) => ['user_id', eb.fn.countAll<number>().as('sessions'), eb.fn.max('last_seen_at').as('lastSeenAt')])
      .where('municipality_id', '=', municipalityId)
      .where('user_id', 'in', userIds)
      .where('expires_at', '>', sql<Date>`now()`)
      .where('last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${idleSeconds})`)
      .groupBy('user_id')
      .execute();
  },
};
