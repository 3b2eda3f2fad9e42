/**
 * How many people working at once the embedded database (PGlite) serves with the everyday pages' p99 under 200 ms
 * (issue 11), and so when to move to PostgreSQL.
 *
 *   npm run bench:pglite-users -- [--data-dir DIR] [--size demo|bench-small] [--users 1,2,5,10,20,40]
 *                                       [--seconds 20] [--rate 0.5]
 *
 * Method.
 * 1. Data: a PGlite data directory with the generator's data set (`--size`, default bench-small: one large
 *    municipality of 760 with 400 citizens and 1,000 cases, four others beside it), built if missing, migrated if
 *    reused; the servers of the load benchmark (bench/load-server.ts, the app as `npm start` composes it) in a child
 *    process, so the load generator does not share the database's event loop.
 * 2. A user is one HTTP connection that asks for a page every 1/`--rate` seconds (default 0.5 a second: a page every
 *    2 s, a busy caseworker's pace — a person reads and types between requests; a page of the UI is one or two API
 *    requests), cycling through a caseworker's everyday requests as Maria Vestergaard: a citizen's overview, a case,
 *    her work list, follow-up alerts, a search by name and by CPR number, with varied ids (autocannon with a
 *    overall rate of users × rate). Like a person, a user waits for an answer before the next request, so when the database
 *    queues, the requests a second fall below users × rate and the wait shows in the latency.
 * 3. For each number of users in `--users`, `--seconds` of load after a short warm-up; requests/s, p50, p97.5, p99 and
 *    errors. The answer is the largest number of users whose p99 stays under 200 ms with no errors.
 * Measured on an otherwise idle machine only (the figures are the machine's: `docs/PERFORMANCE.md` states it).
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from '../src/server/db/generator/generate.ts';
import { SIZE_NAMES, SIZES, type SizeName } from '../src/server/db/generator/sizes.ts';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import type { PlainDate } from '../src/shared/plain-date.ts';
import { demoLoginCookie } from './bench-app.ts';
import { loadPaths, type Sample, startLoadServers, stopLoadServers } from './load-runner.ts';

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    size: { type: 'string', default: 'bench-small' },
    users: { type: 'string', default: '1,2,5,10,20,40' },
    seconds: { type: 'string', default: '20' },
    rate: { type: 'string', default: '0.5' },
    today: { type: 'string', default: '2026-12-01' },
  },
});
const size = args.size as SizeName;
if (!SIZE_NAMES.includes(size)) throw new Error(`sizes are ${SIZE_NAMES.join(', ')}`);
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const THRESHOLD_MS = 200;

type Ids = { caseIds: string[]; citizenIds: string[]; surnames: string[]; cprs: string[] };

/** A caseworker's everyday requests, in the order a working day mixes them. */
function caseworkerPaths(i: Ids): string[] {
  const paths: string[] = [];
  for (let k = 0; k < 60; k++) {
    paths.push(
      `/api/citizens/${i.citizenIds[k % i.citizenIds.length]}`,
      `/api/cases/${i.caseIds[k % i.caseIds.length]}`,
      `/api/cases?scope=mine&page=${(k % 3) + 1}`,
      `/api/cases/${i.caseIds[(k * 7) % i.caseIds.length]}`,
      `/api/citizens?q=${encodeURIComponent(i.surnames[k % i.surnames.length] ?? 'Jensen')}`,
      `/api/follow-up/alerts?page=${(k % 2) + 1}`,
      `/api/citizens?q=${i.cprs[k % i.cprs.length]}`,
    );
  }
  return paths;
}

async function dataDirWithSet(): Promise<string> {
  const dataDir = args['data-dir'] ?? mkdtempSync(join(tmpdir(), 'vt-bench-pglite-users.'));
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrateDatabase(database);
    const n = await database.adminTransaction(async (tx) => {
      const r = await tx.query<{ n: number }>(
        `select count(*)::int n from citizen c join municipality m on m.id = c.municipality_id where m.code = '760'`,
      );
      return r[0]?.n ?? 0;
    });
    if (n < (SIZES[size].load['760']?.citizens ?? 0)) {
      await importFfb(database);
      await generate(database, { size, today: args.today as PlainDate, log: (line) => console.log(`  ${line}`) });
    }
  } finally {
    await database.close();
  }
  return dataDir;
}

type Row = Sample & { users: number };

const dataDir = await dataDirWithSet();
const servers = await startLoadServers<Ids>({ BENCH_DATA_DIR: dataDir });
try {
  const cookie = await demoLoginCookie(servers.app, 'Maria Vestergaard');
  const paths = caseworkerPaths(servers.ids);
  for (const path of paths.slice(0, 14)) await fetch(`${servers.app}${path}`, { headers: { cookie } });
  const rows: Row[] = [];
  for (const users of (args.users ?? '').split(',').map(Number)) {
    const row = {
      users,
      ...(await loadPaths({
        url: servers.app,
        paths,
        connections: users,
        seconds: SECONDS,
        headers: { cookie },
        // autocannon paces per connection only at 1 a second or more; the users' pace together is the same load.
        overallRate: Math.max(1, Math.round(users * RATE)),
      })),
    };
    rows.push(row);
    console.log(`  ${users} users: ${row.rps.toFixed(1)} req/s p50 ${row.p50} p99 ${row.p99} errors ${row.errors}`);
  }
  const served = rows.filter((r) => r.p99 < THRESHOLD_MS && r.errors === 0).at(-1);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  console.log(
    [
      '',
      `### PGlite, ${size}: users asking for a page every ${1 / RATE} s, ${SECONDS} s each (load average at the end: ${loadavg()[0]?.toFixed(1)})`,
      '',
      '| users | requests/s | p50 | p97.5 | p99 | errors / requests |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.users} | ${r.rps.toFixed(1)} | ${fmt(r.p50)} ms | ${fmt(r.p975)} ms | ${fmt(r.p99)} ms | ${r.errors} / ${fmt(r.requests)} |`,
      ),
      '',
      served
        ? `Served with p99 under ${THRESHOLD_MS} ms: ${served.users} users (of those tried).`
        : `No number of users tried stayed under ${THRESHOLD_MS} ms at p99.`,
    ].join('\n'),
  );
} finally {
  await stopLoadServers(servers.child);
}
