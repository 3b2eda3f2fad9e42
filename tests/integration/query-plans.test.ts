import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { type CitizenCriterion, citizensRepository } from '../../src/server/modules/citizens/citizens.repository.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inTenant } from '../../src/server/platform/tx.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const RKSK = stableUuid('municipality:760');
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  // A municipality-sized population with many distinct names, and fresh statistics, so the planner's choice
  // reflects production rather than the 60 demo citizens.
  await database.adminTransaction(async (tx) => {
    await tx.query(
      `insert into citizen (municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name)
       select $1, lpad((6101000000 + g)::text, 10, '0'), true, date '1900-01-01',
              'fornavn' || g, 'efternavn' || g
       from generate_series(1, 5000) g`,
      [RKSK],
    );
    await tx.exec('analyze citizen');
  });
});
afterAll(async () => database.close());

/**
 * Every query uses an index we can name. The demo data is small enough that the planner would rightly scan,
 * so seq scans are priced out: if the index could not serve the query (as LIKE could not under row-level
 * security, see migration 0002) the plan would still show a Seq Scan.
 */
async function planOf(criterion: CitizenCriterion): Promise<string> {
  return inTenant(database, RKSK, async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const compiled = citizensRepository.searchQuery(tx, criterion).compile();
    const r = await tx.executeQuery<Record<string, string>>({
      ...compiled,
      sql: `explain ${compiled.sql}`,
    });
    return r.rows.map((row) => Object.values(row)[0]).join('\n');
  });
}

describe(`query plans under row-level security on ${TEST_DB}`, () => {
  it.each([
    ['a name token', { kind: 'name', tokens: ['kjær'] }, ['citizen_search_first_name_idx', 'citizen_search_last_name_idx']],
    ['two name tokens', { kind: 'name', tokens: ['mette', 'kjær'] }, ['citizen_search_last_name_idx']],
    ['a CPR number', { kind: 'cpr', cpr: '7403851234' }, ['citizen_municipality_id_cpr_key']],
    ['a birth date', { kind: 'birth', ddmmyy: '740385' }, ['citizen_municipality_id_cpr_key']],
  ] as const)('searching by %s uses %j', async (_label, criterion, indexes) => {
    const plan = await planOf(criterion as CitizenCriterion);
    expect(plan).not.toContain('Seq Scan');
    for (const index of indexes) expect(plan).toContain(index);
  });
});
