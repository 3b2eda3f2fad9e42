import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { daysBetween } from '../../../rules/calendar/date-arithmetic.ts';
import type { Stay, StayOutcome } from '../../../shared/agreements/agreements.schema.ts';
import type { AuditAction } from '../../../shared/audit/audit.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';

const day = (v: string) => String(v).slice(0, 10) as PlainDate;

export function toStay(
  r: {
    id: string;
    citizen_id: string;
    offer_id: string | null;
    shelter_name: string;
    arrived_on: string;
    left_on: string | null;
    outcome: string | null;
    registered_by_name: string;
    version: number;
  } & { first_name?: string; last_name?: string },
  today: PlainDate,
): Stay {
  const leftOn = r.left_on ? day(r.left_on) : null;
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim(),
    offerId: r.offer_id,
    shelterName: r.shelter_name,
    arrivedOn: day(r.arrived_on),
    leftOn,
    outcome: r.outcome as StayOutcome | null,
    days: daysBetween(day(r.arrived_on), leftOn ?? today),
    registeredByName: r.registered_by_name,
    version: r.version,
  };
}

/** Shelter stays are case work on a named citizen: audited with the citizen, the purpose following the role. */
export async function auditStay(
  tx: Tx,
  ctx: RequestContext,
  e: {
    action: AuditAction;
    recordId?: string | null;
    citizenId?: string | null;
    criterion?: string;
    details?: Record<string, unknown>;
  },
) {
  await writeAudit(tx, auditActorOf(ctx), {
    action: e.action,
    purpose: purposeOf(ctx.actor.role),
    recordType: 'shelter_stay',
    recordId: e.recordId ?? null,
    citizenId: e.citizenId ?? null,
    criterion: e.criterion ?? null,
    details: e.details ?? null,
  });
}
