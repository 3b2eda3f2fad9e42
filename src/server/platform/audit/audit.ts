import type { AuditAction, AuditPurpose } from '../../../shared/audit/audit.schema.ts';
import { systemClock } from '../clock.ts';
import type { Tx } from '../tx.ts';
import { auditRepository } from './audit.repository.ts';
import { GENESIS_HASH, hashEntry } from './audit-chain.ts';

/** Who did it: the user, their role and unit, and the request. */
export type AuditActor = {
  /** The chain: the actor's municipality, or SYSTEM_CHAIN_ID for platform events with no municipality. */
  municipalityId: string;
  userId: string | null;
  name: string | null;
  role: string | null;
  unitId: string | null;
  unitName: string | null;
  requestId: string | null;
};

export type AuditEvent = {
  action: AuditAction;
  purpose: AuditPurpose;
  citizenId?: string | null;
  recordType?: string | null;
  recordId?: string | null;
  /** For searches: the criterion as typed (Datatilsynet: log the search criterion). */
  criterion?: string | null;
  details?: Record<string, unknown> | null;
};

/**
 * Appends one entry to the actor's municipality chain, inside the caller's transaction: if the use case
 * rolls back, so does its audit row, and a committed read always has its row.
 */
export async function writeAudit(tx: Tx, actor: AuditActor, event: AuditEvent, now: Date = systemClock.now()): Promise<number> {
  await auditRepository.lockChain(tx, actor.municipalityId);
  const prevHash = (await auditRepository.lastHash(tx, actor.municipalityId)) ?? GENESIS_HASH;
  const fields = {
    municipalityId: actor.municipalityId,
    occurredAt: now,
    requestId: actor.requestId,
    actorUserId: actor.userId,
    actorName: actor.name,
    actorRole: actor.role,
    actorUnitId: actor.unitId,
    actorUnitName: actor.unitName,
    action: event.action,
    purpose: event.purpose,
    citizenId: event.citizenId ?? null,
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    criterion: event.criterion ?? null,
    details: event.details ?? null,
  };
  const hash = hashEntry(prevHash, fields);
  return auditRepository.insert(tx, {
    municipality_id: fields.municipalityId,
    occurred_at: fields.occurredAt,
    request_id: fields.requestId,
    actor_user_id: fields.actorUserId,
    actor_name: fields.actorName,
    actor_role: fields.actorRole,
    actor_unit_id: fields.actorUnitId,
    actor_unit_name: fields.actorUnitName,
    action: fields.action,
    purpose: fields.purpose,
    citizen_id: fields.citizenId,
    record_type: fields.recordType,
    record_id: fields.recordId,
    criterion: fields.criterion,
    details: fields.details,
    prev_hash: prevHash,
    hash,
  });
}

/**
 * The purpose of a use case that several roles share, as the citizen will read it in their access log: a citizen's
 * own look-up, a provider's follow-up, or the staff purpose the module states (case processing for the authority).
 */
export function purposeFor(role: string, staffPurpose: AuditPurpose): AuditPurpose {
  if (role === 'citizen') return 'citizen_self_service';
  if (role === 'provider_staff') return 'follow_up';
  return staffPurpose;
}
