/**
 * What keeping the rate limit in the database costs (docs/SCALING.md).
 *
 * Method: one database, migrated and seeded with the demo data: PGlite in memory, and PostgreSQL 15 when
 * BENCH_DATABASE_URL names a server (a database `vt_bench_rate` is created there). Two apps on it, identical but for
 * the rate-limit store: `memory` (the plugin's in-process LRU, what main had) and `database` (an unlogged table, one
 * upsert per API request). autocannon, 20 connections, 5 s per round, on two routes: a public catalogue page (one
 * read transaction) and `GET /api/auth/me` with a session (the session look-up). Rounds alternate memory/database,
 * 3 each; the median of each is reported, with the ratio. HTTP figures on a shared machine are noisy, so also, without
 * HTTP: 2,000 sequential counter upserts (`hit`) against 2,000 sequential session look-ups (the one statement every
 * authenticated request already runs), median µs each.
 *   npx tsx bench/rate-limit.bench.ts
 */
import autocannon from 'autocannon';
import pg from 'pg';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { decodeSessionCookie } from '../src/server/platform/auth/session.ts';
import { sessions } from '../src/server/platform/auth/sessions.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { type Database, openDatabase } from '../src/server/platform/db/database.ts';
import { hit } from '../src/server/platform/http/rate-limit-store.ts';
import { demoLoginCookie, serveForBench } from './bench-app.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);

async function seeded(kind: 'pglite' | 'postgres'): Promise<Database> {
  let database: Database;
  if (kind === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL ?? '';
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('drop database if exists vt_bench_rate');
    await admin.query('create database vt_bench_rate');
    await admin.end();
    const u = new URL(url);
    u.pathname = '/vt_bench_rate';
    database = await openDatabase({ kind: 'postgres', url: u.href });
  } else {
    database = await openDatabase({ kind: 'pglite' });
  }
  await migrateDatabase(database);
  await importFfb(database);
  await seedDemoData(database, systemClock.today());
  return database;
}

async function serve(database: Database, store: 'memory' | 'database') {
  const { app, base } = await serveForBench(database, { rateLimitStore: store });
  return { app, base, cookie: await demoLoginCookie(base, 'Maria Vestergaard') };
}

function run(url: string, headers: Record<string, string>) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: 20, duration: DURATION, headers }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function perCall(fn: (i: number) => Promise<unknown>, n = 2000): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push((performance.now() - t) * 1000);
  }
  return Math.round(median(times));
}

const kinds: ('pglite' | 'postgres')[] = process.env.BENCH_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const lines: string[] = [];
const micro: string[] = [];
for (const kind of kinds) {
  const database = await seeded(kind);
  const servers = { memory: await serve(database, 'memory'), database: await serve(database, 'database') };
  for (const [route, path, withSession] of [
    ['public catalogue page', '/api/public/catalogue/offers?municipality=760', false],
    ['/api/auth/me with a session', '/api/auth/me', true],
  ] as const) {
    const figures: Record<'memory' | 'database', { rps: number[]; p50: number[]; p99: number[]; non2xx: number }> = {
      memory: { rps: [], p50: [], p99: [], non2xx: 0 },
      database: { rps: [], p50: [], p99: [], non2xx: 0 },
    };
    for (let round = 0; round < 3; round++) {
      for (const store of ['memory', 'database'] as const) {
        const s = servers[store];
        const r = await run(`${s.base}${path}`, withSession ? { cookie: s.cookie } : {});
        figures[store].rps.push(r.requests.average);
        figures[store].p50.push(r.latency.p50);
        figures[store].p99.push(r.latency.p99);
        figures[store].non2xx += r.non2xx + r.errors;
      }
    }
    const m = figures.memory;
    const d = figures.database;
    lines.push(
      `| ${kind} | ${route} | ${median(m.rps).toFixed(0)} (${median(m.p50)} / ${median(m.p99)} ms) | ${median(d.rps).toFixed(0)} (${median(d.p50)} / ${median(d.p99)} ms) | ${(median(d.rps) / median(m.rps)).toFixed(2)} | ${m.non2xx + d.non2xx} |`,
    );
  }
  const token = decodeURIComponent(servers.database.cookie.match(/vt_session=([^;]+)/)?.[1] ?? '');
  const ref = decodeSessionCookie(servers.database.app.unsignCookie(token).value ?? '');
  const settings = { secret: 'bench-secret-bench-secret-bench-secret-0', maxHours: 8, idleMinutes: 30 };
  const hitUs = await perCall((i) => hit(database, `bench 10.0.${Math.floor(i / 250)}.${i % 250}`, 60_000));
  const sessionUs = ref ? await perCall(() => sessions.resolve(database, ref, settings)) : Number.NaN;
  micro.push(`| ${kind} | ${hitUs} µs | ${sessionUs} µs | ${(hitUs / sessionUs).toFixed(2)} |`);
  await servers.memory.app.close();
  await servers.database.app.close();
  await database.close();
}
console.log('\n| database | route | memory store: req/s (p50 / p99) | database store: req/s (p50 / p99) | ratio | errors |');
console.log('|---|---|---|---|---|---|');
for (const line of lines) console.log(line);
console.log('\n| database | one counter upsert (median) | one session look-up (median) | ratio |');
console.log('|---|---|---|---|');
for (const line of micro) console.log(line);
