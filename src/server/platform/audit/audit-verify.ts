import type { Database } from '../db/database.ts';
import { inSystem } from '../tx.ts';
import { type AuditRow, auditRepository } from './audit.repository.ts';
import { GENESIS_HASH, hashEntry } from './audit-chain.ts';

export type VerifyResult =
  | { ok: true; entries: number; chains: number }
  | { ok: false; entries: number; brokenAt: { id: number; municipalityId: string; reason: string } };

function fieldsOf(row: AuditRow) {
  return {
    municipalityId: row.municipality_id,
    occurredAt: row.occurred_at,
    requestId: row.request_id,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    actorUnitId: row.actor_unit_id,
    actorUnitName: row.actor_unit_name,
    action: row.action,
    purpose: row.purpose,
    citizenId: row.citizen_id,
    recordType: row.record_type,
    recordId: row.record_id,
    criterion: row.criterion,
    details: row.details,
  };
}

/** Walks every chain in order and reports the first link whose content or predecessor does not match. */
export async function verifyAuditChain(database: Database, batch = 1000): Promise<VerifyResult> {
  return inSystem(database, async (tx) => {
    let entries = 0;
    let chains = 0;
    let after: { municipalityId: string; id: number } | null = null;
    let prev: { municipalityId: string; hash: string } | null = null;
    for (;;) {
      const rows: AuditRow[] = await auditRepository.chainPage(tx, after, batch);
      for (const row of rows) {
        entries++;
        const sameChain = prev !== null && prev.municipalityId === row.municipality_id;
        if (!sameChain) chains++;
        const expectedPrev = sameChain && prev ? prev.hash : GENESIS_HASH;
        if (row.prev_hash !== expectedPrev) {
          return {
            ok: false,
            entries,
            brokenAt: {
              id: row.id,
              municipalityId: row.municipality_id,
              reason: 'prev_hash does not match the entry before it (an entry was removed, inserted or reordered)',
            },
          };
        }
        if (hashEntry(row.prev_hash, fieldsOf(row)) !== row.hash) {
          return {
            ok: false,
            entries,
            brokenAt: {
              id: row.id,
              municipalityId: row.municipality_id,
              reason: 'the content does not match its hash (the entry was changed)',
            },
          };
        }
        prev = { municipalityId: row.municipality_id, hash: row.hash };
      }
      const last = rows.at(-1);
      if (!last || rows.length < batch) break;
      after = { municipalityId: last.municipality_id, id: last.id };
    }
    return { ok: true, entries, chains };
  });
}
