import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { bulkInsert } from '../../src/server/platform/db/bulk-insert.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inTenant } from '../../src/server/platform/tx.ts';
import { openTestDatabase } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Text an import brings: quotes, backslashes, the array syntax's own characters, blanks, Danish letters, "NULL". */
const AWKWARD = [
  '',
  ' ',
  'a b',
  '"citat"',
  'back\\slash',
  '{x,y}',
  'a,b',
  'NULL',
  'null',
  'Ærø Øst å',
  'tab\there',
  'line\nbreak',
];

describe('bulkInsert writes every value as given (the array literals it builds)', () => {
  it.each(AWKWARD)('text %j, alone and inside a text[] value, and null', async (value) => {
    const read = await inTenant(database, stableUuid('municipality:760'), async (tx) => {
      await sql`create temp table bulk_probe (n integer, t text, a text[], j jsonb, b boolean, x numeric, d date) on commit drop`.execute(
        tx,
      );
      await bulkInsert(
        tx,
        'bulk_probe',
        { n: 'integer', t: 'text', a: 'text[]', j: 'jsonb', b: 'boolean', x: 'numeric', d: 'date' },
        [
          { n: 1, t: value, a: [value, 'plain', value], j: { v: value }, b: true, x: 3.5, d: '2021-05-28' },
          { n: 2, t: null, a: [], j: null, b: false, x: null, d: null },
        ],
      );
      const r = await sql<{ n: number; t: string | null; a: string[]; j: unknown; b: boolean; x: string | null; d: unknown }>`
        select n, t, a, j, b, x::text as x, d::text as d from bulk_probe order by n`.execute(tx);
      return r.rows;
    });
    expect(read).toEqual([
      { n: 1, t: value, a: [value, 'plain', value], j: { v: value }, b: true, x: '3.5', d: '2021-05-28' },
      { n: 2, t: null, a: [], j: null, b: false, x: null, d: null },
    ]);
  });
});
