/**
 * Citizen search: the repository's indexed prefix search against a baseline in the same run.
 *
 * Method: one PGlite database (in memory), migrated, with N citizens in one municipality (seeded generator, so
 * every run has the same data; 6,760 distinct surnames). For each of 40 full surnames, the query runs 5 times; we report the median per
 * query. The baseline is the same prefix search written with LIKE on lower(name) (`like 'x%'`), the obvious
 * way and what migration 0001 did: under row-level security LIKE is not leakproof, so no index can serve it. Both run in the same transaction setup (the app role,
 * row-level security on). The plan of the real query is printed, to name the index it uses.
 */
import { sql } from 'kysely';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { citizensRepository } from '../src/server/modules/citizens/citizens.repository.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { inTenant, type Tx } from '../src/server/platform/tx.ts';

const N = Number(process.env.BENCH_CITIZENS ?? 20_000);
const FIRST = ['Anne', 'Mette', 'Jens', 'Peter', 'Søren', 'Ida', 'Lars', 'Maria', 'Åse', 'Bjørn', 'Kirsten', 'Niels'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Østergaard', 'Møller', 'Kjær', 'Lund', 'Dahl', 'Bruun'];

const database = await openDatabase({ kind: 'pglite' });
await migrateDatabase(database);
const municipalityId = stableUuid('bench:municipality');
await database.adminTransaction(async (tx) => {
  await tx.query(`insert into municipality (id, code, name) values ($1, '999', 'Benchkommune')`, [municipalityId]);
  await tx.query(
    `insert into citizen (municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name)
     select $1, lpad((610101 + (g % 28) * 10000)::text, 6, '0') || lpad((g % 10000)::text, 4, '0'), true, date '1980-01-01',
            ($2::text[])[1 + g % 12] || chr(97 + (g / 12) % 26),
            ($3::text[])[1 + g % 10] || chr(97 + (g / 10) % 26) || chr(97 + (g / 260) % 26)
     from generate_series(0, $4 - 1) g on conflict do nothing`,
    [municipalityId, FIRST, LAST, N],
  );
  await tx.exec('analyze citizen');
});

// Searches for a surname as typed in full (a few hits each among N), the common case at the front desk.
const prefixes = Array.from(
  { length: 40 },
  (_, i) =>
    `${(LAST[i % LAST.length] ?? 'x').toLowerCase()}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}`,
);

async function median(run: (tx: Tx, token: string) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (const token of prefixes) {
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await inTenant(database, municipalityId, (tx) => run(tx, token));
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const indexed = await median((tx, token) => citizensRepository.search(tx, { kind: 'name', tokens: [token] }, 20, 0));
const baseline = await median(async (tx, token) => {
  const pattern = `${token}%`;
  await tx
    .selectFrom('citizen')
    .select(['id', 'first_name', 'last_name'])
    .where((eb) => eb.or([eb(sql`lower(first_name)`, 'like', pattern), eb(sql`lower(last_name)`, 'like', pattern)]))
    .orderBy('last_name')
    .limit(20)
    .execute();
  await tx
    .selectFrom('citizen')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb.or([eb(sql`lower(first_name)`, 'like', pattern), eb(sql`lower(last_name)`, 'like', pattern)]))
    .execute();
});
const plan = await inTenant(database, municipalityId, (tx) =>
  sql<{
    'QUERY PLAN': string;
  }>`explain select id from citizen where (search_last_name ~>=~ 'jensenab' and search_last_name ~<~ 'jensenac') or (search_first_name ~>=~ 'jensenab' and search_first_name ~<~ 'jensenac')`.execute(
    tx,
  ),
);
console.log(`citizens: ${N}`);
console.log(`indexed prefix search (page + count): median ${indexed.toFixed(2)} ms`);
console.log(`baseline LIKE prefix search (page + count): median ${baseline.toFixed(2)} ms`);
console.log(`ratio baseline / indexed: ${(baseline / indexed).toFixed(1)}×`);
console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
await database.close();
