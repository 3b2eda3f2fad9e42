import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { OIDC_TEST_CLIENT, startOidcProvider } from '../support/oidc-provider.ts';
import { testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const REDIRECT_URI = 'http://localhost:3000/api/auth/oidc/callback';
const MARIA_SUBJECT = 'demo-760-maria-vestergaard';

let database: Database;
let provider: Awaited<ReturnType<typeof startOidcProvider>>;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  provider = await startOidcProvider([REDIRECT_URI]);
  app = await testApp(database, {
    oidc: { issuer: provider.issuer, ...OIDC_TEST_CLIENT, redirectUri: REDIRECT_URI, allowInsecure: true },
  });
});
afterAll(async () => {
  await app.close();
  await provider.close();
  await database.close();
});

/** Drives the provider's login and consent pages like a browser: follow redirects, submit each form. */
async function loginAtProvider(authorizationUrl: string, subject: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(body ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next.href;
      body = undefined;
      continue;
    }
    const html = await res.text();
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page (${res.status}): ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'any' } : { prompt });
  }
  throw new Error('too many steps at the provider');
}

async function oidcLogin(subject: string) {
  const start = await app.inject({ method: 'GET', url: '/api/auth/oidc/login' });
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(String(start.headers.location));
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('code_challenge')).toBeTruthy();
  const stateCookie = start.cookies.find((c) => c.name === 'vt_oidc');
  const callback = await loginAtProvider(authUrl.href, subject);
  return app.inject({
    method: 'GET',
    url: `${callback.pathname}${callback.search}`,
    cookies: { vt_oidc: stateCookie?.value ?? '' },
  });
}

describe(`OIDC log-in (authorization code + PKCE) against a local oidc-provider, on ${TEST_DB}`, () => {
  it('logs a known user in and starts a session', async () => {
    const done = await oidcLogin(MARIA_SUBJECT);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/');
    const session = done.cookies.find((c) => c.name === 'vt_session');
    expect(session?.httpOnly).toBe(true);
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies: { vt_session: session?.value ?? '' } });
    expect(me.json()).toMatchObject({ user: { name: 'Maria Vestergaard', role: 'caseworker' }, oidcLogin: true });
  });

  it('logs a citizen in (as MitID would) to their own page, and nothing else', async () => {
    const done = await oidcLogin('demo-citizen-7403851234');
    expect(done.statusCode).toBe(302);
    // The citizen's own page is /mig (the UI has no /mit-overblik).
    expect(done.headers.location).toBe('/mig');
    const session = done.cookies.find((c) => c.name === 'vt_session');
    const cookies = { vt_session: session?.value ?? '' };
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', cookies });
    expect(me.json()).toMatchObject({ user: { name: 'Mette Kjærsgaard', role: 'citizen' } });
    const overview = await app.inject({ method: 'GET', url: '/api/me/overview', cookies });
    expect(overview.statusCode).toBe(200);
    expect(overview.json()).toMatchObject({ name: 'Mette Kjærsgaard' });
    expect((await app.inject({ method: 'GET', url: '/api/cases', cookies })).statusCode).toBe(403);
  });

  it('refuses an unknown subject and audits the failed log-in', async () => {
    const done = await oidcLogin('nobody-we-know');
    expect(done.headers.location).toBe('/login?error=unknown_user');
    expect(done.cookies.find((c) => c.name === 'vt_session')).toBeUndefined();
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'login_failed')
        .where('record_id', '=', 'nobody-we-know')
        .execute(),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a callback without the state cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(res.statusCode).toBe(401);
  });
});
