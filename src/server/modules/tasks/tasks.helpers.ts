import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { type AuditEvent, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import type { InboxOwner } from './tasks.repository.ts';

export async function auditTasks(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'purpose'>) {
  await writeAudit(tx, auditActorOf(ctx), { purpose: purposeOf(ctx.actor.role), ...event });
}

/** Provider staff work from their offers' units; caseworkers and team leaders from the cases they hold. */
export function inboxOwnerOf(ctx: RequestContext): InboxOwner {
  const { role, userId, offerUnitIds } = ctx.actor;
  if (role === 'provider_staff') return { audience: 'provider', unitIds: offerUnitIds };
  if (role === 'caseworker' || role === 'team_leader') return { audience: 'authority', userId };
  throw forbidden('no task inbox for this role');
}
