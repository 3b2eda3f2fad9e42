import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdOf } from '../../src/server/platform/auth/session.ts';
import { sessions } from '../../src/server/platform/auth/sessions.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

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

/** The session row behind a test session's cookie (the cookie is `<municipality>.<token>.<signature>`). */
function rowIdOf(session: Session): string {
  const unsigned = app.unsignCookie(session.cookies.vt_session ?? '');
  return sessionIdOf(String(unsigned.value).split('.')[1] ?? '');
}

const sessionRows = (userId: string) =>
  inSystem(database, (tx) => tx.selectFrom('app_session').selectAll().where('user_id', '=', userId).execute());

async function moveClock(session: Session, set: { lastSeenMinutesAgo?: number; expiresMinutesAgo?: number }) {
  await inSystem(database, async (tx) => {
    if (set.lastSeenMinutesAgo !== undefined) {
      await sql`update app_session set last_seen_at = now() - make_interval(mins => ${set.lastSeenMinutesAgo})
                where id = ${rowIdOf(session)}`.execute(tx);
    }
    if (set.expiresMinutesAgo !== undefined) {
      await sql`update app_session set expires_at = now() - make_interval(mins => ${set.expiresMinutesAgo})
                where id = ${rowIdOf(session)}`.execute(tx);
    }
  });
}

const reads = (s: Session) => s.get('/api/citizens?q=Kjærsgaard');
const writes = (s: Session) => s.send('POST', '/api/citizens', { cpr: '680299-2222', firstName: 'Ny', lastName: 'Borger' });

describe(`server-side sessions on ${TEST_DB}`, () => {
  it('keeps the session in the database and only a reference in the cookie', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const cookie = caseworker.cookies.vt_session ?? '';
    expect(cookie).not.toContain(caseworker.userId);
    const rows = await sessionRows(caseworker.userId);
    expect(rows.map((r) => r.id)).toContain(rowIdOf(caseworker));
    // The token itself is not stored: only its SHA-256.
    const token = String(app.unsignCookie(cookie).value).split('.')[1] ?? '';
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect((await reads(caseworker)).statusCode).toBe(200);
  });

  it('ends the session at log-out: the same cookie then gets 401 for reads and writes, and is cleared', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    expect((await reads(caseworker)).statusCode).toBe(200);
    const out = await caseworker.send('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    // The attacker's copy of the cookie, reused after log-out.
    const read = await reads(caseworker);
    expect(read.statusCode).toBe(401);
    expect(read.json()).toMatchObject({ code: 'unauthenticated' });
    expect(read.cookies.find((c) => c.name === 'vt_session')?.value).toBe('');
    expect((await writes(caseworker)).statusCode).toBe(401);
    const me = await caseworker.get('/api/auth/me');
    expect((me.json() as { user: unknown }).user).toBeNull();
    expect((await sessionRows(caseworker.userId)).map((r) => r.id)).not.toContain(rowIdOf(caseworker));
    const logout = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').selectAll().where('request_id', '=', String(out.headers['x-request-id'])).execute(),
    );
    expect(logout).toMatchObject([{ action: 'logout', actor_user_id: caseworker.userId }]);
  });

  it('logging out ends only that session, not the same user’s other sessions', async () => {
    const laptop = await loginAs(app, 'team_leader');
    const phone = await loginAs(app, 'team_leader');
    await laptop.send('POST', '/api/auth/logout');
    expect((await reads(laptop)).statusCode).toBe(401);
    expect((await reads(phone)).statusCode).toBe(200);
  });

  it.each([
    ['idle for 31 minutes (the default limit is 30)', { lastSeenMinutesAgo: 31 }, 401],
    ['idle for 29 minutes', { lastSeenMinutesAgo: 29 }, 200],
    ['past its absolute lifetime (SESSION_HOURS)', { expiresMinutesAgo: 1 }, 401],
  ])('a session %s (%j) answers %i', async (_label, clock, status) => {
    const caseworker = await loginAs(app, 'caseworker');
    await moveClock(caseworker, clock);
    expect((await reads(caseworker)).statusCode).toBe(status);
  });

  it('moves the idle clock when used, but not on every request', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const lastSeen = async () => (await sessionRows(caseworker.userId)).find((r) => r.id === rowIdOf(caseworker))?.last_seen_at;
    const fresh = await lastSeen();
    await reads(caseworker);
    expect(await lastSeen()).toEqual(fresh);
    await moveClock(caseworker, { lastSeenMinutesAgo: 20 });
    const before = await lastSeen();
    expect((await reads(caseworker)).statusCode).toBe(200);
    const after = await lastSeen();
    expect(after?.getTime()).toBeGreaterThan((before?.getTime() ?? 0) + 19 * 60_000);
    // Twenty idle minutes later it still works: the clock was moved.
    await moveClock(caseworker, { lastSeenMinutesAgo: 20 });
    expect((await reads(caseworker)).statusCode).toBe(200);
  });

  it('takes the idle limit from the setting', async () => {
    const strict = await testApp(database, { sessionIdleMinutes: 5 });
    const caseworker = await loginAs(strict, 'caseworker');
    await moveClock(caseworker, { lastSeenMinutesAgo: 6 });
    expect((await caseworker.get('/api/citizens?q=Kjærsgaard')).statusCode).toBe(401);
    await strict.close();
  });

  it('refuses a cookie whose municipality was changed (signature) or whose token is unknown', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const value = String(app.unsignCookie(caseworker.cookies.vt_session ?? '').value);
    const [municipalityId = '', token = ''] = value.split('.');
    const forgedToken = app.signCookie(`${municipalityId}.${'A'.repeat(43)}`);
    const otherTenant = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    const otherMunicipality = String(app.unsignCookie(otherTenant.cookies.vt_session ?? '').value).split('.')[0];
    const movedTenant = app.signCookie(`${otherMunicipality}.${token}`);
    for (const cookie of [forgedToken, movedTenant, `${municipalityId}.${token}`]) {
      const res = await app.inject({ method: 'GET', url: '/api/citizens?q=a', cookies: { vt_session: cookie } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('sweeps the rows of sessions that ended by time, and keeps live ones', async () => {
    const idle = await loginAs(app, 'caseworker');
    const live = await loginAs(app, 'caseworker');
    await moveClock(idle, { lastSeenMinutesAgo: 45 });
    const swept = await sessions.sweep(database, { secret: 'x', maxHours: 8, idleMinutes: 30 });
    expect(swept).toBeGreaterThanOrEqual(1);
    const ids = (await sessionRows(idle.userId)).map((r) => r.id);
    expect(ids).not.toContain(rowIdOf(idle));
    expect(ids).toContain(rowIdOf(live));
  });
});

describe(`an administrator ends sessions on ${TEST_DB}`, () => {
  it('lists the municipality’s staff with their live sessions, filtered by a name prefix', async () => {
    const admin = await loginAs(app, 'administrator');
    const maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
    const res = await admin.get('/api/admin/users?q=mar');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { id: string; name: string; liveSessions: number; lastSeenAt: string | null }[] };
    const row = body.items.find((u) => u.id === maria.userId);
    expect(row).toMatchObject({ name: 'Maria Vestergaard', active: true });
    expect(row?.liveSessions).toBeGreaterThanOrEqual(1);
    expect(body.items.every((u) => u.name.toLowerCase().startsWith('mar'))).toBe(true);
    const all = (await admin.get('/api/admin/users?pageSize=100')).json() as { items: { role: string }[] };
    expect(all.items.some((u) => u.role === 'citizen')).toBe(false);
    const citizens = (await admin.get('/api/admin/users?role=citizen')).json() as { items: { role: string }[] };
    expect(citizens.items.length).toBeGreaterThan(0);
    expect(citizens.items.every((u) => u.role === 'citizen')).toBe(true);
  });

  it('ends every session of a user at once, audited, and leaves other users alone', async () => {
    const admin = await loginAs(app, 'administrator');
    const laptop = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
    const phone = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
    const bystander = await loginAs(app, 'team_leader');
    const live = (await sessionRows(laptop.userId)).length;
    const res = await admin.send('POST', `/api/admin/users/${laptop.userId}/end-sessions`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: live });
    expect((await reads(laptop)).statusCode).toBe(401);
    expect((await reads(phone)).statusCode).toBe(401);
    expect((await reads(bystander)).statusCode).toBe(200);
    const audit = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).execute(),
    );
    expect(audit).toMatchObject([
      {
        action: 'update',
        purpose: 'administration',
        record_type: 'app_user',
        record_id: laptop.userId,
        actor_role: 'administrator',
      },
    ]);
  });

  it('deactivating a user ends their sessions and stops new log-ins; reactivating lets them in again', async () => {
    const admin = await loginAs(app, 'administrator');
    const provider = await loginAs(app, 'provider_staff');
    const off = await admin.send('PUT', `/api/admin/users/${provider.userId}/active`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false });
    expect((await provider.get('/api/provider/orders')).statusCode).toBe(401);
    const csrf = (await provider.get('/api/auth/me')).json() as { csrfToken: string };
    const refused = await app.inject({
      method: 'POST',
      url: '/api/auth/demo-login',
      payload: { userId: provider.userId },
      headers: { 'x-csrf-token': csrf.csrfToken },
      cookies: { vt_csrf: csrf.csrfToken },
    });
    expect(refused.statusCode).toBe(401);
    const on = await admin.send('PUT', `/api/admin/users/${provider.userId}/active`, { active: true });
    expect(on.json()).toEqual({ active: true, sessionsEnded: 0 });
    const again = await loginAs(app, 'provider_staff');
    expect(again.userId).toBe(provider.userId);
  });

  it('a user deactivated in the database directly (e.g. by an HR sync) loses their live session at once', async () => {
    const analyst = await loginAs(app, 'analyst');
    expect((await analyst.get('/api/organisation/units')).statusCode).toBe(200);
    await inSystem(database, (tx) =>
      tx.updateTable('app_user').set({ active: false }).where('id', '=', analyst.userId).execute(),
    );
    try {
      expect((await analyst.get('/api/organisation/units')).statusCode).toBe(401);
    } finally {
      await inSystem(database, (tx) =>
        tx.updateTable('app_user').set({ active: true }).where('id', '=', analyst.userId).execute(),
      );
    }
  });

  it('refuses an administrator deactivating themselves, another municipality’s user, and non-administrators', async () => {
    const admin = await loginAs(app, 'administrator');
    const self = await admin.send(
      'PUT',
      `/api/admin/users/${admin.userId}/active`,
      { active: false },
      { 'accept-language': 'en' },
    );
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({
      fields: [{ path: 'active', message: 'You cannot deactivate yourself. Ask another administrator.' }],
    });
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await admin.send('POST', `/api/admin/users/${randers.userId}/end-sessions`)).statusCode).toBe(404);
    expect((await reads(randers)).statusCode).toBe(200);
    const caseworker = await loginAs(app, 'caseworker');
    expect((await caseworker.get('/api/admin/users')).statusCode).toBe(403);
    expect((await caseworker.send('POST', `/api/admin/users/${admin.userId}/end-sessions`)).statusCode).toBe(404);
  });
});
