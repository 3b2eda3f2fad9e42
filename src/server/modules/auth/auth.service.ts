import type { DemoUser } from '../../../shared/auth/auth.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { identityRepository } from '../../platform/auth/identity.repository.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { inSystem } from '../../platform/tx.ts';

type LoginMeta = { requestId: string; method: 'demo' | 'oidc' };

function actorAudit(actor: Actor, requestId: string) {
  return {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    name: actor.name,
    role: actor.role,
    unitId: actor.unitId,
    unitName: actor.unitName,
    requestId,
  };
}

const noActor = (requestId: string) => ({
  municipalityId: null,
  userId: null,
  name: null,
  role: null,
  unitId: null,
  unitName: null,
  requestId,
});

/**
 * Log-in use cases. They run before a tenant is known, so they use inSystem; each writes its login or
 * login_failed row in the same transaction as the look-up.
 */
export const authService = {
  async listDemoUsers(database: Database): Promise<DemoUser[]> {
    return inSystem(database, (tx) => identityRepository.demoUsers(tx));
  },

  async demoLogin(database: Database, userId: string, meta: LoginMeta): Promise<Actor> {
    return inSystem(database, async (tx) => {
      const actor = await identityRepository.actorById(tx, userId);
      if (!actor || !(await identityRepository.isDemoUser(tx, userId))) {
        await writeAudit(tx, noActor(meta.requestId), {
          action: 'login_failed',
          purpose: 'authentication',
          recordType: 'app_user',
          recordId: userId,
          details: { method: meta.method },
        });
        return null;
      }
      await writeAudit(tx, actorAudit(actor, meta.requestId), {
        action: 'login',
        purpose: 'authentication',
        recordType: 'app_user',
        recordId: actor.userId,
        details: { method: meta.method },
      });
      return actor;
    }).then((actor) => {
      if (!actor) throw new AppError('unauthenticated');
      return actor;
    });
  },

  async oidcLogin(database: Database, subject: string, meta: LoginMeta): Promise<Actor | null> {
    return inSystem(database, async (tx) => {
      const actor = await identityRepository.actorByOidcSubject(tx, subject);
      if (!actor) {
        await writeAudit(tx, noActor(meta.requestId), {
          action: 'login_failed',
          purpose: 'authentication',
          recordType: 'oidc_subject',
          recordId: subject,
          details: { method: meta.method },
        });
        return null;
      }
      await writeAudit(tx, actorAudit(actor, meta.requestId), {
        action: 'login',
        purpose: 'authentication',
        recordType: 'app_user',
        recordId: actor.userId,
        details: { method: meta.method },
      });
      return actor;
    });
  },

  async logout(database: Database, actor: Actor, requestId: string): Promise<void> {
    await inSystem(database, (tx) =>
      writeAudit(tx, actorAudit(actor, requestId), {
        action: 'logout',
        purpose: 'authentication',
        recordType: 'app_user',
        recordId: actor.userId,
      }),
    );
  },
};
