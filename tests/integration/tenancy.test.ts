import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem, inTenant } from '../../src/server/platform/tx.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const RANDERS = stableUuid('municipality:730');
const RKSK = stableUuid('municipality:760');

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const countCitizens = (municipalityId: string) =>
  inTenant(database, municipalityId, async (tx) => {
    const rows = await tx.selectFrom('citizen').select(['municipality_id']).execute();
    return { total: rows.length, foreign: rows.filter((r) => r.municipality_id !== municipalityId).length };
  });

describe(`row-level security on ${TEST_DB}`, () => {
  it('runs requests as visitator_app, which owns no table', async () => {
    const r = await inTenant(database, RANDERS, (tx) =>
      sql<{
        who: string;
        owner: string;
      }>`select current_user as who, tableowner as owner from pg_tables where tablename = 'citizen'`.execute(tx),
    );
    expect(r.rows[0]?.who).toBe('visitator_app');
    expect(r.rows[0]?.owner).not.toBe('visitator_app');
  });

  it('shows no rows to a session without a municipality', async () => {
    const n = await database.db.transaction().execute(async (tx) => {
      await sql`select set_config('role', 'visitator_app', true)`.execute(tx);
      const citizens = await tx.selectFrom('citizen').select('id').execute();
      const units = await tx.selectFrom('org_unit').select('id').execute();
      return citizens.length + units.length;
    });
    expect(n).toBe(0);
  });

  it('shows municipality A only its own rows, never B’s', async () => {
    const randers = await countCitizens(RANDERS);
    const rksk = await countCitizens(RKSK);
    expect(randers.total).toBeGreaterThan(0);
    expect(rksk.total).toBeGreaterThan(0);
    expect(randers.foreign).toBe(0);
    expect(rksk.foreign).toBe(0);
    const all = await inSystem(database, async (tx) => (await tx.selectFrom('citizen').select('id').execute()).length);
    expect(all).toBeGreaterThanOrEqual(randers.total + rksk.total);
  });

  it('cannot read a row of B by id from A', async () => {
    const rkskCitizen = await inTenant(database, RKSK, (tx) =>
      tx.selectFrom('citizen').select('id').limit(1).executeTakeFirstOrThrow(),
    );
    const fromRanders = await inTenant(database, RANDERS, (tx) =>
      tx.selectFrom('citizen').select('id').where('id', '=', rkskCitizen.id).executeTakeFirst(),
    );
    expect(fromRanders).toBeUndefined();
  });

  it('refuses to write a row into another municipality', async () => {
    await expect(
      inTenant(database, RANDERS, (tx) =>
        tx
          .insertInto('citizen')
          .values({
            municipality_id: RKSK,
            cpr: '7101901234',
            substitute_cpr: true,
            birth_date: '1990-01-11',
            first_name: 'Smuggled',
            last_name: 'Row',
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('lets the app role only insert and select the audit log', async () => {
    await expect(inTenant(database, RANDERS, (tx) => sql`update audit_log set purpose = 'x'`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
    await expect(inTenant(database, RANDERS, (tx) => sql`delete from audit_log`.execute(tx))).rejects.toThrow(
      /permission denied/,
    );
  });
});
