/**
 * How long Visitator takes to answer again when its PostgreSQL goes away and comes back.
 *
 * Method: a throwaway PostgreSQL 15 cluster of our own (scripts/pg-cluster.sh), migrated and seeded with the demo
 * data; the app (buildApp, as `npm start` composes it) listening on loopback with a pool of 10. C clients (default
 * 20) log in as the demo caseworker and loop over audited reads (a citizen, a search), each request timed. While
 * they run, three events, each 3 times:
 * - terminate: `pg_terminate_backend` on every backend of the app's database (a fail-over or an admin's kill);
 * - restart: `pg_ctl restart -m fast` (the database restarts; connections refused while it is down);
 * - away: `pg_ctl stop -m fast`, 3 s without a database, then `pg_ctl start`.
 * Recovery is measured from the moment the database is usable again (the terminate call returned; pg_ctl's start
 * returned) to the first request that *started* after it and answered 200. Also counted: answers that were neither
 * 200 nor 503 (must be 0) and whether the process survived (it must).
 *   npx tsx bench/db-recovery.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { NAMED_DEMO_CITIZENS, seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { demoLoginCookie, serveForBench } from './bench-app.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const dir = mkdtempSync(join(tmpdir(), 'vt-recovery-'));
execFileSync('chmod', ['755', dir]);
const url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir], { encoding: 'utf8' }).trim();
const bindir = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | head -n 1'], { encoding: 'utf8' }).trim();
const port = readFileSync(join(dir, 'port'), 'utf8').trim();
const asOwner = (cmd: string) =>
  execFileSync('bash', ['-c', process.getuid?.() === 0 ? `su postgres -s /bin/bash -c "${cmd}"` : cmd], { stdio: 'ignore' });
const pgCtl = (action: string) =>
  asOwner(
    `'${bindir}/pg_ctl' -D '${dir}/pgdata' -l '${dir}/pg.log' -w -m fast -o \\"-p ${port} -k '${dir}/sock' -c listen_addresses=127.0.0.1\\" ${action}`,
  );

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query('create database vt_recovery');
await admin.end();
const dbUrl = url.replace(/\/postgres$/, '/vt_recovery');
const database = await openDatabase({ kind: 'postgres', url: dbUrl });
await migrateDatabase(database);
await importFfb(database);
await seedDemoData(database, systemClock.today());
const { app, base } = await serveForBench(database);
const cookie = await demoLoginCookie(base, 'Maria Vestergaard');
const found = (await (await fetch(`${base}/api/citizens?q=${NAMED_DEMO_CITIZENS[0].cpr}`, { headers: { cookie } })).json()) as {
  items: { id: string }[];
};
const citizenUrl = `${base}/api/citizens/${found.items[0]?.id}`;
const searchUrl = `${base}/api/citizens?q=${encodeURIComponent('Kjærsgaard')}`;

type Result = { start: number; end: number; status: number };
let results: Result[] = [];
let running = true;
async function client(i: number) {
  while (running) {
    const start = performance.now();
    let status = 0;
    try {
      const res = await fetch(i % 2 ? searchUrl : citizenUrl, { headers: { cookie }, signal: AbortSignal.timeout(15_000) });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = -1; // no answer at all (connection refused or timed out)
    }
    results.push({ start, end: performance.now(), status });
    if (status !== 200) await new Promise((r) => setTimeout(r, 20));
  }
}
const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function event(
  kind: 'terminate' | 'restart' | 'away',
): Promise<{ recoveryMs: number; failed: number; odd: number; p50: number }> {
  results = [];
  await sleep(1500);
  // The same clients' typical request just before, so the recovery can be read against it.
  const before = results.filter((r) => r.status === 200).map((r) => r.end - r.start);
  before.sort((a, b) => a - b);
  const p50 = Math.round(before[Math.floor(before.length / 2)] ?? Number.NaN);
  results = [];
  let usableAt: number;
  if (kind === 'terminate') {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = 'vt_recovery' and pid <> pg_backend_pid()`,
    );
    usableAt = performance.now();
    await c.end();
  } else if (kind === 'restart') {
    pgCtl('restart');
    usableAt = performance.now();
  } else {
    pgCtl('stop');
    await sleep(3000);
    pgCtl('start');
    usableAt = performance.now();
  }
  for (let waited = 0; waited < 30_000; waited += 50) {
    if (results.some((r) => r.start >= usableAt && r.status === 200)) break;
    await sleep(50);
  }
  await sleep(500);
  const first = results.filter((r) => r.start >= usableAt && r.status === 200).sort((a, b) => a.end - b.end)[0];
  return {
    p50,
    recoveryMs: first ? Math.round(first.end - usableAt) : Number.NaN,
    failed: results.filter((r) => r.status === 503 || r.status === -1).length,
    odd: results.filter((r) => r.status !== 200 && r.status !== 503 && r.status !== -1).length,
  };
}

const rows: string[] = [];
for (const kind of ['terminate', 'restart', 'away'] as const) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await event(kind));
  const rec = runs.map((r) => r.recoveryMs).sort((a, b) => a - b);
  rows.push(
    `| ${kind} | ${rec.join(' / ')} ms | ${rec[1]} ms | ${runs.map((r) => r.p50).join(' / ')} ms | ${runs.map((r) => r.failed).join(' / ')} | ${runs.reduce((n, r) => n + r.odd, 0)} |`,
  );
}
running = false;
await Promise.all(clients);
console.log(`\nDatabase recovery, ${CLIENTS} clients, PostgreSQL ${url.split('@')[1]}`);
console.log('| event | recovery (3 runs) | median | request p50 just before | 503 or no answer (per run) | other answers |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
await app.close();
await database.close();
execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
rmSync(dir, { recursive: true, force: true });
