import type { Database } from '../db/database.ts';
import { inSystem } from '../tx.ts';
import { type AuditRow, auditRepository } from './audit.repository.ts';
import type { AuditAnchor } from './audit-anchor.ts';
import { GENESIS_HASH, hashEntry } from './audit-chain.ts';

export type VerifyFinding = { chain: string; id: number | null; seq: number | null; reason: string };

export type VerifyResult = {
  ok: boolean;
  entries: number;
  /** Chains with at least one entry. */
  chains: number;
  /** Every chain's first problem (a broken chain is not walked further). */
  findings: VerifyFinding[];
  /** The first finding at an entry, as `{ id, municipalityId, reason }`. */
  brokenAt?: { id: number; municipalityId: string; reason: string };
  /** What the anchors covered: chains anchored, and entries written after their chain's newest anchor. */
  anchors: { chains: number; unanchoredEntries: number } | null;
};

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

/**
 * Walks every chain from its first entry: each entry must link to the one before it, hash to what it stores and sit
 * at the next position. With `anchors` (the newest anchor of each chain, read from outside the database), each
 * chain must also reach its anchored position with the anchored hash: this finds what the chain alone cannot, its
 * newest entries deleted, the table truncated, or the newest entry rewritten with a recomputed hash. Entries newer
 * than the last anchor are covered by the chain only (the anchor interval bounds that window).
 */
export async function verifyAuditChain(
  database: Database,
  batch = 1000,
  anchors?: ReadonlyMap<string, AuditAnchor>,
): Promise<VerifyResult> {
  return inSystem(database, async (tx) => {
    const findings: VerifyFinding[] = [];
    let entries = 0;
    let chains = 0;
    let unanchoredEntries = 0;
    const chainIds = await auditRepository.chains(tx);
    for (const municipalityId of chainIds) {
      const chain = municipalityId;
      const anchor = anchors?.get(chain);
      const fail = (row: AuditRow | null, reason: string) => {
        findings.push({ chain, id: row ? Number(row.id) : null, seq: row ? Number(row.chain_seq) : null, reason });
      };
      let length = 0;
      let prevHash = GENESIS_HASH;
      let broken = false;
      walk: for (;;) {
        const rows = await auditRepository.chainPage(tx, municipalityId, length, batch);
        for (const row of rows) {
          entries++;
          const seq = Number(row.chain_seq);
          if (row.prev_hash !== prevHash) {
            fail(row, 'prev_hash does not match the entry before it (an entry was removed, inserted or reordered)');
          } else if (hashEntry(row.prev_hash, fieldsOf(row)) !== row.hash) {
            fail(row, 'the content does not match its hash (the entry was changed)');
          } else if (seq !== length + 1) {
            fail(row, `it sits at position ${seq} where position ${length + 1} was expected (entries were removed)`);
          } else if (anchor && seq === anchor.seq && row.hash !== anchor.hash) {
            fail(
              row,
              `it does not match the anchor written ${anchor.anchoredAt} for position ${seq}: the entry was rewritten after it was anchored (its hash recomputed)`,
            );
          } else {
            length = seq;
            prevHash = row.hash;
            continue;
          }
          broken = true;
          break walk;
        }
        if (rows.length < batch) break;
      }
      if (length > 0 || broken) chains++;
      if (broken || !anchors) continue;
      if (anchor && length < anchor.seq) {
        fail(
          null,
          length === 0
            ? `the chain is empty, but it was anchored at position ${anchor.seq} (${anchor.anchoredAt}): all its entries were deleted (the table was truncated or emptied)`
            : `the chain ends at position ${length}, but it was anchored at position ${anchor.seq} (${anchor.anchoredAt}): its ${anchor.seq - length} newest entries were deleted`,
        );
      }
      unanchoredEntries += Math.max(0, length - (anchor?.seq ?? 0));
    }
    if (anchors) {
      const known = new Set(chainIds);
      for (const [chain, anchor] of anchors) {
        if (!known.has(chain)) {
          findings.push({
            chain,
            id: null,
            seq: null,
            reason: `the chain was anchored at position ${anchor.seq} (${anchor.anchoredAt}) but its municipality is gone`,
          });
        }
      }
    }
    const first = findings.find((f) => f.id !== null);
    return {
      ok: findings.length === 0,
      entries,
      chains,
      findings,
      ...(first
        ? {
            brokenAt: {
              id: first.id as number,
              municipalityId: first.chain,
              reason: first.reason,
            },
          }
        : {}),
      anchors: anchors ? { chains: anchors.size, unanchoredEntries } : null,
    };
  });
}
