/**
 * The everyday pages under load (issue 11), against a bare primary-key look-up on the same database in the same run.
 *
 *   npm run bench:load                                   # own PostgreSQL 15 cluster, copenhagen size, then PGlite
 *   npm run bench:load -- --size bench-small --rounds 3 --seconds 5 --connections 50
 *   npm run bench:load -- --database-url postgres://…   # an existing server (the data set is generated if missing)
 *   npm run bench:load -- --no-pglite | --pglite-only    # one database only
 *   npm run bench:load -- --paced 40                    # also each page at 40 req/s in all: its latency below saturation
 *
 * Method.
 * 1. Data: the generator (src/server/db/generator, the one the demo uses) builds the size's data set set-based, into
 *    an empty PostgreSQL database (own throwaway cluster from scripts/pg-cluster.sh: fsync and synchronous commit
 *    off) and, for PGlite, into a data directory (size `--pglite-size`, default bench-small: the embedded database is
 *    for trying Visitator). A data set already there (the large municipality has the size's citizens) is reused.
 * 2. Servers: bench/load-server.ts in a child process: the app as `npm start` composes it (pool of 10 on PostgreSQL,
 *    rate limit lifted) and a bare Fastify server answering `select … from citizen where municipality_id = $1 and
 *    id = $2` (pg pool of the same size; on PGlite the same instance). The load generator runs in this process.
 * 3. Log-in through the demo log-in as the demo caseworker (Maria Vestergaard), provider (Rasmus Kjær) and team
 *    leader (Birgitte Lund) of the large municipality (760).
 * 4. Rounds: for each round, for each page, first the bare look-up then the page, each for `--seconds` with autocannon
 *    at `--connections`; requests vary their ids (citizens, cases, orders of the logged-in user; surnames and CPR
 *    numbers of the caseworker's citizens; list pages 1–3). The ratio is the page's requests/s over the bare
 *    look-up's of the same round, so a machine whose load changes between rounds moves both alike.
 * 5. Report: per page the median over rounds of requests/s, p50, p97.5, p99, errors (non-2xx, timeouts, socket
 *    errors) and the ratio; as a Markdown table, and as JSON in bench/results/load-<db>-<time>.json.
 *    With each run, where its CPU went (bench/load-runner.ts cpuMeter, from /proc): the app's process, the database
 *    cluster's processes and this load generator, in CPU ms per request; the machine's cores over their sum bound the
 *    requests/s any run could reach. `--paced N` also loads each page at N requests/s in all over
 *    `--paced-connections` (5; autocannon spends each connection's budget at the start of every second, so the
 *    requests come in bursts as large as the connections): its latency when the server is busy but keeping up.
 * 6. `--plans` (PostgreSQL): after the rounds, each page is fetched once more while the server records every statement
 *    the app sends; each read is run again under EXPLAIN (ANALYZE, BUFFERS) with the same parameters, role and
 *    municipality (row-level security applies), on the same data. Per statement: the indexes it uses, its sequential
 *    scans and sorts with their rows, its time; one that scans or sorts more than 5,000 rows is flagged (a page must
 *    not read the whole municipality). Written to the report and bench/results/plans-<time>.json. `--rounds 0
 *    --plans` captures the plans alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generate } from '../src/server/db/generator/generate.ts';
import { SIZE_NAMES, SIZES, type SizeName } from '../src/server/db/generator/sizes.ts';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import type { PlainDate } from '../src/shared/plain-date.ts';
import { demoLoginCookie } from './bench-app.ts';
import { clusterPids, cpuMeter, loadPaths, type Sample, startLoadServers, stopLoadServers } from './load-runner.ts';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'copenhagen' },
    'pglite-size': { type: 'string', default: 'bench-small' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    'pglite-only': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    pages: { type: 'string' },
    today: { type: 'string', default: '2026-12-01' },
    /** After the rounds, each page's statements with their plans on this data (PostgreSQL; method step 6). */
    plans: { type: 'boolean', default: false },
    /**
     * Also load each page at this many requests a second in all (paced over the same connections), below what the
     * machine can serve: the latency a user sees when the server is busy but not saturated. 0 = not run.
     */
    paced: { type: 'string', default: '0' },
    /**
     * The paced run's connections. autocannon gives each connection a budget per second and every connection spends
     * it at the start of the second, so N connections at a paced rate arrive as bursts of N requests at once: few
     * connections keep the bursts small.
     */
    'paced-connections': { type: 'string', default: '5' },
    /** Another checkout (with bench/load-server.ts and node_modules) whose app runs beside this one, interleaved. */
    compare: { type: 'string' },
  },
});
const ROUNDS = Number(args.rounds);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const PACED = Number(args.paced);
const PACED_CONNECTIONS = Number(args['paced-connections']);
const TODAY = args.today as PlainDate;

type Ids = {
  municipalityId: string;
  caseIds: string[];
  citizenIds: string[];
  surnames: string[];
  cprs: string[];
  lookupIds: string[];
  orderIds: string[];
};
type Who = 'caseworker' | 'provider' | 'team_leader';
type Page = { name: string; who: Who; paths: (ids: Ids) => string[] };

/** The everyday pages of issue 11, each with the paths its requests cycle through. */
const PAGES: Page[] = [
  { name: 'citizen overview', who: 'caseworker', paths: (i) => i.citizenIds.map((id) => `/api/citizens/${id}`) },
  { name: 'case page', who: 'caseworker', paths: (i) => i.caseIds.map((id) => `/api/cases/${id}`) },
  { name: 'my cases (deadlines)', who: 'caseworker', paths: () => [1, 2, 3].map((p) => `/api/cases?scope=mine&page=${p}`) },
  { name: 'follow-up alerts', who: 'caseworker', paths: () => [1, 2].map((p) => `/api/follow-up/alerts?page=${p}`) },
  {
    name: 'citizen search by name',
    who: 'caseworker',
    paths: (i) => i.surnames.map((s) => `/api/citizens?q=${encodeURIComponent(s)}`),
  },
  { name: 'citizen search by CPR', who: 'caseworker', paths: (i) => i.cprs.map((c) => `/api/citizens?q=${c}`) },
  {
    name: 'provider’s "our citizens"',
    who: 'provider',
    paths: () => [1, 2, 3].map((p) => `/api/provider/orders?state=active&page=${p}`),
  },
  { name: 'provider’s order page', who: 'provider', paths: (i) => i.orderIds.map((id) => `/api/provider/orders/${id}`) },
  {
    name: 'team leader’s "all cases"',
    who: 'team_leader',
    paths: () => [1, 2, 3].map((p) => `/api/cases?scope=team&page=${p}`),
  },
  {
    name: 'team leader’s "all alerts"',
    who: 'team_leader',
    paths: () => [1, 2, 3].map((p) => `/api/follow-up/alerts?scope=team&page=${p}`),
  },
];
const LOGINS: Record<Who, string> = { caseworker: 'Maria Vestergaard', provider: 'Rasmus Kjær', team_leader: 'Birgitte Lund' };

function load(url: string, paths: string[], headers: Record<string, string>): Promise<Sample> {
  return loadPaths({ url, paths, headers, connections: CONNECTIONS, seconds: SECONDS });
}

/**
 * Waits until the app has worked off what the load left behind (requests whose client went away still run), so
 * the next run does not pay for this one: until a trivial database read answers within 100 ms, for at most 60 s.
 */
async function drain(base: string) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const t = performance.now();
    await fetch(`${base}/readyz`).catch(() => undefined);
    if (performance.now() - t < 100) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Cpu = Record<string, number>;
const CORES = availableParallelism();
const perRequest = (used: Cpu, requests: number): Cpu =>
  Object.fromEntries(Object.entries(used).map(([k, v]) => [k, requests ? (v * 1000) / requests : Number.NaN]));
const medianCpu = (xs: Cpu[]): Cpu =>
  Object.fromEntries(Object.keys(xs[0] ?? {}).map((k) => [k, median(xs.map((x) => x[k] ?? Number.NaN))]));
const fmtCpu = (c: Cpu) =>
  `${(c.app ?? 0).toFixed(2)} + ${(c.database ?? 0).toFixed(2)} + ${(c['load generator'] ?? 0).toFixed(2)}`;
const cpuBound = (c: Cpu) => (CORES * 1000) / Object.values(c).reduce((a, b) => a + b, 0);

/** The cluster's data directory (its postmaster.pid names the processes whose CPU the runs measure). */
async function dataDirectoryOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (
      (await client.query<{ d: string }>(`select setting d from pg_settings where name = 'data_directory'`)).rows[0]?.d ?? ''
    );
  } finally {
    await client.end();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2 : Number.NaN;
};

/** The large municipality already holds the size's citizens: reuse the data set. */
async function hasDataSet(url: string, size: SizeName): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const want = SIZES[size].load['760']?.citizens ?? 0;
    const r = await client
      .query<{ n: string }>(
        `select count(*) n from citizen c join municipality m on m.id = c.municipality_id where m.code = '760'`,
      )
      .catch(() => ({ rows: [{ n: '0' }] }));
    return Number(r.rows[0]?.n ?? 0) >= want;
  } finally {
    await client.end();
  }
}

async function build(target: { url: string } | { dataDir: string }, size: SizeName) {
  const started = performance.now();
  const database = await openDatabase(
    'url' in target ? { kind: 'postgres', url: target.url, poolSize: 2 } : { kind: 'pglite', dataDir: target.dataDir },
  );
  try {
    await migrateDatabase(database);
    await importFfb(database);
    const report = await generate(database, { size, today: TODAY, log: (line) => console.log(`  ${line}`) });
    const rows = Object.values(report.rows).reduce((s, n) => s + (n ?? 0), 0);
    console.log(`generated ${size}: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

/** A reused data set gets the migrations this checkout added since it was built. */
async function migrated(options: Parameters<typeof openDatabase>[0]) {
  const database = await openDatabase(options);
  try {
    await migrateDatabase(database);
  } finally {
    await database.close();
  }
}

const startServers = (env: Record<string, string>, cwd?: string) => startLoadServers<Ids>(env, cwd);

function copyOf(dir: string): string {
  const copy = `${dir}-compare`;
  execFileSync('rm', ['-rf', copy]);
  execFileSync('cp', ['-r', dir, copy]);
  return copy;
}

type Variant = { name: string; servers: Awaited<ReturnType<typeof startServers>>; cookies: Record<Who, string> };

/**
 * PostgreSQL only: what the app's backends are doing, sampled every 20 ms while a page is loaded (pg_stat_activity of
 * the benchmark database, this sampler excluded): running, waiting for a lock (the audit chain's advisory lock shows
 * as Lock/advisory), idle in a transaction (waiting for Node), idle. Shares of all samples.
 */
function sampleBackends(url: string | undefined) {
  if (!url) return { stop: async () => null };
  const client = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const r = await client.query<{ k: string }>(
        `select case when state = 'active' and wait_event_type = 'Lock' then 'lock:' || wait_event
                     when state = 'active' and wait_event_type is not null and wait_event_type <> 'Client' then 'wait:' || wait_event_type
                     when state = 'active' then 'running' else coalesce(state, 'other') end k
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      for (const row of r.rows) counts.set(row.k, (counts.get(row.k) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await client.end();
      const all = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return Object.fromEntries([...counts].map(([k, v]) => [k, Math.round((v / all) * 100)]));
    },
  };
}

async function benchmark(label: string, env: Record<string, string>, compare?: string) {
  const variants: Variant[] = [];
  try {
    for (const [name, cwd] of [...(compare ? [['before', compare]] : []), ['this', process.cwd()]] as [string, string][]) {
      // PGlite is one process's: the other checkout gets a copy of the data directory.
      const own = name === 'before' && env.BENCH_DATA_DIR ? { BENCH_DATA_DIR: copyOf(env.BENCH_DATA_DIR) } : env;
      const servers = await startServers(own, cwd);
      const cookies = Object.fromEntries(
        await Promise.all(
          (Object.entries(LOGINS) as [Who, string][]).map(async ([who, login]) => [
            who,
            await demoLoginCookie(servers.app, login),
          ]),
        ),
      ) as Record<Who, string>;
      variants.push({ name, servers, cookies });
    }
    const first = variants[0] as Variant;
    const ids = first.servers.ids;
    const pages = args.pages ? PAGES.filter((p) => args.pages?.split(',').some((x) => p.name.includes(x))) : PAGES;
    const bare = ids.lookupIds.map((id) => `/bare/${ids.municipalityId}/${id}`);
    const results = new Map<
      string,
      { bare: Sample[]; page: Sample[]; backends: Record<string, number>[]; cpu: Cpu[]; bareCpu: Cpu[]; paced: Sample[] }
    >();
    const db = env.BENCH_DATABASE_URL ? clusterPids(await dataDirectoryOf(env.BENCH_DATABASE_URL)) : () => [];
    // A short warm-up of every route (JIT, caches, plans), not counted.
    for (const v of variants) {
      for (const page of pages) {
        for (const path of page.paths(ids).slice(0, 3)) {
          await fetch(`${v.servers.app}${path}`, { headers: { cookie: v.cookies[page.who] } });
        }
      }
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const page of pages) {
        const paths = page.paths(ids);
        if (!paths.length) throw new Error(`${page.name}: no ids to vary over`);
        const bareMeter = cpuMeter({ app: () => [first.servers.child.pid as number], database: db });
        const b = await load(first.servers.bare, bare, {});
        const bareCpu = perRequest(bareMeter.stop(), b.requests);
        for (const v of variants) {
          const sampler = sampleBackends(env.BENCH_DATABASE_URL);
          const meter = cpuMeter({ app: () => [v.servers.child.pid as number], database: db });
          const p = await load(v.servers.app, paths, { cookie: v.cookies[page.who] });
          const cpu = perRequest(meter.stop(), p.requests);
          const backends = await sampler.stop();
          await drain(v.servers.app);
          const paced = PACED
            ? await loadPaths({
                url: v.servers.app,
                paths,
                headers: { cookie: v.cookies[page.who] },
                connections: PACED_CONNECTIONS,
                seconds: SECONDS,
                overallRate: PACED,
              })
            : undefined;
          if (paced) await drain(v.servers.app);
          const key = `${page.name}\u0000${v.name}`;
          const entry = results.get(key) ?? { bare: [], page: [], backends: [], cpu: [], bareCpu: [], paced: [] };
          if (paced) entry.paced.push(paced);
          entry.bare.push(b);
          entry.page.push(p);
          entry.cpu.push(cpu);
          entry.bareCpu.push(bareCpu);
          if (backends) entry.backends.push(backends);
          results.set(key, entry);
          console.log(
            `  [${label} round ${round}] ${page.name} (${v.name}): ${p.rps.toFixed(0)} req/s p50 ${p.p50} p99 ${p.p99} errors ${p.errors}` +
              ` | bare ${b.rps.toFixed(0)} req/s p50 ${b.p50} p99 ${b.p99} | ratio ${(p.rps / b.rps).toFixed(3)}` +
              ` | CPU ms/request ${fmtCpu(cpu)} (bare ${fmtCpu(bareCpu)})` +
              (paced ? ` | at ${PACED} req/s: p50 ${paced.p50} p99 ${paced.p99} errors ${paced.errors}` : '') +
              (backends ? ` | backends ${JSON.stringify(backends)}` : ''),
          );
        }
      }
    }
    const rows = [...results].map(([key, r]) => {
      const [page, variant] = key.split('\u0000') as [string, string];
      return {
        page,
        variant,
        rps: median(r.page.map((s) => s.rps)),
        p50: median(r.page.map((s) => s.p50)),
        p975: median(r.page.map((s) => s.p975)),
        p99: median(r.page.map((s) => s.p99)),
        errors: r.page.reduce((s, x) => s + x.errors, 0),
        requests: r.page.reduce((s, x) => s + x.requests, 0),
        bareRps: median(r.bare.map((s) => s.rps)),
        bareP99: median(r.bare.map((s) => s.p99)),
        ratio: median(r.page.map((s, i) => s.rps / (r.bare[i]?.rps ?? Number.NaN))),
        backends: r.backends.at(-1) ?? null,
        pacedP50: median(r.paced.map((s) => s.p50)),
        pacedP99: median(r.paced.map((s) => s.p99)),
        cpu: medianCpu(r.cpu),
        bareCpu: medianCpu(r.bareCpu),
      };
    });
    const plans = args.plans && env.BENCH_DATABASE_URL ? await capturePlans(variants.at(-1) as Variant, pages, ids) : '';
    const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
    const table = [
      `### ${label}: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s, medians (load average at the end: ${loadavg()[0]?.toFixed(1)})`,
      '',
      `| page (API) | code | requests/s | p50 | p97.5 | p99 | errors / requests | bare look-up req/s (p99) | ratio to bare | CPU ms/request: app + database + load generator | bare's | requests/s the cores allow |${PACED ? ` at ${PACED} req/s (${PACED_CONNECTIONS} connections): p50, p99 |` : ''}`,
      `|---|---|---|---|---|---|---|---|---|---|---|---|${PACED ? '---|' : ''}`,
      ...rows.map(
        (r) =>
          `| ${r.page} | ${r.variant} | ${fmt(r.rps)} | ${fmt(r.p50)} ms | ${fmt(r.p975)} ms | ${fmt(r.p99)} ms | ${r.errors} / ${fmt(r.requests)} | ${fmt(r.bareRps)} (${fmt(r.bareP99)} ms) | ${r.ratio.toFixed(3)} | ${fmtCpu(r.cpu)} | ${fmtCpu(r.bareCpu)} | ${fmt(cpuBound(r.cpu))} |${PACED ? ` ${fmt(r.pacedP50)} ms, ${fmt(r.pacedP99)} ms |` : ''}`,
      ),
      '',
      `CPU ms/request: CPU time of the app's process, the database cluster's processes and this load generator over the run, over its requests (/proc; bench/load-runner.ts cpuMeter). "Requests/s the cores allow": this machine's ${CORES} cores over their sum, the rate no tuning of waits could exceed while the page costs that much CPU.${PACED ? ` "At ${PACED} req/s": the same page paced at that rate in all over ${PACED_CONNECTIONS} connections (below saturation: the wait a user sees when the server is busy but keeping up).` : ''}`,
    ].join('\n');
    console.log(`\n${table}\n`);
    if (plans) console.log(`${plans}\n`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(
      join('bench/results', `load-${first.servers.kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
      JSON.stringify({ label, connections: CONNECTIONS, rounds: ROUNDS, seconds: SECONDS, loadavg: loadavg(), rows }, null, 2),
    );
    return plans ? `${table}\n\n${plans}` : table;
  } finally {
    for (const v of variants) await stopLoadServers(v.servers.child);
  }
}

type PlanSummary = {
  statement: string;
  ms: number;
  planMs: number;
  indexes: string[];
  seqScans: string[];
  sorts: string[];
  flagged: boolean;
};

/** Method step 6: each page's reads with their plans (bench/load-server.ts GET /plans), as Markdown and JSON. */
async function capturePlans(v: Variant, pages: Page[], ids: Ids): Promise<string> {
  const out: { page: string; path: string; status: number; statements: number; plans: PlanSummary[] }[] = [];
  for (const page of pages) {
    const path = page.paths(ids)[0] as string;
    const res = await fetch(`${v.servers.bare}/plans?path=${encodeURIComponent(path)}`, {
      headers: { cookie: v.cookies[page.who] },
    });
    if (!res.ok) throw new Error(`plans of ${page.name}: ${res.status} ${await res.text()}`);
    const r = (await res.json()) as { status: number; statements: number; plans: PlanSummary[] };
    out.push({ page: page.name, path, ...r });
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    join('bench/results', `plans-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    JSON.stringify(out, null, 2),
  );
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    "### The pages' reads and their plans on this data (EXPLAIN ANALYZE, one request per page)",
    '',
    '| page (API, answer) | statement | ms | planning ms | indexes | sequential scans | sorts | flag |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const p of out) {
    for (const s of p.plans) {
      lines.push(
        `| ${p.page} (${p.status}) | \`${cell(s.statement.slice(0, 160))}${s.statement.length > 160 ? '…' : ''}\` | ${s.ms} | ${s.planMs} | ${cell(s.indexes.join('; ')) || '–'} | ${cell(s.seqScans.join('; ')) || '–'} | ${cell(s.sorts.join('; ')) || '–'} | ${s.flagged ? '**scans or sorts the municipality**' : ''} |`,
      );
    }
  }
  const flagged = out.flatMap((p) => p.plans.filter((s) => s.flagged).map(() => p.page));
  lines.push(
    '',
    flagged.length ? `Flagged: ${flagged.length} statements (${[...new Set(flagged)].join(', ')}).` : 'Flagged: none.',
  );
  return lines.join('\n');
}

const size = args.size as SizeName;
const pgliteSize = args['pglite-size'] as SizeName;
for (const s of [size, pgliteSize]) if (!SIZE_NAMES.includes(s)) throw new Error(`sizes are ${SIZE_NAMES.join(', ')}`);
const tables: string[] = [];

if (!args['pglite-only']) {
  let url = args['database-url'];
  let clusterDir: string | undefined;
  if (!url) {
    clusterDir = mkdtempSync(join(tmpdir(), 'vt-bench-pg.'));
    url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', clusterDir], { encoding: 'utf8' }).trim();
    console.log(`PostgreSQL cluster in ${clusterDir}: ${url}`);
  }
  try {
    if (!(await hasDataSet(url, size))) await build({ url }, size);
    else {
      console.log(`reusing the ${size} data set at ${url}`);
      await migrated({ kind: 'postgres', url, poolSize: 1 });
    }
    tables.push(
      await benchmark(
        `PostgreSQL, ${size}`,
        { BENCH_DATABASE_URL: url, ...(args.plans ? { BENCH_PLANS: '1' } : {}) },
        args.compare,
      ),
    );
  } finally {
    if (clusterDir) execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', clusterDir]);
  }
}
if (!args['no-pglite']) {
  const dataDir = args['data-dir'] ?? mkdtempSync(join(tmpdir(), 'vt-bench-pglite.'));
  const probe = await openDatabase({ kind: 'pglite', dataDir });
  const present = await probe.adminTransaction(async (tx) => {
    const [t] = await tx.query<{ t: string | null }>(`select to_regclass('citizen')::text t`);
    if (!t?.t) return false;
    const r = await tx.query<{ n: number }>(
      `select count(*)::int n from citizen c join municipality m on m.id = c.municipality_id where m.code = '760'`,
    );
    return (r[0]?.n ?? 0) >= (SIZES[pgliteSize].load['760']?.citizens ?? 0);
  });
  await probe.close();
  if (!present) await build({ dataDir }, pgliteSize);
  else await migrated({ kind: 'pglite', dataDir });
  tables.push(await benchmark(`PGlite, ${pgliteSize}`, { BENCH_DATA_DIR: dataDir }, args.compare));
}
console.log(tables.join('\n\n'));
