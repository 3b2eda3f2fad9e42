import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { purposeOf } from '../../src/rules/audit/audit-purpose.ts';
import { writeAudit } from '../../src/server/platform/audit/audit.ts';
import { auditActorOf } from '../../src/server/platform/auth/actor.ts';
import { contextOf } from '../../src/server/platform/auth/guard.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { runUseCase } from '../../src/server/platform/use-case.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * One transaction a request, and no work for a client that has gone away (platform/db/request-scope.ts; issue 11).
 * The routes below exist only in this test: a use case that says when its transaction began, and use cases that write
 * an audit row and then wait (in Node, or in a statement that sleeps) long enough for the client to leave.
 */
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let base: string;

/** The deliberately slow statement: long on PostgreSQL (it is cancelled), short on PGlite (it runs to its end). */
const SLEEP_SECONDS = TEST_DB === 'postgres' ? 20 : 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  app.get('/api/test/transaction-began', { config: { access: 'authenticated' } }, async (request) => {
    const handlerStarted = Date.now();
    await sleep(30);
    return runUseCase(contextOf(request, database), async (tx) => {
      const r = await sql<{ began: Date }>`select transaction_timestamp() as began`.execute(tx);
      return { handlerStarted, began: new Date(r.rows[0]?.began as Date).getTime() };
    });
  });
  const slow = (wait: (tx: Parameters<Parameters<typeof runUseCase>[1]>[0]) => Promise<unknown>) =>
    app.get(
      `/api/test/slow-${wait.name}`,
      { config: { access: 'authenticated' }, schema: { querystring: z.object({ mark: z.string() }) } },
      async (request) => {
        const ctx = contextOf(request, database);
        const mark = (request.query as { mark: string }).mark;
        return runUseCase(ctx, async (tx) => {
          await writeAudit(tx, auditActorOf(ctx), { action: 'read', purpose: purposeOf(ctx.actor.role), criterion: mark });
          await wait(tx);
          await writeAudit(tx, auditActorOf(ctx), { action: 'read', purpose: purposeOf(ctx.actor.role), criterion: mark });
          return { ok: true };
        });
      },
    );
  slow(async function node() {
    await sleep(1500);
  });
  slow(async function statement(tx) {
    await sql`select pg_sleep(${SLEEP_SECONDS})`.execute(tx);
  });
  caseworker = await loginAs(app, 'caseworker');
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A GET as the caseworker; `leave()` hangs up before the answer. */
function request(path: string): { leave(): void; ended: Promise<void> } {
  const cookie = Object.entries(caseworker.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  const req = httpRequest(`${base}${path}`, { headers: { cookie } });
  const ended = new Promise<void>((resolve) => {
    req.on('error', () => resolve());
    req.on('close', () => resolve());
  });
  req.end();
  return { leave: () => req.destroy(), ended };
}

const auditRows = (mark: string) =>
  inSystem(database, (tx) => tx.selectFrom('audit_log').select('id').where('criterion', '=', mark).execute());

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

describe(`one transaction a request, and cancellation, on ${TEST_DB}`, () => {
  it('runs the page’s use case in the transaction its session check began (before the handler ran)', async () => {
    const res = await caseworker.get('/api/test/transaction-began');
    expect(res.statusCode).toBe(200);
    const { handlerStarted, began } = res.json() as { handlerStarted: number; began: number };
    // A second transaction would have begun after the handler started (30 ms later, at the use case).
    expect(began).toBeLessThan(handlerStarted);
  });

  it('still answers, audited, with one transaction for the session and the page (the citizen overview)', async () => {
    const search = (await caseworker.get('/api/citizens?q=Kjærsgaard')).json() as { items: { id: string }[] };
    const id = search.items[0]?.id as string;
    const res = await caseworker.get(`/api/citizens/${id}`);
    expect(res.statusCode).toBe(200);
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'citizen_id'])
        .where('request_id', '=', String(res.headers['x-request-id']))
        .execute(),
    );
    expect(rows).toEqual([{ action: 'read', citizen_id: id }]);
  });

  it('rolls back a request whose client went away while Node worked between two statements: nothing saved', async () => {
    const mark = `abandoned-${randomUUID()}`;
    const r = request(`/api/test/slow-node?mark=${mark}`);
    await sleep(400);
    r.leave();
    await r.ended;
    // The use case wakes after 1.5 s; its next statement is refused and the transaction rolls back.
    await sleep(2000);
    expect(await auditRows(mark)).toEqual([]);
    // The app goes on serving (on PostgreSQL the abandoned connection was discarded, not returned to the pool).
    expect((await caseworker.get('/api/test/transaction-began')).statusCode).toBe(200);
  });

  // PostgreSQL stops the running statement at once. PGlite runs one statement at a time in this process and cannot be
  // interrupted (nor can Node hear the client leave while it runs): the statement runs to its end, and the request's
  // next statement is refused, so there too nothing is saved.
  it(`${TEST_DB === 'postgres' ? 'cancels' : 'cannot cancel, but rolls back after'} a running statement when the client goes away: nothing saved`, async () => {
    const mark = `cancelled-${randomUUID()}`;
    const running = async () =>
      TEST_DB === 'postgres'
        ? ((
            await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
              where query like '%pg_sleep(%' and state = 'active' and pid <> pg_backend_pid()`.execute(database.db)
          ).rows[0]?.n ?? 0)
        : 1;
    const r = request(`/api/test/slow-statement?mark=${mark}`);
    // On PostgreSQL: the statement is running when the client leaves.
    expect(await until(async () => (await running()) === 1)).toBe(true);
    const left = Date.now();
    r.leave();
    await r.ended;
    if (TEST_DB === 'postgres') {
      expect(await until(async () => (await running()) === 0)).toBe(true);
      // Cancelled, not run to its end (20 s).
      expect(Date.now() - left).toBeLessThan(10_000);
    } else await sleep(SLEEP_SECONDS * 1000 + 500);
    expect(await auditRows(mark)).toEqual([]);
    expect((await caseworker.get('/api/test/transaction-began')).statusCode).toBe(200);
  });
});
