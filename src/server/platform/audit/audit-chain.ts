import { createHash } from 'node:crypto';

/** The first link of every chain points at this. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The system chain: platform events that belong to no municipality (a failed log-in of an unknown user). Its id is
 * the reserved `municipality` row marked is_system (migration 0012).
 */
export const SYSTEM_CHAIN_ID = '00000000-0000-0000-0000-000000000000';

export type ChainedFields = {
  municipalityId: string;
  occurredAt: Date;
  requestId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorUnitId: string | null;
  actorUnitName: string | null;
  action: string;
  purpose: string;
  citizenId: string | null;
  recordType: string | null;
  recordId: string | null;
  criterion: string | null;
  details: unknown;
};

/** JSON with object keys sorted, so jsonb's reordering of keys does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * What an entry's hash covers, as text: its fields as canonical JSON. The system chain hashes its municipality as
 * null, as the platform chain did before it had an id (migration 0012 moved those rows to SYSTEM_CHAIN_ID without
 * rewriting their hashes); a row moved between the system chain and a municipality's still breaks its hash.
 */
export function entryContent(f: ChainedFields): string {
  return canonicalJson([
    f.municipalityId === SYSTEM_CHAIN_ID ? null : f.municipalityId,
    f.occurredAt.toISOString(),
    f.requestId,
    f.actorUserId,
    f.actorName,
    f.actorRole,
    f.actorUnitId,
    f.actorUnitName,
    f.action,
    f.purpose,
    f.citizenId,
    f.recordType,
    f.recordId,
    f.criterion,
    f.details ?? null,
  ]);
}

/**
 * The link: sha256 of the previous entry's hash, a newline and the entry's content (UTF-8), hex. The database's
 * audit_append (migration 0025) computes the same when it appends; verification recomputes it here.
 */
export function chainHash(prevHash: string, content: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** The hash of an entry. */
export function hashEntry(prevHash: string, f: ChainedFields): string {
  return chainHash(prevHash, entryContent(f));
}
