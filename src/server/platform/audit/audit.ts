import type { AuditAction, AuditPurpose } from '../../../shared/audit/audit.schema.ts';
import { systemClock } from '../clock.ts';
import type { Tx } from '../tx.ts';
import { auditRepository } from './audit.repository.ts';
import { type ChainedFields, entryContent } from './audit-chain.ts';

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
 * rolls back, so does its audit row, and a committed read always has its row. The entry is written with the commit
 * (audit.repository appendAtCommit), so it is not yet visible to the transaction that writes it.
 */
export async function writeAudit(tx: Tx, actor: AuditActor, event: AuditEvent, now: Date = systemClock.now()): Promise<void> {
  await writeAuditEntries(tx, actor, [event], now);
}

/**
 * Appends several entries of one request to the actor's chain in order (a search and each citizen it showed), in
 * one call to the database's audit_append (migration 0025, ADR 0004): it takes the chain's lock, reads the head and
 * inserts each entry linked to the one before it at the next position. The content each hash covers is computed
 * here, before the lock, and the append is sent in the commit's message (ADR 0007), so the lock is held for the
 * append and the commit, never for a round trip to Node.
 */
export async function writeAuditEntries(
  tx: Tx,
  actor: AuditActor,
  events: AuditEvent[],
  now: Date = systemClock.now(),
): Promise<void> {
  if (!events.length) return;
  const entries = events.map((event) => {
    const fields: ChainedFields = {
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
    return {
      content: entryContent(fields),
      row: {
        occurred_at: fields.occurredAt.toISOString(),
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
      },
    };
  });
  await auditRepository.appendAtCommit(
    tx,
    actor.municipalityId,
    entries.map((e) => e.row),
    entries.map((e) => e.content),
  );
}
