import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import type { Page } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type { UserAdminQuery, UserAdminRow } from '../../../shared/users/user-admin.schema.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { type SessionSettings, sessions } from '../../platform/auth/sessions.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { usersRepository } from './users.repository.ts';

async function loadUser(tx: Tx, id: string) {
  const user = await usersRepository.byId(tx, id);
  if (!user) throw notFound();
  return user;
}

function audit(tx: Tx, ctx: RequestContext, userId: string, details: Record<string, unknown>) {
  return writeAudit(tx, auditActorOf(ctx), {
    action: 'update',
    purpose: purposeOf(ctx.actor.role),
    recordType: 'app_user',
    recordId: userId,
    details,
  });
}

/** The administrator's user administration: who is logged in, ending sessions, deactivating. */
export const usersService = {
  async list(ctx: RequestContext, settings: SessionSettings, query: UserAdminQuery): Promise<Page<UserAdminRow>> {
    return runUseCase(ctx, async (tx) => {
      const { items, total } = await usersRepository.page(tx, query, query.pageSize, pageOffset(query));
      const live = await sessions.liveByUser(
        tx,
        ctx.actor.municipalityId,
        items.map((u) => u.id),
        settings,
      );
      const byUser = new Map(live.map((l) => [l.user_id, l]));
      return {
        items: items.map((u) => {
          const l = byUser.get(u.id);
          return {
            id: u.id,
            name: u.name,
            role: u.role,
            unitName: u.unitName,
            active: u.active,
            liveSessions: l ? Number(l.sessions) : 0,
            lastSeenAt: l?.lastSeenAt ? new Date(l.lastSeenAt).toISOString() : null,
          };
        }),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  },

  /** Ends every session of the user at once; their next request gets 401. */
  async endSessions(ctx: RequestContext, userId: string): Promise<{ sessionsEnded: number }> {
    return runUseCase(ctx, async (tx) => {
      await loadUser(tx, userId);
      const sessionsEnded = await sessions.endAllOf(tx, ctx.actor.municipalityId, userId);
      await audit(tx, ctx, userId, { change: 'sessions_ended', sessionsEnded });
      return { sessionsEnded };
    });
  },

  /** A deactivated user cannot log in, and their sessions end in the same transaction. */
  async setActive(ctx: RequestContext, userId: string, active: boolean): Promise<{ active: boolean; sessionsEnded: number }> {
    return runUseCase(ctx, async (tx) => {
      const user = await loadUser(tx, userId);
      // An administrator cannot lock themselves out (another administrator can).
      if (!active && userId === ctx.actor.userId) throw fieldError('active', 'user.deactivateSelf');
      if (user.active !== active) await usersRepository.setActive(tx, userId, active);
      const sessionsEnded = active ? 0 : await sessions.endAllOf(tx, ctx.actor.municipalityId, userId);
      await audit(tx, ctx, userId, { change: active ? 'activated' : 'deactivated', sessionsEnded });
      return { active, sessionsEnded };
    });
  },
};
