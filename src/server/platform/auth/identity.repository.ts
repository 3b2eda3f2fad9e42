import { sql } from 'kysely';
import type { Tx } from '../tx.ts';
import type { Actor } from './actor.ts';

/**
 * Resolves users before a tenant is known (session cookie, OIDC subject, demo picker). Runs in inSystem:
 * the only reads that cross municipalities, and they return only the user's own identity. Each names its index:
 * the user by app_user_id_idx or app_user_oidc_subject_idx, then unit and offers by their keys (municipality_id, …).
 */
function actorQuery(tx: Tx) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('municipality as m', 'm.id', 'u.municipality_id')
    .leftJoin('org_unit as ou', (join) =>
      join.onRef('ou.municipality_id', '=', 'u.municipality_id').onRef('ou.id', '=', 'u.unit_id'),
    )
    .select((eb) => [
      'u.id as userId',
      'u.name as name',
      'u.role as role',
      'u.municipality_id as municipalityId',
      'm.name as municipalityName',
      'm.code as municipalityCode',
      'u.unit_id as unitId',
      'ou.name as unitName',
      'u.citizen_id as citizenId',
      eb
        .selectFrom('app_user_offer as uo')
        .select((e) => e.fn.coalesce(e.fn.agg<string[]>('array_agg', ['uo.unit_id']), e.val<string[]>([])).as('ids'))
        .whereRef('uo.municipality_id', '=', 'u.municipality_id')
        .whereRef('uo.user_id', '=', 'u.id')
        .as('offerUnitIds'),
    ])
    .where('u.active', '=', true);
}

export const identityRepository = {
  /**
   * The user of a live session, in one statement: app_session's primary key joined to the user (who must still be
   * active), the municipality, the unit and the offers. `stale` says the idle clock should be moved.
   */
  async actorBySession(
    tx: Tx,
    municipalityId: string,
    sessionId: string,
    limits: { idleSeconds: number; touchSeconds: number },
  ): Promise<{ actor: Actor; stale: boolean } | undefined> {
    const row = await actorQuery(tx)
      .innerJoin('app_session as s', (j) =>
        j.onRef('s.municipality_id', '=', 'u.municipality_id').onRef('s.user_id', '=', 'u.id'),
      )
      .select(sql<boolean>`s.last_seen_at < now() - make_interval(secs => ${limits.touchSeconds})`.as('stale'))
      .where('s.municipality_id', '=', municipalityId)
      .where('s.id', '=', sessionId)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${limits.idleSeconds})`)
      .executeTakeFirst();
    if (!row) return undefined;
    const { stale, ...actor } = row;
    return { actor: { ...actor, offerUnitIds: actor.offerUnitIds ?? [] }, stale };
  },

  async actorById(tx: Tx, userId: string): Promise<Actor | undefined> {
    const row = await actorQuery(tx).where('u.id', '=', userId).executeTakeFirst();
    return row ? { ...row, offerUnitIds: row.offerUnitIds ?? [] } : undefined;
  },

  /**
   * A subject is unique within a municipality (migration 0012), not across them: one found in two municipalities
   * cannot say which is meant, so it logs in nowhere (the caller records a failed log-in).
   */
  async actorByOidcSubject(tx: Tx, subject: string): Promise<Actor | undefined> {
    const rows = await actorQuery(tx).where('u.oidc_subject', '=', subject).limit(2).execute();
    const [row] = rows;
    return row && rows.length === 1 ? { ...row, offerUnitIds: row.offerUnitIds ?? [] } : undefined;
  },

  async isDemoUser(tx: Tx, userId: string): Promise<boolean> {
    const row = await tx.selectFrom('app_user').select('is_demo').where('id', '=', userId).executeTakeFirst();
    return row?.is_demo === true;
  },

  /** Demo users for the demo log-in page, by municipality and role (app_user_demo_idx). */
  async demoUsers(tx: Tx) {
    return tx
      .selectFrom('app_user as u')
      .innerJoin('municipality as m', 'm.id', 'u.municipality_id')
      .leftJoin('org_unit as ou', (join) =>
        join.onRef('ou.municipality_id', '=', 'u.municipality_id').onRef('ou.id', '=', 'u.unit_id'),
      )
      .select(['u.id', 'u.name', 'u.role', 'm.name as municipalityName', 'ou.name as unitName'])
      .where('u.is_demo', '=', true)
      .where('u.active', '=', true)
      .orderBy('m.name')
      .orderBy('u.role')
      .orderBy('u.name')
      .limit(200)
      .execute();
  },
};
