import { createHash } from 'node:crypto';

/** The first link of every chain points at this. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = {
  municipalityId: string | null;
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

export function hashEntry(prevHash: string, f: ChainedFields): string {
  const content = canonicalJson([
    f.municipalityId,
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
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}
