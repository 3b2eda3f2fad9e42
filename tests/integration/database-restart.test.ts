import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { SYSTEM_CHAIN_ID } from '../../src/server/platform/audit/audit-chain.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import type { Lifecycle } from '../../src/server/platform/http/health.ts';
import { createShutdown } from '../../src/server/platform/shutdown.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const RKSK = stableUuid('municipality:760');

let database: Database & { url?: string };
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let metteId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  const found = (await caseworker.get(`/api/citizens?q=${NAMED_DEMO_CITIZENS[0].cpr}`)).json() as { items: { id: string }[] };
  metteId = found.items[0]?.id ?? '';
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`health probes on ${TEST_DB}`, () => {
  it('GET /healthz answers for the process, without a session or the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is ready when the database answers and has exactly this code’s migrations', async () => {
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'reachable', migrations: 'current', closing: false });
    // A newer version of the code migrated this database: this instance must not serve it.
    await database.adminTransaction((tx) =>
      tx.query(`insert into schema_migration (version, name, checksum) values (9999, '9999_from-the-future.sql', 'x')`),
    );
    try {
      const behind = await app.inject({ method: 'GET', url: '/readyz' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ status: 'not_ready', database: 'reachable', migrations: 'behind' });
    } finally {
      await database.adminTransaction((tx) => tx.query('delete from schema_migration where version = 9999'));
    }
  });
});

describe(`graceful shutdown on ${TEST_DB}`, () => {
  it('finishes the request in flight, turns /readyz away and takes no new requests, then closes', async () => {
    const own = await openTestDatabase();
    const lifecycle: Lifecycle = { closing: false };
    const server = await testApp(own, {}, undefined, lifecycle);
    const session = await loginAs(server, 'caseworker');
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    const cookie = Object.entries(session.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    // Hold the municipality's audit chain, so an audited read waits in flight (on PGlite: the one connection).
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const holding = own.db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(7341, hashtext(${RKSK}))`.execute(tx);
      await gate;
    });
    const inFlight = fetch(`${address}/api/citizens/${metteId}`, { headers: { cookie } });
    await new Promise((r) => setTimeout(r, 300));
    let exitCode: number | undefined;
    const shutdown = createShutdown({
      app: server,
      database: own,
      lifecycle,
      tasks: [],
      graceMs: 20_000,
      exit: (code) => {
        exitCode = code;
      },
    });
    const stopping = shutdown('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    expect(lifecycle.closing).toBe(true);
    // A new connection is refused while the old request still runs.
    await expect(fetch(`${address}/healthz`)).rejects.toThrow();
    setTimeout(release, 300);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(((await res.json()) as { firstName: string }).firstName).toBe('Mette');
    await holding;
    await stopping;
    expect(exitCode).toBe(0);
    await own.close().catch(() => {});
  });
});

const pgOnly = TEST_DB === 'postgres' ? describe : undefined;
pgOnly?.('a database that restarts (PostgreSQL)', () => {
  /** Loops of audited reads and writes from `workers` concurrent clients until `ms` have passed. */
  async function load(ms: number, workers: number, during: (elapsed: () => number) => Promise<void>) {
    const started = Date.now();
    const results: { at: number; status: number }[] = [];
    let stop = false;
    const worker = async (i: number) => {
      while (!stop) {
        const res =
          i % 2 === 0
            ? await caseworker.get(`/api/citizens/${metteId}`)
            : await caseworker.get(`/api/citizens?q=${encodeURIComponent('Kjærsgaard')}`);
        results.push({ at: Date.now() - started, status: res.statusCode });
      }
    };
    const running = Array.from({ length: workers }, (_, i) => worker(i));
    await during(() => Date.now() - started);
    await new Promise((r) => setTimeout(r, Math.max(0, ms - (Date.now() - started))));
    stop = true;
    await Promise.all(running);
    return results;
  }

  it('costs the requests in flight, not the process, when its backends are terminated under load; then recovers', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    let terminatedAt = 0;
    let terminated = 0;
    const results = await load(3000, 8, async (elapsed) => {
      await new Promise((r) => setTimeout(r, 800));
      const dbName = new URL(database.url ?? '').pathname.slice(1);
      const r = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [dbName],
      );
      terminatedAt = elapsed();
      terminated = r.rowCount ?? 0;
    });
    await admin.end();
    expect(terminated).toBeGreaterThan(0);
    const statuses = new Set(results.map((r) => r.status));
    // Only successes and 503s: no 500, and the test process (the server) is still here.
    expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const recovered = results.find((r) => r.at > terminatedAt && r.status === 200);
    expect(recovered).toBeDefined();
    expect(results.filter((r) => r.at > (recovered?.at ?? 0)).every((r) => r.status === 200)).toBe(true);
    console.log(
      `terminated ${terminated} backends at ${terminatedAt} ms; ${results.filter((r) => r.status === 503).length} of ${results.length} requests got 503; first 200 after it ${(recovered?.at ?? 0) - terminatedAt} ms later`,
    );
    // Nothing half-written: every audit row that committed is in an intact chain.
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it('answers 503 while the database is away, says so on /readyz, and recovers when it is back', async () => {
    const target = new URL(database.url ?? '');
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = new URL(target.href);
    viaProxy.port = String(proxy.port);
    const away = await openDatabase({ kind: 'postgres', url: viaProxy.href, poolSize: 3, connectTimeoutMs: 1000 });
    const proxied = await testApp(away);
    try {
      const session = await loginAs(proxied, 'caseworker');
      expect((await session.get(`/api/citizens/${metteId}`)).statusCode).toBe(200);

      await proxy.stop();
      const down = await session.get(`/api/citizens/${metteId}`, { 'accept-language': 'en' });
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
      expect(down.json()).toMatchObject({
        code: 'service_unavailable',
        message: expect.stringContaining('cannot reach its database'),
      });
      expect(down.body).not.toMatch(/ECONN|terminated|at .*\.ts/);
      const notReady = await proxied.inject({ method: 'GET', url: '/readyz' });
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json()).toMatchObject({ database: 'unreachable' });
      expect((await proxied.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      // The public catalogue and the log-in say the same, rather than 500.
      expect((await proxied.inject({ method: 'GET', url: '/api/public/catalogue/offers' })).statusCode).toBe(503);

      await proxy.start();
      expect((await session.get(`/api/citizens/${metteId}`)).statusCode).toBe(200);
      expect((await proxied.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    } finally {
      await proxied.close();
      await away.close();
      await proxy.stop();
    }
  });
});

describe(`the server process on ${TEST_DB}`, () => {
  it('starts, becomes ready, and on SIGTERM shuts down cleanly with exit code 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vt-sigterm-'));
    const env = {
      ...process.env,
      NODE_ENV: 'development',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    // From the sources (the journeys run the built server): no build races between the two database projects.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /ready on (http:\/\/[\d.:]+)/.exec(output);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      expect((await fetch(`${address}/readyz`)).status).toBe(200);
      // A failed log-in: an entry in the system chain that only the anchor at shutdown can cover.
      const csrf = ((await (await fetch(`${address}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
      const failed = await fetch(`${address}/api/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `vt_csrf=${csrf}` },
        body: JSON.stringify({ userId: '00000000-0000-4000-8000-000000000000' }),
      });
      expect(failed.status).toBe(401);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('shutting down');
      expect(output).toContain('shut down');
      const anchors = readFileSync(join(dataDir, 'audit-anchors.jsonl'), 'utf8').trim().split('\n');
      expect(JSON.parse(anchors.at(-1) ?? '{}')).toMatchObject({ chain: SYSTEM_CHAIN_ID, seq: expect.any(Number) });
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
