import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { requestScopes } from '../db/request-scope.ts';
import { inSystem, inTenant, type Tx } from '../tx.ts';
import type { Actor } from './actor.ts';
import { identityRepository } from './identity.repository.ts';
import { sessionRepository } from './session.repository.ts';
import { csrfTokenOf, encodeSessionCookie, newToken, type SessionRef, sessionIdOf } from './session.ts';

export type SessionSettings = {
  /** Signs cookies and derives each session's CSRF token. */
  secret: string;
  /** Absolute lifetime. */
  maxHours: number;
  /** A session not used for this long has ended (public-sector systems use 30 minutes). */
  idleMinutes: number;
};

export function sessionSettingsOf(config: Config): SessionSettings {
  return { secret: config.sessionSecret, maxHours: config.sessionHours, idleMinutes: config.sessionIdleMinutes };
}

/** A resolved session: who, and the CSRF token bound to it. */
export type LiveSession = { actor: Actor; ref: SessionRef; csrf: string };

/**
 * How often a session's idle clock is moved: not on every request (that would make every read a write), but often
 * enough that a session in use never idles out. A session expires between idle and idle + TOUCH after its last use.
 */
export function touchSecondsOf(settings: Pick<SessionSettings, 'idleMinutes'>): number {
  return Math.min(60, (settings.idleMinutes * 60) / 4);
}

/**
 * Server-side sessions: a row per session in app_session, ended by deleting it. The cookie is only a reference, so
 * a copied or logged-out cookie is worth nothing once its row is gone.
 */
export const sessions = {
  /** Starts a session for `actor` inside the log-in's transaction (with its audit row). */
  async start(tx: Tx, actor: Actor, settings: SessionSettings): Promise<{ cookie: string; csrf: string; maxAge: number }> {
    const token = newToken();
    const maxAge = Math.round(settings.maxHours * 3600);
    await sessionRepository.insert(tx, {
      municipality_id: actor.municipalityId,
      id: sessionIdOf(token),
      user_id: actor.userId,
      lifetimeSeconds: maxAge,
    });
    return {
      cookie: encodeSessionCookie({ municipalityId: actor.municipalityId, token }),
      csrf: csrfTokenOf(token, settings.secret),
      maxAge,
    };
  },

  /**
   * The session's user, or nothing if the session has ended (logged out, idle, expired, ended by an administrator,
   * or its user deactivated). One primary-key probe joined to the user, in the session's own municipality as the
   * app role (row-level security applies), plus a touch at most once per TOUCH interval.
   *
   * With `keepOpen`, in an API request (db/request-scope.ts), the transaction stays open for the page's use case,
   * which then runs in it: one transaction a request. Not when it touched the session: the touch commits at once, so
   * a page that fails and rolls back cannot keep an active session from moving its idle clock.
   */
  async resolve(
    database: Database,
    ref: SessionRef,
    settings: SessionSettings,
    { keepOpen = false }: { keepOpen?: boolean } = {},
  ): Promise<LiveSession | undefined> {
    const id = sessionIdOf(ref.token);
    const limits = { idleSeconds: settings.idleMinutes * 60, touchSeconds: touchSecondsOf(settings) };
    const scope = keepOpen ? requestScopes.current(database.db) : undefined;
    let actor: Actor | undefined;
    if (scope) {
      await scope.release();
      const tx = await database.db.startTransaction().execute();
      let found: Awaited<ReturnType<typeof identityRepository.actorBySession>>;
      try {
        await sql`select set_config('role', 'visitator_app', true), set_config('app.municipality_id', ${ref.municipalityId}, true)`.execute(
          tx,
        );
        found = await identityRepository.actorBySession(tx, ref.municipalityId, id, limits);
        if (found?.stale) await sessionRepository.touch(tx, ref.municipalityId, id);
      } catch (error) {
        await tx
          .rollback()
          .execute()
          .catch(() => {});
        throw error;
      }
      scope.hold({ municipalityId: ref.municipalityId, tx });
      if (!found || found.stale) await scope.release();
      actor = found?.actor;
    } else {
      actor = await inTenant(database, ref.municipalityId, async (tx) => {
        const found = await identityRepository.actorBySession(tx, ref.municipalityId, id, limits);
        if (found?.stale) await sessionRepository.touch(tx, ref.municipalityId, id);
        return found?.actor;
      });
    }
    return actor ? { actor, ref, csrf: csrfTokenOf(ref.token, settings.secret) } : undefined;
  },

  /** Log-out: the row goes, so the cookie is worth nothing from this moment. */
  async end(tx: Tx, ref: SessionRef): Promise<void> {
    await sessionRepository.delete(tx, ref.municipalityId, sessionIdOf(ref.token));
  },

  /** Ends every session of a user (an administrator's decision, or the user's deactivation). */
  async endAllOf(tx: Tx, municipalityId: string, userId: string): Promise<number> {
    return sessionRepository.deleteForUser(tx, municipalityId, userId);
  },

  /** Removes rows of sessions that have ended by time; they are already refused, so this only keeps the table small. */
  async sweep(database: Database, settings: SessionSettings): Promise<number> {
    return inSystem(database, (tx) => sessionRepository.sweep(tx, settings.idleMinutes * 60));
  },

  liveByUser(tx: Tx, municipalityId: string, userIds: string[], settings: SessionSettings) {
    return sessionRepository.liveByUser(tx, municipalityId, userIds, settings.idleMinutes * 60);
  },
};
