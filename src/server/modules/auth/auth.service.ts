import type { DemoUser } from '../../../shared/auth/auth.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { SYSTEM_CHAIN_ID } from '../../platform/audit/audit-chain.ts';
import { type Actor, auditActorOf } from '../../platform/auth/actor.ts';
import { identityRepository } from '../../platform/auth/identity.repository.ts';
import type { LiveSession } from '../../platform/auth/sessions.ts';
import { type SessionSettings, sessions } from '../../platform/auth/sessions.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { inSystem, inTenant, type Tx } from '../../platform/tx.ts';

type LoginMeta = { requestId: string; method: 'demo' | 'oidc'; settings: SessionSettings };

/** A log-in's result: the user and their new session's cookie value and CSRF token. */
export type LoggedIn = { actor: Actor; cookie: string; csrf: string; maxAge: number };

/** A failed log-in belongs to no municipality yet: it goes to the system chain. */
const noActor = (requestId: string) => ({
  municipalityId: SYSTEM_CHAIN_ID,
  userId: null,
  name: null,
  role: null,
  unitId: null,
  unitName: null,
  requestId,
});

/**
 * One log-in: find the user, start their session and write `login`, or write `login_failed`, all in the same
 * transaction as the look-up. Runs before a tenant is known, so as the owner (inSystem).
 */
function logIn(
  database: Database,
  find: (tx: Tx) => Promise<Actor | undefined>,
  attempted: { recordType: string; recordId: string },
  meta: LoginMeta,
): Promise<LoggedIn | null> {
  return inSystem(database, async (tx) => {
    const actor = await find(tx);
    if (!actor) {
      await writeAudit(tx, noActor(meta.requestId), {
        action: 'login_failed',
        purpose: 'authentication',
        ...attempted,
        details: { method: meta.method },
      });
      return null;
    }
    await writeAudit(tx, auditActorOf({ actor, requestId: meta.requestId }), {
      action: 'login',
      purpose: 'authentication',
      recordType: 'app_user',
      recordId: actor.userId,
      details: { method: meta.method },
    });
    return { actor, ...(await sessions.start(tx, actor, meta.settings)) };
  });
}

export const authService = {
  async listDemoUsers(database: Database): Promise<DemoUser[]> {
    return inSystem(database, (tx) => identityRepository.demoUsers(tx));
  },

  /** Only users marked as demo users can be picked. */
  async demoLogin(database: Database, userId: string, meta: LoginMeta): Promise<LoggedIn> {
    const loggedIn = await logIn(
      database,
      async (tx) => ((await identityRepository.isDemoUser(tx, userId)) ? identityRepository.actorById(tx, userId) : undefined),
      { recordType: 'app_user', recordId: userId },
      meta,
    );
    if (!loggedIn) throw new AppError('unauthenticated');
    return loggedIn;
  },

  /** The identity provider vouches for `subject`; Visitator knows the user by app_user.oidc_subject. */
  async oidcLogin(database: Database, subject: string, meta: LoginMeta): Promise<LoggedIn | null> {
    return logIn(
      database,
      (tx) => identityRepository.actorByOidcSubject(tx, subject),
      { recordType: 'oidc_subject', recordId: subject },
      meta,
    );
  },

  /** Ends the session at once (its row goes) and audits the log-out, in one transaction. */
  async logout(database: Database, session: LiveSession, requestId: string): Promise<void> {
    const { actor } = session;
    await inTenant(database, actor.municipalityId, async (tx) => {
      await sessions.end(tx, session.ref);
      await writeAudit(tx, auditActorOf({ actor, requestId }), {
        action: 'logout',
        purpose: 'authentication',
        recordType: 'app_user',
        recordId: actor.userId,
      });
    });
  },
};
