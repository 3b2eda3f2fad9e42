import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import { SYSTEM_CHAIN_ID } from '../../src/server/platform/audit/audit-chain.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { AuditAction } from '../../src/shared/audit/audit.schema.ts';
import { loginAs, MUNICIPALITY, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const METTE = NAMED_DEMO_CITIZENS[0];

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const auditRows = (where: { citizenId?: string; requestId?: string; action?: AuditAction }) =>
  inSystem(database, (tx) => {
    let q = tx.selectFrom('audit_log').selectAll();
    if (where.citizenId) q = q.where('citizen_id', '=', where.citizenId);
    if (where.requestId) q = q.where('request_id', '=', where.requestId);
    if (where.action) q = q.where('action', '=', where.action);
    return q.orderBy('id').execute();
  });

async function findMette(session: Awaited<ReturnType<typeof loginAs>>): Promise<string> {
  const res = await session.get(`/api/citizens?q=${METTE.cpr}`);
  return (res.json() as { items: { id: string }[] }).items[0]?.id ?? '';
}

describe(`audit log on ${TEST_DB}`, () => {
  it('writes a read row with who, what, which citizen, why and the request id', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const id = await findMette(caseworker);
    const res = await caseworker.get(`/api/citizens/${id}`);
    expect(res.statusCode).toBe(200);
    const requestId = String(res.headers['x-request-id']);
    const [row] = await auditRows({ requestId });
    expect(row).toMatchObject({
      action: 'read',
      purpose: 'case_processing',
      citizen_id: id,
      record_type: 'citizen',
      record_id: id,
      actor_user_id: caseworker.userId,
      actor_role: 'caseworker',
      actor_unit_name: 'Myndighed, Handicap og Psykiatri',
      request_id: requestId,
    });
  });

  it('logs a search with its criterion', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const res = await caseworker.get('/api/citizens?q=Kjærsgaard');
    const [row] = await auditRows({ requestId: String(res.headers['x-request-id']) });
    expect(row).toMatchObject({ action: 'search', criterion: 'Kjærsgaard' });
  });

  it('does not serve a read whose audit row cannot be written (same transaction)', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const id = await findMette(caseworker);
    await database.adminTransaction(async (tx) => {
      await tx.exec(`create function refuse_read() returns trigger language plpgsql as $$
        begin if new.action = 'read' then raise exception 'audit unavailable'; end if; return new; end $$`);
      await tx.exec('create trigger refuse_read before insert on audit_log for each row execute function refuse_read()');
    });
    try {
      const res = await caseworker.get(`/api/citizens/${id}`);
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(METTE.firstName);
      expect(res.body).not.toContain('audit unavailable');
      expect(await auditRows({ requestId: String(res.headers['x-request-id']) })).toEqual([]);
    } finally {
      await database.adminTransaction((tx) => tx.exec('drop trigger refuse_read on audit_log; drop function refuse_read();'));
    }
  });

  it('writes access_denied when a role lacks the permission', async () => {
    const analyst = await loginAs(app, 'analyst');
    const res = await analyst.get('/api/citizens?q=Jensen');
    expect(res.statusCode).toBe(403);
    const [row] = await auditRows({ requestId: String(res.headers['x-request-id']) });
    expect(row).toMatchObject({ action: 'access_denied', actor_role: 'analyst', record_id: 'GET /api/citizens' });
  });

  it('records log-ins and failed log-ins', async () => {
    const session = await loginAs(app, 'team_leader');
    const logins = await auditRows({ action: 'login' });
    expect(logins.some((r) => r.actor_user_id === session.userId)).toBe(true);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
    const csrf = (me.json() as { csrfToken: string }).csrfToken;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { userId: '00000000-0000-4000-8000-000000000000' },
      headers: { 'x-csrf-token': csrf },
      cookies: { vt_csrf: csrf },
    });
    expect(bad.statusCode).toBe(401);
    const [failed] = await auditRows({ requestId: String(bad.headers['x-request-id']) });
    expect(failed).toMatchObject({
      action: 'login_failed',
      municipality_id: SYSTEM_CHAIN_ID,
      record_id: '00000000-0000-4000-8000-000000000000',
    });
  });

  it('verifies the hash chain and reports the first changed entry', async () => {
    const admin = await loginAs(app, 'administrator', MUNICIPALITY.randers);
    await admin.get('/api/citizens?q=Åberg');
    // Pages of 250 cross many page boundaries of the demo history's chains.
    const before = await verifyAuditChain(database, 250);
    expect(before.ok).toBe(true);
    const victim = (await auditRows({ action: 'search' }))[0];
    if (!victim) throw new Error('no search row');
    await database.adminTransaction((tx) =>
      tx.query(`update audit_log set criterion = 'nothing to see' where id = $1`, [victim.id]),
    );
    const after = await verifyAuditChain(database, 250);
    expect(after).toMatchObject({ ok: false, brokenAt: { id: victim.id, reason: expect.stringContaining('content') } });
    await database.adminTransaction((tx) =>
      tx.query('update audit_log set criterion = $1 where id = $2', [victim.criterion, victim.id]),
    );
    expect((await verifyAuditChain(database)).ok).toBe(true);
  });

  it('reports a removed entry at the entry after it', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    await caseworker.get('/api/citizens?q=Hansen');
    await caseworker.get('/api/citizens?q=Olsen');
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .selectAll()
        .where('municipality_id', '<>', SYSTEM_CHAIN_ID)
        .orderBy('id', 'desc')
        .limit(2)
        .execute(),
    );
    const [last, removed] = rows;
    if (!last || !removed) throw new Error('expected two rows');
    expect(last.municipality_id).toBe(removed.municipality_id);
    await database.adminTransaction((tx) => tx.query('delete from audit_log where id = $1', [removed.id]));
    const result = await verifyAuditChain(database);
    expect(result).toMatchObject({ ok: false, brokenAt: { id: last.id, reason: expect.stringContaining('prev_hash') } });
  });
});
