import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEntry, SYSTEM_CHAIN_ID } from './audit-chain.ts';

const entry = {
  municipalityId: 'm',
  occurredAt: new Date('2026-11-22T10:00:00.123Z'),
  requestId: 'r',
  actorUserId: 'u',
  actorName: 'Maria',
  actorRole: 'caseworker',
  actorUnitId: null,
  actorUnitName: null,
  action: 'read',
  purpose: 'case_processing',
  citizenId: 'c',
  recordType: 'citizen',
  recordId: 'c',
  criterion: null,
  details: { b: 1, a: [2, { d: null, c: 'x' }] },
};

describe('audit hash chain', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [[{ y: 1, x: 2 }], '[{"x":2,"y":1}]'],
    [null, 'null'],
    [undefined, 'null'],
    ['æøå', '"æøå"'],
    [{ skip: undefined, keep: 0 }, '{"keep":0}'],
  ])('canonical JSON of %o is %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it('does not depend on the key order of details (jsonb reorders keys)', () => {
    const reordered = { ...entry, details: { a: [2, { c: 'x', d: null }], b: 1 } };
    expect(hashEntry(GENESIS_HASH, reordered)).toBe(hashEntry(GENESIS_HASH, entry));
  });

  it.each(Object.keys(entry).filter((k) => k !== 'details'))('changes when %s changes', (key) => {
    const value = (entry as Record<string, unknown>)[key];
    const changed = { ...entry, [key]: value instanceof Date ? new Date(value.getTime() + 1) : `${String(value)}!` };
    expect(hashEntry(GENESIS_HASH, changed)).not.toBe(hashEntry(GENESIS_HASH, entry));
  });

  it('changes when the previous hash changes', () => {
    expect(hashEntry('1'.repeat(64), entry)).not.toBe(hashEntry(GENESIS_HASH, entry));
  });

  it('hashes the system chain’s municipality as null, as the platform chain was hashed before it had an id', () => {
    const system = { ...entry, municipalityId: SYSTEM_CHAIN_ID };
    const expected = createHash('sha256')
      .update(GENESIS_HASH)
      .update('\n')
      .update(canonicalJson([null, ...contentAfterMunicipality(system)]))
      .digest('hex');
    expect(hashEntry(GENESIS_HASH, system)).toBe(expected);
    // A municipality's entry still hashes its id, so moving a row into or out of the system chain breaks its hash.
    expect(hashEntry(GENESIS_HASH, entry)).not.toBe(hashEntry(GENESIS_HASH, system));
  });
});

function contentAfterMunicipality(f: typeof entry): unknown[] {
  return [
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
    f.details,
  ];
}
