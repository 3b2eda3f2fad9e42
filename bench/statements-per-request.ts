/**
 * Statements and transactions per API request, read from PostgreSQL's own statement log (issue 11).
 *
 *   npx tsx bench/statements-per-request.ts --cluster DIR   # DIR: a cluster from scripts/pg-cluster.sh (its pg.log)
 *
 * Method: a database of its own in that cluster (`vt_statements`, dropped and rebuilt: migrations, the FFB catalogue,
 * the demo data), with `log_min_duration_statement = 0` set for that database only, so every statement the app sends
 * is written to the cluster's log with its duration. The app as `npm start` composes it (the rate limit counted in
 * the database) serves each page once as the demo caseworker of Ringkøbing-Skjern (logged in first, so the log-in is
 * not counted); the log lines of each request are cut out between two markers a separate connection writes. A
 * statement is a `statement:` line (simple protocol: begin, commit, the rate-limit upsert) or an `execute` line
 * (extended protocol); `parse` and `bind` lines of the same statement are not counted. A transaction is a `begin`;
 * a statement outside one (the rate-limit upsert) is its own. Durations are the database's, summed per request.
 * Nothing is timed against a goal: the counts are the figure.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { plainDateInCopenhagen } from '../src/shared/plain-date.ts';

const { values: args } = parseArgs({ options: { cluster: { type: 'string' } } });
if (!args.cluster) throw new Error('--cluster DIR (scripts/pg-cluster.sh start DIR)');
const dir = args.cluster;
const port = readFileSync(join(dir, 'port'), 'utf8').trim();
const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
const url = `postgres://postgres@127.0.0.1:${port}/vt_statements`;
const logFile = join(dir, 'pg.log');

const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query('drop database if exists vt_statements with (force)');
await client.query('create database vt_statements');
const setup = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const today = plainDateInCopenhagen(new Date());
await migrateDatabase(setup);
await importFfb(setup);
await seedDemoData(setup, today);
await setup.close();
await client.query('alter database vt_statements set log_min_duration_statement = 0');

const database = await openDatabase({ kind: 'postgres', url, poolSize: 10, statementTimeoutMs: 10_000 });
const config = {
  ...loadConfig({
    NODE_ENV: 'development',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    WEB_DIR: '/nonexistent',
  }),
  rateLimitPerMinute: 100_000,
  logLevel: 'warn' as const,
};
const app = await buildApp({ config, database });

// The demo log-in, as the first demo caseworker of Ringkøbing-Skjern.
const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
const csrf = (me.json() as { csrfToken: string }).csrfToken;
const users = (await app.inject({ method: 'GET', url: '/api/auth/demo-users' })).json() as {
  id: string;
  role: string;
  municipalityName: string;
}[];
const user = users.find((u) => u.role === 'caseworker' && u.municipalityName === 'Ringkøbing-Skjern Kommune');
if (!user) throw new Error('no demo caseworker');
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/demo-login',
  payload: { userId: user.id },
  headers: { 'x-csrf-token': csrf },
  cookies: { vt_csrf: csrf },
});
const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
const get = (path: string) => app.inject({ method: 'GET', url: path, cookies });

const cases = (await get('/api/cases?scope=mine&pageSize=1')).json() as { items: { id: string }[] };
const caseId = cases.items[0]?.id;
if (!caseId) throw new Error('the caseworker has no cases');
const citizenId = ((await get(`/api/cases/${caseId}`)).json() as { citizen: { id: string } }).citizen.id;
const pages: [string, string][] = [
  ['citizen overview', `/api/citizens/${citizenId}`],
  ['case page', `/api/cases/${caseId}`],
  ['my cases (deadlines)', '/api/cases?scope=mine&page=1'],
  ['follow-up alerts', '/api/follow-up/alerts?page=1'],
  ['citizen search by name', '/api/citizens?q=Kj%C3%A6rsgaard'],
];

type Line = { pid: string; kind: 'statement' | 'execute'; ms: number; text: string };
function linesBetween(from: number, to: number, marker: string): Line[] {
  const text = readFileSync(logFile).subarray(from, to).toString('utf8');
  const out: Line[] = [];
  // A statement written over several lines continues on lines without the log's time stamp.
  const records = text.split(/\n(?=\d{4}-\d\d-\d\d )/).map((r) => r.replace(/\s+/g, ' ').trim());
  for (const line of records) {
    if (line.includes(marker)) continue;
    const m = /\[(\d+)\].*duration: ([\d.]+) ms (statement|execute [^:]*): (.*)$/.exec(line);
    if (m)
      out.push({
        pid: m[1] as string,
        ms: Number(m[2]),
        kind: m[3]?.startsWith('execute') ? 'execute' : 'statement',
        text: m[4] as string,
      });
  }
  return out;
}

const marks = new pg.Client({ connectionString: admin });
await marks.connect();
const rows: string[] = [];
for (const [name, path] of pages) {
  // Warm: the first request of a kind prepares caches; the second is the one counted.
  await get(path);
  await new Promise((r) => setTimeout(r, 300));
  const marker = `reqpath-mark-${Date.now()}`;
  const from = statSync(logFile).size;
  const res = await get(path);
  if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body}`);
  await new Promise((r) => setTimeout(r, 300));
  await marks.query(`select '${marker}'`);
  const lines = linesBetween(from, statSync(logFile).size, marker);
  const begins = lines.filter((l) => /^begin/i.test(l.text)).length;
  const outside = lines.filter((l) => /insert into rate_limit/.test(l.text)).length;
  const ms = lines.reduce((s, l) => s + l.ms, 0);
  const connections = new Set(lines.map((l) => l.pid)).size;
  rows.push(
    `| ${name} | ${lines.length} | ${begins + outside} (${begins} begin + ${outside} alone) | ${connections} | ${ms.toFixed(2)} ms |`,
  );
  if (process.env.SHOW) for (const l of lines) console.log(`  [${l.pid}] ${l.ms.toFixed(3)} ${l.text.slice(0, 110)}`);
}
console.log('| page (API) | statements | transactions | connections | time in PostgreSQL |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
await marks.end();
await app.close();
await database.close();
await client.query('drop database if exists vt_statements with (force)');
await client.end();
