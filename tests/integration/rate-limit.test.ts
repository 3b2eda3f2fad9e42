import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.ts';
import { sweepRateLimits } from '../../src/server/platform/http/rate-limit-store.ts';
import { testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const PUBLIC = '/api/public/catalogue/offers?municipality=760';
const get = (app: Awaited<ReturnType<typeof testApp>>, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: PUBLIC, remoteAddress, headers });

describe(`the rate limit, kept in the database, on ${TEST_DB}`, () => {
  it('is one count for two app servers on the same database, and a restart does not reset it', async () => {
    const a = await testApp(database, { rateLimitPerMinute: 5 });
    const b = await testApp(database, { rateLimitPerMinute: 5 });
    const ip = '198.51.100.1';
    const statuses = [];
    for (const app of [a, b, a, b, a]) statuses.push((await get(app, ip)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const sixth = await get(b, ip, { 'accept-language': 'en' });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ code: 'rate_limited', message: 'Too many requests. Wait a moment and try again.' });
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    await a.close();
    await b.close();
    const restarted = await testApp(database, { rateLimitPerMinute: 5 });
    expect((await get(restarted, ip)).statusCode).toBe(429);
    // Another client is not affected.
    expect((await get(restarted, '198.51.100.2')).statusCode).toBe(200);
    await restarted.close();
  });

  it('starts a new window when the old one has ended', async () => {
    const app = await testApp(database, { rateLimitPerMinute: 2 });
    const ip = '198.51.100.3';
    await get(app, ip);
    await get(app, ip);
    expect((await get(app, ip)).statusCode).toBe(429);
    await database.adminTransaction((tx) =>
      tx.query(`update rate_limit set window_start = now() - interval '61 seconds' where key like $1`, [`% ${ip}`]),
    );
    expect((await get(app, ip)).statusCode).toBe(200);
    await app.close();
  });

  it('counts a route with its own limit (the demo log-in, 30 a minute) in its own bucket', async () => {
    const app = await testApp(database, { rateLimitPerMinute: 1000 });
    const ip = '198.51.100.4';
    const login = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/demo-login',
        remoteAddress: ip,
        payload: { userId: '00000000-0000-4000-8000-000000000000' },
        headers: { 'x-csrf-token': 't' },
        cookies: { vt_csrf: 't' },
      });
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await login()).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 401)).toBe(true);
    expect(codes[30]).toBe(429);
    // The global count for the same client is untouched by the log-in bucket's refusals.
    expect((await get(app, ip)).statusCode).toBe(200);
    await app.close();
  });

  it('limits the API only: the health probes and the UI answer without counting', async () => {
    const app = await testApp(database, { rateLimitPerMinute: 1 });
    const ip = '198.51.100.5';
    await get(app, ip);
    expect((await get(app, ip)).statusCode).toBe(429);
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: ip })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz', remoteAddress: ip })).statusCode).toBe(200);
    await app.close();
  });

  it('sweeps counters whose window ended long ago', async () => {
    const app = await testApp(database, { rateLimitPerMinute: 100 });
    await get(app, '198.51.100.6');
    await database.adminTransaction((tx) =>
      tx.query(`update rate_limit set window_start = now() - interval '2 hours' where key like '% 198.51.100.6'`),
    );
    expect(await sweepRateLimits(database, 3600_000)).toBeGreaterThanOrEqual(1);
    const left = await sql<{ n: number }>`select count(*)::int as n from rate_limit where key like '% 198.51.100.6'`.execute(
      database.db,
    );
    expect(left.rows[0]?.n).toBe(0);
    await app.close();
  });
});

describe(`trusted proxies on ${TEST_DB}`, () => {
  it('ignores X-Forwarded-For by default: a client cannot pick a new address to slip past the limit', async () => {
    const app = await testApp(database, { rateLimitPerMinute: 2 });
    const ip = '198.51.100.7';
    const codes = [];
    for (const forged of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      codes.push((await get(app, ip, { 'x-forwarded-for': forged })).statusCode);
    }
    expect(codes).toEqual([200, 200, 429]);
    await app.close();
  });

  it('believes X-Forwarded-For only from a proxy named in TRUST_PROXY', async () => {
    const proxy = '192.0.2.10';
    const app = await testApp(database, { rateLimitPerMinute: 1, trustProxy: [proxy] });
    // Two clients behind the trusted proxy are counted apart.
    expect((await get(app, proxy, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(200);
    expect((await get(app, proxy, { 'x-forwarded-for': '203.0.113.2' })).statusCode).toBe(200);
    expect((await get(app, proxy, { 'x-forwarded-for': '203.0.113.1' })).statusCode).toBe(429);
    // The same header from anyone else is ignored.
    const stranger = '198.51.100.8';
    expect((await get(app, stranger, { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(200);
    expect((await get(app, stranger, { 'x-forwarded-for': '203.0.113.10' })).statusCode).toBe(429);
    await app.close();
  });
});
