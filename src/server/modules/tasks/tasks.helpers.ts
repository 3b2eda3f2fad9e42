import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { type AuditEvent, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import type { InboxOwner } from './tasks.repository.ts';

export async function auditTasks(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'purpose'>) {
  await writeAudit(tx, auditActorOf(ctx), { purpose: purposeOf(ctx.actor.role), ...event });
}

/**
 * Provider staff work from their offers' units; caseworkers and team leaders from the cases they hold, and a team
 * leader also from the decisions of their unit that wait for their approval (issue 12, modules/decisions).
 */
export function inboxOwnerOf(ctx: RequestContext): InboxOwner {
  const { role, userId, offerUnitIds, unitId } = ctx.actor;
  if (role === 'provider_staff') return { audience: 'provider', unitIds: offerUnitIds };
  if (role === 'team_leader') return { audience: 'authority', userId, approvalUnitId: unitId };
  if (role === 'caseworker') return { audience: 'authority', userId };
  throw forbidden('no task inbox for this role');
}

/** How much of a message, a reason or a justification the inbox shows. */
const SUMMARY_LENGTH = 240;

export function summaryOf(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > SUMMARY_LENGTH ? `${one.slice(0, SUMMARY_LENGTH - 1)}…` : one;
}
