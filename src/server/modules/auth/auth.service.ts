import type { DemoUser } from '../../../shared/auth/auth.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { SYSTEM_CHAIN_ID } from '../../platform/audit/audit-chain.ts';
import { type Actor, auditActorOf } from '../../platform/auth/actor.ts';
import { identityRepository } from '../../platform/auth/identity.repository.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { inSystem, type Tx } from '../../platform/tx.ts';

type LoginMeta = { requestId: string; method: 'demo' | 'oidc' };

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
 * One log-in: find the user, and write `login` or `login_failed` in the same transaction as the look-up.
 * Runs before a tenant is known, so as the owner (inSystem).
 */
function logIn(
  database: Database,
  find: (tx: Tx) => Promise<Actor | undefined>,
  attempted: { recordType: string; recordId: string },
  meta: LoginMeta,
): Promise<Actor | null> {
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
    return actor;
  });
}

export const authService = {
  async listDemoUsers(database: Database): Promise<DemoUser[]> {
    return inSystem(database, (tx) => identityRepository.demoUsers(tx));
  },

  /** Only users marked as demo users can be picked. */
  async demoLogin(database: Database, userId: string, meta: LoginMeta): Promise<Actor> {
    const actor = await logIn(
      database,
      async (tx) => ((await identityRepository.isDemoUser(tx, userId)) ? identityRepository.actorById(tx, userId) : undefined),
      { recordType: 'app_user', recordId: userId },
      meta,
    );
    if (!actor) throw new AppError('unauthenticated');
    return actor;
  },

  /** The identity provider vouches for `subject`; Visitator knows the user by app_user.oidc_subject. */
  async oidcLogin(database: Database, subject: string, meta: LoginMeta): Promise<Actor | null> {
    return logIn(
      database,
      (tx) => identityRepository.actorByOidcSubject(tx, subject),
      { recordType: 'oidc_subject', recordId: subject },
      meta,
    );
  },

  async logout(database: Database, actor: Actor, requestId: string): Promise<void> {
    await inSystem(database, (tx) =>
      writeAudit(tx, auditActorOf({ actor, requestId }), {
        action: 'logout',
        purpose: 'authentication',
        recordType: 'app_user',
        recordId: actor.userId,
      }),
    );
  },
};
