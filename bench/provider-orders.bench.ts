/**
 * "Our citizens": the provider's page of running orders with goals, FKO statuses and delivered hours.
 *
 * Method: one PGlite database (in memory), migrated; one offer with O running orders (default 2,000), each with
 * 3 goals, 4 FKO statuses per goal and 26 weeks of hours (seeded, the same every run). For 30 pages of 20 orders,
 * median time to assemble the page in a request-shaped transaction as `visitator_app` under row-level security:
 * - batched (what the service does): the page query and its count, then one query each for goals, statuses and
 *   hours of the page's orders (5 queries);
 * - baseline (N+1): the same page and count, then per order its goals, statuses and hours (2 + 3 × 20 queries).
 * Both then compute the same view with the pure rules; the batched plan names the index it uses.
 */
import { sql } from 'kysely';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { followUpRepository } from '../src/server/modules/follow-up/follow-up.repository.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { inTenant, type Tx } from '../src/server/platform/tx.ts';
import { SUPPORT_NEED_LEVELS } from '../src/shared/assessment/ffb-terms.ts';

const O = Number(process.env.BENCH_ORDERS ?? 2_000);
const database = await openDatabase({ kind: 'pglite' });
await migrateDatabase(database);
const m = stableUuid('bench:m');
const unit = stableUuid('bench:unit');
const today = '2026-11-22';
const need = SUPPORT_NEED_LEVELS.map((l) => l.code);
await database.adminTransaction(async (tx) => {
  await tx.query(`insert into municipality (id, code, name) values ($1, '998', 'Benchkommune')`, [m]);
  await tx.query(`insert into org_unit (id, municipality_id, kind, name) values ($1, $2, 'offer', 'Bostøtten')`, [unit, m]);
  const offer = stableUuid('bench:offer');
  await tx.query(
    `insert into offer (id, municipality_id, org_unit_id, key, name, owner, legal_bases, content, source)
     values ($1, $2, $3, 'bench', 'Bostøtten', 'own', array['SEL § 85'], '{}'::jsonb, 'bench')`,
    [offer, m, unit],
  );
  const sd = stableUuid('bench:sd');
  const sv = stableUuid('bench:sv');
  await tx.query(
    `insert into service_description (id, municipality_id, key, kind, legal_basis, title) values ($1, $2, 'sel-85', 'service_level', 'SEL § 85', 'Bostøtte')`,
    [sd, m],
  );
  await tx.query(
    `insert into service_description_version (id, municipality_id, service_description_id, number, status, content)
     values ($1, $2, $3, 1, 'draft', '{}'::jsonb)`,
    [sv, m, sd],
  );
  await tx.query(
    `insert into citizen (id, municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name)
     select md5('c' || g)::uuid, $1, lpad((610101 + (g % 28) * 10000)::text, 6, '0') || lpad((g % 10000)::text, 4, '0'), true,
            date '1980-01-01', 'Borger', 'Nr' || lpad(g::text, 5, '0')
     from generate_series(1, $2) g`,
    [m, O],
  );
  await tx.query(
    `insert into case_file (id, municipality_id, citizen_id, status, title, opened_on)
     select md5('f' || g)::uuid, $1, md5('c' || g)::uuid, 'ordered', 'Bostøtte', date '2026-05-01' from generate_series(1, $2) g`,
    [m, O],
  );
  await tx.query(
    `insert into decision (id, municipality_id, case_id, outcome, legal_basis, service_description_version_id, weekly_hours, reasons, party_hearing, decided_on)
     select md5('d' || g)::uuid, $1, md5('f' || g)::uuid, 'granted', 'SEL § 85', $3, 3, 'x', 'done', date '2026-05-01' from generate_series(1, $2) g`,
    [m, O, sv],
  );
  await tx.query(
    `insert into case_order (id, municipality_id, case_id, decision_id, offer_id, ordered_on, first_follow_up, status, actual_start)
     select md5('o' || g)::uuid, $1, md5('f' || g)::uuid, md5('d' || g)::uuid, $3, date '2026-05-01', date '2026-12-01', 'accepted', date '2026-05-04'
     from generate_series(1, $2) g`,
    [m, O, offer],
  );
  await tx.query(
    `insert into order_goal (id, municipality_id, order_id, position, text, indicator, target_date, condition_code, goal_type_code, baseline_support_need_code, target_support_need_code)
     select md5('g' || g || '-' || p)::uuid, $1, md5('o' || g)::uuid, p, 'Mål', 'Indikator', date '2027-05-01', 'x', 'x', $3, $4
     from generate_series(1, $2) g, generate_series(1, 3) p`,
    [m, O, need[3], need[2]],
  );
  await tx.query(
    `insert into fko_status (municipality_id, order_id, goal_id, kind, scored_on, support_need_code, justification, scored_by_name)
     select $1, md5('o' || g)::uuid, md5('g' || g || '-' || p)::uuid, 'quarterly', date '2025-08-01' + q * 90, $3, 'x', 'Bench'
     from generate_series(1, $2) g, generate_series(1, 3) p, generate_series(0, 3) q`,
    [m, O, need[2]],
  );
  await tx.query(
    `insert into delivered_hours (municipality_id, order_id, week_start, hours, registered_by_name)
     select $1, md5('o' || g)::uuid, date '2026-05-18' + w * 7, 3, 'Bench' from generate_series(1, $2) g, generate_series(0, 25) w`,
    [m, O],
  );
  await tx.exec('analyze');
});

const pages = 30;
async function median(run: (tx: Tx, page: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let p = 0; p < pages; p++) {
    const t0 = performance.now();
    await inTenant(database, m, (tx) => run(tx, p));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const from = '2026-08-24';
const batched = await median(async (tx, p) => {
  const { items } = await followUpRepository.listForUnits(tx, [unit], 'active', today, 20, p * 20);
  const ids = items.map((i) => i.id);
  await followUpRepository.goals(tx, ids);
  await followUpRepository.statuses(tx, ids);
  await followUpRepository.hours(tx, ids, from);
});
const listOnly = await median((tx, p) => followUpRepository.listForUnits(tx, [unit], 'active', today, 20, p * 20));
const nPlusOne = await median(async (tx, p) => {
  const { items } = await followUpRepository.listForUnits(tx, [unit], 'active', today, 20, p * 20);
  for (const i of items) {
    await followUpRepository.goals(tx, [i.id]);
    await followUpRepository.statuses(tx, [i.id]);
    await followUpRepository.hours(tx, [i.id], from);
  }
});
const ids = sql.join(Array.from({ length: 20 }, (_, g) => sql`md5(${`o${g + 1}`})::uuid`));
const explain = (q: ReturnType<typeof sql>) =>
  inTenant(database, m, async (tx) =>
    (await sql<{ 'QUERY PLAN': string }>`explain ${q}`.execute(tx)).rows.map((r) => r['QUERY PLAN']),
  );
const plans = {
  goals: await explain(sql`select * from order_goal where order_id in (${ids})`),
  statuses: await explain(sql`select * from fko_status where order_id in (${ids})`),
  hours: await explain(sql`select * from delivered_hours where order_id in (${ids}) and week_start >= '2026-08-24'`),
};
console.log(`orders: ${O} (3 goals, 12 statuses, 26 weeks of hours each); ${pages} pages of 20`);
console.log(`batched (5 queries a page): median ${batched.toFixed(2)} ms`);
console.log(`baseline N+1 (62 queries a page): median ${nPlusOne.toFixed(2)} ms`);
console.log(`ratio baseline / batched: ${(nPlusOne / batched).toFixed(1)}×`);
console.log(`of which the page query and its count alone: median ${listOnly.toFixed(2)} ms`);
console.log(
  `goals, statuses and hours for a page: batched ${(batched - listOnly).toFixed(2)} ms, N+1 ${(nPlusOne - listOnly).toFixed(2)} ms (${((nPlusOne - listOnly) / (batched - listOnly)).toFixed(1)}×)`,
);
for (const [name, plan] of Object.entries(plans))
  console.log(
    `${name}: ${plan
      .filter((l) => /Scan|Index/.test(l))
      .map((l) => l.trim().slice(0, 90))
      .join(' | ')}`,
  );
await database.close();
