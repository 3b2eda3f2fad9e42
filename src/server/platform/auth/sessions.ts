import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
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
   */
  async resolve(database: Database, ref: SessionRef, settings: SessionSettings): Promise<LiveSession | undefined> {
    const id = sessionIdOf(ref.token);
    const actor = await inTenant(database, ref.municipalityId, async (tx) => {
      const found = await identityRepository.actorBySession(tx, ref.municipalityId, id, {
        idleSeconds: settings.idleMinutes * 60,
        touchSeconds: touchSecondsOf(settings),
      });
      if (found?.stale) await sessionRepository.touch(tx, ref.municipalityId, id);
      return found?.actor;
    });
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
