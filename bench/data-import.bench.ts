/**
 * Import of citizens and cases (issue 15): rows a second for a file of N rows, on PGlite and on PostgreSQL.
 *
 * Method: a new database (PGlite in memory; with BENCH_DATABASE_URL also a new database on that PostgreSQL server),
 * migrated and loaded with the demo data (FFB code lists, the demo municipalities, catalogue, offers, staff and their
 * history). A CSV of N rows (BENCH_IMPORT_ROWS, default 100,000) for Ringkøbing-Skjern is built in memory: each row
 * a new citizen with an open case, an assessment (4 FFB conditions, a target group, a goal), a § 85 grant and an order
 * with two FFB services — the full row of docs/IMPORT.md, as a municipality leaving its old system would have it. It is
 * encoded as Windows-1252 (what Danish Excel writes). We time the administrator's two steps through the module's
 * service, as the routes call it: upload (decode, parse, check every row against the catalogue and FFB code lists,
 * store the file) and run (check again, then write citizens, cases, assessments, decisions, orders and the audit
 * trail in one transaction). Rows a second = N / wall time of the step. The same file is then uploaded again and must
 * be found already imported (nothing duplicated).
 *
 * The machine is shared (two cores, other engineers' test runs), so wall time says as much about the load as about the
 * import. Each step's CPU time is therefore measured too: this Node process's (process.cpuUsage) and, when the
 * PostgreSQL server runs on this machine, its processes' (the postmaster's children in /proc: the import's backend,
 * and the WAL writer, checkpointer and autovacuum working for it). "Rows a CPU second" = N / (Node + PostgreSQL CPU
 * seconds): what the step would do on a machine of its own, if Node and the database did not overlap. The run's
 * stages (check, then its parts written) are timed from its progress reports.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { dataImportService } from '../src/server/modules/data-import/data-import.service.ts';
import type { RequestContext } from '../src/server/platform/auth/actor.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { type Database, openDatabase } from '../src/server/platform/db/database.ts';
import { plainDateInCopenhagen } from '../src/shared/plain-date.ts';

const N = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL;
const RKSK = stableUuid('municipality:760');

async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite' });
  const url = new URL(serverUrl ?? '');
  const name = `vt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: Object.assign(url, { pathname: `/${name}` }).toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database ${name} with (force)`);
      await drop.end();
    },
  };
}

const HEADER = [
  'kommunekode',
  'cpr',
  'fornavn',
  'efternavn',
  'sagsnummer',
  'modtaget',
  'henvendelse',
  'vurderet',
  'stoettebehov',
  'tilstande',
  'primaer_maalgruppe',
  'maal1_tilstand',
  'maal1_niveau',
  'maal1_maaltype',
  'afgoerelsesdato',
  'paragraf',
  'udfald',
  'timer_pr_uge',
  'startdato',
  'begrundelse',
  'partshoering',
  'tilbud',
  'bestilt',
  'foerste_opfoelgning',
  'ydelser',
];
const FIRST = ['Anne', 'Mette', 'Jens', 'Peter', 'Søren', 'Ida', 'Lars', 'Maria', 'Åse', 'Bjørn', 'Kirsten', 'Niels'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Østergaard', 'Møller', 'Kjær', 'Lund', 'Dahl', 'Bruun'];

/** Row i: a CPR number whose date exists (1950–1999, day 1–28) and is unique in the file. */
function cprOf(i: number): string {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const year = 50 + (Math.floor(i / 336) % 50);
  const serial = Math.floor(i / 16_800);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(day)}${pad(month)}${pad(year)}-${pad(serial, 4)}`;
}

function file(rows: number): Buffer {
  const lines = [HEADER.join(';')];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        '760',
        cprOf(i),
        FIRST[i % FIRST.length],
        LAST[i % LAST.length],
        `BENCH-${i}`,
        '03-05-2021',
        'Ønsker støtte i hverdagen',
        '20-05-2021',
        'Let støttebehov',
        'Indgå i samspil og kontakt:2|Købe ind:2|Spise:3|Bevidsthedstilstand',
        'Anden udviklingsforstyrrelse',
        'Indgå i samspil og kontakt',
        '1',
        'Fastholde funktionsevne',
        '29-05-2021',
        'SEL § 85',
        'bevilget',
        '3',
        '01-06-2021',
        'Udredningen viser behov for støtte.',
        'udført',
        'bostoetten',
        '29-05-2021',
        '29-08-2021',
        'Støtte til daglige opgaver i hjemmet|Støtte til sund levevis',
      ].join(';'),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

async function adminContext(database: Database): Promise<RequestContext> {
  const [user] = await database.adminTransaction((tx) =>
    tx.query<{ id: string; name: string }>(
      `select id, name from app_user where municipality_id = $1 and role = 'administrator' order by name limit 1`,
      [RKSK],
    ),
  );
  if (!user) throw new Error('no administrator in 760');
  return {
    actor: {
      userId: user.id,
      name: user.name,
      role: 'administrator',
      municipalityId: RKSK,
      municipalityName: 'Ringkøbing-Skjern Kommune',
      municipalityCode: '760',
      unitId: null,
      unitName: null,
      offerUnitIds: [],
      citizenId: null,
    },
    requestId: 'bench-import',
    lang: 'da',
    database,
    clock: systemClock,
  };
}

/** The CPU milliseconds of a process and of its children (from /proc; clock ticks of 10 ms), or null if unreadable. */
function procCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** The PostgreSQL server's CPU so far (postmaster and every process it started), if it runs on this machine. */
function serverCpuMs(postmaster: number | null): number | null {
  if (postmaster === null) return null;
  let total = procCpuMs(postmaster);
  if (total === null) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      if (parent === postmaster) total += procCpuMs(Number(entry)) ?? 0;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

async function postmasterOf(database: Database): Promise<number | null> {
  if (database.kind !== 'postgres') return null;
  const [row] = await database.adminTransaction((tx) => tx.query<{ pid: number }>('select pg_backend_pid() as pid'));
  if (!row) return null;
  try {
    return Number(readFileSync(`/proc/${row.pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return null;
  }
}

type Measured = { ms: number; nodeCpuMs: number; pgCpuMs: number | null };

async function measure<T>(postmaster: number | null, fn: () => Promise<T>): Promise<[T, Measured]> {
  const c0 = process.cpuUsage();
  const p0 = serverCpuMs(postmaster);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const p1 = serverCpuMs(postmaster);
  return [result, { ms, nodeCpuMs: (c.user + c.system) / 1000, pgCpuMs: p0 === null || p1 === null ? null : p1 - p0 }];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const rate = (ms: number) => fmt(N / (ms / 1000));
function describe(m: Measured): string {
  const cpu = m.nodeCpuMs + (m.pgCpuMs ?? 0);
  return (
    `${fmt(m.ms)} ms (**${rate(m.ms)}/s**); CPU Node ${fmt(m.nodeCpuMs)} ms` +
    (m.pgCpuMs === null ? '' : ` + PostgreSQL ${fmt(m.pgCpuMs)} ms`) +
    ` = ${rate(cpu)} rows a CPU second`
  );
}

const bytes = file(N);
const results: string[] = [];
// BENCH_DATABASES=postgres (or pglite) runs one of them only.
const only = process.env.BENCH_DATABASES;
const kinds = (serverUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)).filter((k) => !only || only.includes(k));
for (const kind of kinds) {
  const database = await freshDatabase(kind);
  try {
    await migrateDatabase(database);
    await importFfb(database);
    await seedDemoData(database, plainDateInCopenhagen(new Date()));
    const ctx = await adminContext(database);
    const postmaster = await postmasterOf(database);
    const [uploaded, check] = await measure(postmaster, () => dataImportService.upload(ctx, 'cases', 'bench.csv', bytes));
    if (uploaded.status !== 'valid') throw new Error(`bench file refused: ${JSON.stringify(uploaded.errors.slice(0, 3))}`);
    const stages: string[] = [];
    let last = performance.now();
    let lastStage = 'start';
    const [done, run] = await measure(postmaster, () =>
      dataImportService.run(ctx, uploaded.id, (p) => {
        if (p.kind !== 'progress' || p.stage === lastStage) return;
        const now = performance.now();
        stages.push(`${lastStage} ${fmt(now - last)} ms`);
        last = now;
        lastStage = p.stage;
      }),
    );
    stages.push(`${lastStage} ${fmt(performance.now() - last)} ms`);
    const again = await dataImportService.upload(ctx, 'cases', 'bench-again.csv', bytes);
    if (again.counts.casesNew !== 0) throw new Error('the same file would import cases again');
    results.push(
      `| ${kind} | ${N.toLocaleString('en')} | ${(bytes.length / 1024 / 1024).toFixed(1)} MB | ${describe(check)} | ` +
        `${describe(run)} | ${done.counts.casesAdded ?? 0} |`,
    );
    console.log(results.at(-1));
    console.log(`  run's stages (wall): ${stages.slice(1).join(', ')}`);
  } finally {
    await database.close();
  }
}
console.log('\nImport of citizens and cases (one Windows-1252 CSV, full rows)');
console.log('| database | rows | file | upload and check | import (one transaction) | cases created |');
console.log('|---|---|---|---|---|---|');
for (const r of results) console.log(r);
