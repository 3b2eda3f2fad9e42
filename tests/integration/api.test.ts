import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import { ConfigError, loadConfig } from '../../src/server/platform/config.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const [METTE, SOEREN, JENS] = NAMED_DEMO_CITIZENS;

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  app.get('/api/test/boom', { config: { access: 'public' } }, async () => {
    throw new Error('secret internal detail');
  });
  app.get('/api/test/undeclared', async () => ({ open: true }));
  caseworker = await loginAs(app, 'caseworker');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const citizenCount = () => inSystem(database, async (tx) => (await tx.selectFrom('citizen').select('id').execute()).length);

async function idOf(session: Session, cpr: string): Promise<string> {
  const res = await session.get(`/api/citizens?q=${cpr}`);
  const id = (res.json() as { items: { id: string }[] }).items[0]?.id;
  if (!id) throw new Error(`no citizen ${cpr}`);
  return id;
}

describe(`citizen search and overview on ${TEST_DB}`, () => {
  it.each([
    ['full CPR with hyphen', '740385-1234', ['Mette Kjærsgaard']],
    ['full CPR without hyphen', '7403851234', ['Mette Kjærsgaard']],
    ['birth date ddmmyy', '740385', ['Mette Kjærsgaard']],
    ['last name', 'kjærsgaard', ['Mette Kjærsgaard']],
    ['first and last name prefixes', 'sø østergå', ['Søren Østergård']],
  ])('finds by %s', async (_label, q, names) => {
    const res = await caseworker.get(`/api/citizens?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { firstName: string; lastName: string }[] };
    expect(body.items.map((c) => `${c.firstName} ${c.lastName}`)).toEqual(names);
  });

  it('pages results and reports the total', async () => {
    type Result = { items: { id: string }[]; total: number };
    const page1 = (await caseworker.get('/api/citizens?q=j&pageSize=5')).json() as Result;
    const page2 = (await caseworker.get('/api/citizens?q=j&pageSize=5&page=2')).json() as Result;
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBeGreaterThan(5);
    expect(page2.total).toBe(page1.total);
    expect(page2.items.length).toBe(Math.min(5, page1.total - 5));
    const ids2 = page2.items.map((i) => i.id);
    expect(page1.items.filter((i) => ids2.includes(i.id))).toEqual([]);
    const tooBig = await caseworker.get('/api/citizens?q=a&pageSize=1000');
    expect(tooBig.statusCode).toBe(400);
  });

  it('treats LIKE wildcards in a name as text', async () => {
    const res = await caseworker.get(`/api/citizens?q=${encodeURIComponent('%')}`);
    expect((res.json() as { total: number }).total).toBe(0);
  });

  it('shows a citizen with a substitute CPR marked as such', async () => {
    const res = await caseworker.get(`/api/citizens/${await idOf(caseworker, METTE.cpr)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cpr: METTE.cpr, substituteCpr: true, birthDate: '1985-03-14' });
    // Her demo history (src/server/db/generator/generate.ts): support under way and a recent application.
    const cases = (res.json() as { cases: { status: string }[] }).cases;
    expect(cases).toHaveLength(2);
    expect(cases.map((c) => c.status)).toContain('ordered');
  });

  it('answers 404 for another municipality’s citizen, an unknown id and an unknown route', async () => {
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    const jensId = await idOf(randers, JENS.cpr);
    expect((await caseworker.get(`/api/citizens/${jensId}`)).statusCode).toBe(404);
    expect((await caseworker.get('/api/citizens/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const unknown = await caseworker.get('/api/no-such-thing');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found', message: 'Det findes ikke.' });
  });

  it('gives provider staff 404, not 403, for a citizen without an order at their offer, and audits it', async () => {
    const provider = await loginAs(app, 'provider_staff');
    const id = await idOf(caseworker, SOEREN.cpr);
    const res = await provider.get(`/api/citizens/${id}`);
    expect(res.statusCode).toBe(404);
    const rows = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute(),
    );
    expect(rows).toMatchObject([{ action: 'access_denied', citizen_id: id, actor_role: 'provider_staff' }]);
  });

  it('shows the access log to administrators and refuses it to caseworkers', async () => {
    const id = await idOf(caseworker, METTE.cpr);
    await caseworker.get(`/api/citizens/${id}`);
    // A by-id route refuses with 404, so the refusal says nothing about whether the record exists.
    expect((await caseworker.get(`/api/citizens/${id}/access-log`)).statusCode).toBe(404);
    const admin = await loginAs(app, 'administrator');
    const log = (await admin.get(`/api/citizens/${id}/access-log?pageSize=50`)).json() as {
      items: { action: string; actorRole: string; purpose: string }[];
    };
    expect(log.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'read', actorRole: 'caseworker', purpose: 'case_processing' })]),
    );
  });
});

describe(`validation, errors and safety on ${TEST_DB}`, () => {
  it.each([
    ['da', 'Nogle felter er ikke udfyldt korrekt.', 'CPR-nummer skal have 10 cifre (ddmmåå-xxxx).', 'Feltet skal udfyldes.'],
    ['en', 'Some fields are not filled in correctly.', 'A CPR number has 10 digits (ddmmyy-xxxx).', 'This field is required.'],
  ])('answers 400 naming each field, in %s, and saves nothing', async (lang, message, cprMessage, required) => {
    const before = await citizenCount();
    const res = await caseworker.send('POST', '/api/citizens', { cpr: '12345', lastName: 'Hansen' }, { 'accept-language': lang });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      message,
      fields: expect.arrayContaining([
        { path: 'cpr', message: cprMessage },
        { path: 'firstName', message: required },
      ]),
    });
    expect(await citizenCount()).toBe(before);
  });

  it('refuses a CPR number whose date does not exist, and a duplicate CPR number', async () => {
    const badDate = await caseworker.send('POST', '/api/citizens', { cpr: '3002901234', firstName: 'A', lastName: 'B' });
    expect(badDate.json()).toMatchObject({ fields: [{ path: 'cpr', message: 'CPR-nummerets dato findes ikke.' }] });
    const dup = await caseworker.send('POST', '/api/citizens', { cpr: METTE.cpr, firstName: 'A', lastName: 'B' });
    expect(dup.statusCode).toBe(400);
    expect(dup.json()).toMatchObject({ fields: [{ path: 'cpr' }] });
  });

  it('creates a citizen, marks a substitute number, and audits the creation', async () => {
    const res = await caseworker.send('POST', '/api/citizens', {
      cpr: '680299-4321',
      firstName: 'Ny',
      lastName: 'Borger',
      postalCode: '6950',
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: string };
    const detail = (await caseworker.get(`/api/citizens/${id}`)).json();
    expect(detail).toMatchObject({ cpr: '6802994321', substituteCpr: true, birthDate: '1999-02-08' });
    const audit = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id'])
        .where('citizen_id', '=', id)
        .where('action', '=', 'create')
        .execute(),
    );
    expect(audit).toEqual([{ action: 'create', actor_user_id: caseworker.userId }]);
  });

  it('answers 409 when two people save the same version', async () => {
    const id = await idOf(caseworker, SOEREN.cpr);
    const { version } = (await caseworker.get(`/api/citizens/${id}`)).json() as { version: number };
    const other = await loginAs(app, 'team_leader');
    const first = await caseworker.send('PUT', `/api/citizens/${id}/contact`, { version, phone: '11 22 33 44' });
    const second = await other.send('PUT', `/api/citizens/${id}/contact`, { version, phone: '99 88 77 66' });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'conflict' });
    expect((await caseworker.get(`/api/citizens/${id}`)).json()).toMatchObject({ phone: '11 22 33 44', version: version + 1 });
  });

  it('never sends a stack trace or an internal message', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toMatch(/at .*\.ts/);
    expect(res.json()).toMatchObject({ code: 'internal_error' });
  });

  it('refuses a route that declares no access (deny by default)', async () => {
    expect((await caseworker.get('/api/test/undeclared')).statusCode).toBe(403);
  });

  it('answers 401 without a session and 403 on a changing request without the CSRF token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/citizens?q=a' })).statusCode).toBe(401);
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/citizens',
      cookies: caseworker.cookies,
      payload: { cpr: '7101901111', firstName: 'A', lastName: 'B' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it('sets the session cookie signed, httpOnly and SameSite=Lax, and a tampered cookie is no session', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
    const csrf = (me.json() as { csrfToken: string }).csrfToken;
    const users = (await app.inject({ method: 'GET', url: '/api/auth/demo-users' })).json() as { id: string }[];
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { userId: users[0]?.id },
      headers: { 'x-csrf-token': csrf },
      cookies: { vt_csrf: csrf },
    });
    const cookie = login.cookies.find((c) => c.name === 'vt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const forged = `${cookie?.value.slice(0, -2)}xx`;
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { vt_session: forged } });
    expect((res.json() as { user: unknown }).user).toBeNull();
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/citizens', '/api/citizens/{id}', '/api/auth/me']));
  });

  it('returns the organisation as a tree: municipality → center → offer', async () => {
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    const tree = (await randers.get('/api/organisation/units')).json() as { name: string; children: { name: string }[] }[];
    const csi = tree.find((u) => u.name === 'Center for Særlig Social Indsats');
    expect(csi?.children.map((c) => c.name)).toEqual(expect.arrayContaining(['Botilbuddet Blommevej', 'Myndighedsafdelingen']));
  });
});

describe('demo log-in', () => {
  it('cannot be enabled in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_LOGIN: 'true', SESSION_SECRET: 'x'.repeat(40) })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).demoLogin).toBe(false);
  });

  it('is gone when switched off', async () => {
    const off = await testApp(database, { demoLogin: false });
    expect((await off.inject({ method: 'GET', url: '/api/auth/demo-users' })).statusCode).toBe(404);
    await off.close();
  });
});
