import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { caseFileRepository } from '../../src/server/modules/case-file/case-file.repository.ts';
import { type CitizenCriterion, citizensRepository } from '../../src/server/modules/citizens/citizens.repository.ts';
import { followUpRepository } from '../../src/server/modules/follow-up/follow-up.repository.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inTenant, type Tx } from '../../src/server/platform/tx.ts';
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

/**
 * The follow-up and case queries, exactly as the repositories build them: a plugin captures each query a
 * repository function runs, and each is explained with sequential scans priced out. A Seq Scan left in a plan
 * means no index could serve it (bench/provider-orders.bench.ts found one such: statuses read by order).
 */
async function plansOf(run: (tx: Tx) => Promise<unknown>): Promise<string[]> {
  return inTenant(database, RKSK, async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const captured: import('kysely').CompiledQuery[] = [];
    const capturing = tx.withPlugin({
      transformQuery: (args) => {
        captured.push(tx.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    await run(capturing as typeof tx);
    const plans: string[] = [];
    for (const q of captured) {
      const r = await tx.executeQuery<Record<string, string>>({ ...q, sql: `explain ${q.sql}` });
      plans.push(r.rows.map((row) => Object.values(row)[0]).join('\n'));
    }
    return plans;
  });
}

describe(`follow-up and case query plans on ${TEST_DB}`, () => {
  const ids = [stableUuid('plan:order:1'), stableUuid('plan:order:2')];
  const caseId = stableUuid('plan:case');
  it.each([
    [
      'the provider’s page of orders',
      (tx: Tx) => followUpRepository.listForUnits(tx, ids, 'active', '2026-11-22', 20, 0),
      ['case_order_offer_status_idx'],
    ],
    ['goals of a page', (tx: Tx) => followUpRepository.goals(tx, ids), ['order_goal_order_idx']],
    ['FKO statuses of a page', (tx: Tx) => followUpRepository.statuses(tx, ids), ['fko_status_order_idx']],
    ['hours of a page', (tx: Tx) => followUpRepository.hours(tx, ids, '2026-08-24'), ['delivered_hours_order_idx']],
    ['an order’s journal', (tx: Tx) => followUpRepository.journal(tx, ids[0] as string), ['order_journal_order_idx']],
    [
      'messages on a case',
      (tx: Tx) => caseFileRepository.messages(tx, { caseIds: [caseId], channel: 'provider' }),
      ['case_message_case_idx'],
    ],
    ['follow-ups of a case', (tx: Tx) => followUpRepository.followUps(tx, caseId), ['follow_up_case_idx']],
    [
      'running orders of a caseworker',
      (tx: Tx) => followUpRepository.runningForCaseworker(tx, caseId, '2026-11-22', 20, 0),
      ['case_file_caseworker_idx'],
    ],
  ] as const)('%s uses %j and no sequential scan', async (_label, run, indexes) => {
    const plans = await plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toContain('Seq Scan');
    for (const index of indexes) expect(plans.join('\n')).toContain(index);
  });
});
