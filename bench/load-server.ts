/**
 * The servers of the load benchmark (bench/load.bench.ts), in a process of their own so the load generator does not
 * share their event loop: the app as `npm start` composes it, and beside it a bare Fastify server answering one
 * primary-key look-up of a citizen on the same database (the baseline: what the database and HTTP cost, nothing of
 * Visitator). The rounds of the benchmark never load both at once.
 *   BENCH_DATABASE_URL=postgres://… | BENCH_DATA_DIR=DIR  [BENCH_POOL=10]  npx tsx bench/load-server.ts
 * Prints one JSON line: the two base URLs and the ids the benchmark varies its requests over.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/platform/db/database.ts';
import { pgTypes } from '../src/server/platform/db/type-parsers.ts';
import { serveForBench } from './bench-app.ts';

const url = process.env.BENCH_DATABASE_URL;
const poolSize = Number(process.env.BENCH_POOL ?? 10);
const database: Database = url
  ? await openDatabase({ kind: 'postgres', url, poolSize })
  : await openDatabase({ kind: 'pglite', dataDir: process.env.BENCH_DATA_DIR ?? '' });

// BENCH_PLANS (PostgreSQL): every statement the app's connections send is recorded while a page is fetched for its
// plan (bench/load.bench.ts --plans), one request at a time. Set before the app opens any connection.
const captured: { text: string; values: unknown[] }[] = [];
let capturing = false;
if (url && process.env.BENCH_PLANS) {
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...a) {
    if (capturing && typeof a[0] === 'string') captured.push({ text: a[0], values: Array.isArray(a[1]) ? a[1] : [] });
    // A named (prepared) statement comes as a config object (platform/db/database.ts namedStatements).
    const named = a[0] as { name?: string; text?: string; values?: unknown[] } | undefined;
    if (capturing && named?.name && typeof named.text === 'string')
      captured.push({ text: named.text, values: named.values ?? [] });
    return query.apply(this, a);
  };
}

const { base } = await serveForBench(database, { logLevel: 'silent' });

// The bare look-up: one statement by primary key, as the schema owner, no session, no audit, no transaction.
const LOOKUP = 'select id, first_name, last_name, cpr from citizen where municipality_id = $1 and id = $2';
let lookup: (m: string, id: string) => Promise<unknown>;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes(pg.types) });
  lookup = async (m, id) => (await pool.query(LOOKUP, [m, id])).rows[0];
} else {
  const pglite = database.pglite;
  if (!pglite) throw new Error('no PGlite instance');
  lookup = async (m, id) => (await pglite.query(LOOKUP, [m, id])).rows[0];
}
const bare = Fastify({ logger: false });
bare.get<{ Params: { m: string; id: string } }>('/bare/:m/:id', async (request, reply) => {
  const row = await lookup(request.params.m, request.params.id);
  return row ?? reply.status(404).send({ error: 'not_found' });
});
if (url && process.env.BENCH_PLANS) planRoute(new pg.Pool({ connectionString: url, max: 1, types: pgTypes(pg.types) }));
const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });

// The ids the pages are asked about: the demo staff's own cases, citizens and orders in the large municipality.
const ids = await database.adminTransaction(async (tx) => {
  const staff = async (name: string) =>
    (
      await tx.query<{ id: string; municipality_id: string; unit_id: string }>(
        'select id, municipality_id, unit_id from app_user where name = $1',
        [name],
      )
    )[0];
  const maria = await staff('Maria Vestergaard');
  const rasmus = await staff('Rasmus Kjær');
  if (!maria || !rasmus) throw new Error('the demo staff are missing: generate the data first');
  const m = maria.municipality_id;
  const cases = await tx.query<{ id: string; citizen_id: string }>(
    'select id, citizen_id from case_file where municipality_id = $1 and caseworker_id = $2 order by id limit 200',
    [m, maria.id],
  );
  const citizens = await tx.query<{ id: string; last_name: string; cpr: string }>(
    `select p.id, p.last_name, p.cpr from citizen p where p.municipality_id = $1
       and p.id in (select citizen_id from case_file where municipality_id = $1 and caseworker_id = $2) order by p.id limit 200`,
    [m, maria.id],
  );
  const anyCitizens = await tx.query<{ id: string }>('select id from citizen where municipality_id = $1 order by id limit 2000', [
    m,
  ]);
  const orders = await tx.query<{ id: string }>(
    `select o.id from case_order o where o.municipality_id = $1 and o.status = 'accepted'
       and o.offer_id in (select f.id from offer f join app_user_offer ou on ou.unit_id = f.org_unit_id
                          where ou.municipality_id = $1 and ou.user_id = $2)
     order by o.id limit 200`,
    [m, rasmus.id],
  );
  return {
    municipalityId: m,
    caseIds: cases.map((c) => c.id),
    citizenIds: citizens.map((c) => c.id),
    surnames: [...new Set(citizens.map((c) => c.last_name))],
    cprs: citizens.map((c) => c.cpr),
    lookupIds: anyCitizens.map((c) => c.id),
    orderIds: orders.map((o) => o.id),
  };
});

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Sort Key'?: string[];
  Plans?: PlanNode[];
};

/** A page query's plan, summed up: the indexes it uses, and what it reads or sorts in full. */
function summarise(text: string, explained: { Plan: PlanNode; 'Execution Time': number; 'Planning Time'?: number }) {
  const indexes = new Set<string>();
  const seqScans: string[] = [];
  const sorts: string[] = [];
  let flagged = false;
  const walk = (n: PlanNode) => {
    const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
    if (n['Index Name']) indexes.add(`${n['Index Name']} (${n['Node Type']})`);
    if (n['Node Type'] === 'Seq Scan') {
      seqScans.push(`${n['Relation Name']} (${rows} rows)`);
      // A sequential scan that returns this many rows reads a municipality's table, not a page of it.
      if (rows > 5000) flagged = true;
    }
    if (n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') {
      sorts.push(`${(n['Sort Key'] ?? []).join(', ')} (${rows} rows)`);
      if (rows > 5000) flagged = true;
    }
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(explained.Plan);
  return {
    statement: text.replace(/\s+/g, ' ').trim(),
    ms: Math.round(explained['Execution Time'] * 100) / 100,
    /** Planning (parse analysis excluded): paid again by every execution of an unnamed statement. */
    planMs: Math.round((explained['Planning Time'] ?? 0) * 100) / 100,
    indexes: [...indexes],
    seqScans,
    sorts,
    flagged,
  };
}

/**
 * GET /plans?path=…: fetches the page once with the given cookie while recording the app's statements, then runs each
 * read again under EXPLAIN (ANALYZE, BUFFERS) in one transaction that replays the request's `set_config` (role and
 * municipality: row-level security applies as for the page) and is rolled back.
 */
function planRoute(pool: pg.Pool) {
  bare.get<{ Querystring: { path: string } }>('/plans', async (request) => {
    captured.length = 0;
    capturing = true;
    const res = await fetch(`${base}${request.query.path}`, { headers: { cookie: String(request.headers.cookie ?? '') } });
    capturing = false;
    const statements = captured.splice(0);
    const client = await pool.connect();
    const plans: ReturnType<typeof summarise>[] = [];
    const seen = new Set<string>();
    try {
      await client.query('begin');
      for (const s of statements) {
        const t = s.text.trim().toLowerCase();
        if (t.startsWith('select set_config')) {
          await client.query(s.text, s.values);
          continue;
        }
        // Reads only: the audit append (a write, and the chain's lock) and locking reads are left out.
        const read = (t.startsWith('select') || t.startsWith('with')) && !/pg_advisory|audit_append|for update/.test(t);
        if (!read || seen.has(s.text)) continue;
        seen.add(s.text);
        await client.query('savepoint p');
        try {
          const r = await client.query<{
            'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number; 'Planning Time'?: number }];
          }>(`explain (analyze, buffers, format json) ${s.text}`, s.values);
          const plan = r.rows[0]?.['QUERY PLAN'][0];
          if (plan) plans.push(summarise(s.text, plan));
        } catch (error) {
          const failed = summarise(s.text, { Plan: { 'Node Type': 'error' }, 'Execution Time': 0 });
          plans.push({ ...failed, sorts: [`EXPLAIN failed: ${(error as Error).message}`], flagged: true });
        }
        await client.query('rollback to savepoint p');
      }
    } finally {
      await client.query('rollback').catch(() => {});
      client.release();
    }
    return { status: res.status, statements: statements.length, plans };
  });
}

process.stdout.write(`${JSON.stringify({ app: base, bare: bareBase, kind: database.kind, ids })}\n`);
process.on('SIGTERM', () => process.exit(0));
