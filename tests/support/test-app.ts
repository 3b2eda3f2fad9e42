import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { OidcClient } from '../../src/server/modules/auth/index.ts';
import { fixedClock } from '../../src/server/platform/clock.ts';
import { type Config, loadConfig } from '../../src/server/platform/config.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import type { Lifecycle } from '../../src/server/platform/http/health.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'test-secret-test-secret-test-secret-0123', WEB_DIR: '/nonexistent' }),
    rateLimitPerMinute: 100_000,
    ...overrides,
  };
}

export async function testApp(
  database: Database,
  overrides: Partial<Config> = {},
  oidcClient?: OidcClient,
  lifecycle?: Lifecycle,
) {
  return buildApp({
    config: testConfig(overrides),
    database,
    ...(oidcClient ? { oidcClient } : {}),
    ...(lifecycle ? { lifecycle } : {}),
  });
}

/** The app with its clock standing still at `instant` (ISO): what every use case sees as now. */
export async function testAppAt(database: Database, instant: string) {
  return buildApp({ config: testConfig(), database, clock: fixedClock(instant) });
}

export type Session = {
  cookies: Record<string, string>;
  csrf: string;
  userId: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

export const MUNICIPALITY = {
  randers: 'Randers Kommune',
  rksk: 'Ringkøbing-Skjern Kommune',
  norddjurs: 'Norddjurs Kommune',
} as const;

/** Logs in through the demo log-in, as the first demo user with that role in that municipality (or the one named). */
export async function loginAs(
  app: FastifyInstance,
  role: string,
  municipalityName: string = MUNICIPALITY.rksk,
  name?: string,
): Promise<Session> {
  const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
  const csrf = (me.json() as { csrfToken: string }).csrfToken;
  const users = (await app.inject({ method: 'GET', url: '/api/auth/demo-users' })).json() as {
    id: string;
    name: string;
    role: string;
    municipalityName: string;
  }[];
  const user = users.find(
    (u) => u.role === role && u.municipalityName === municipalityName && (name === undefined || u.name === name),
  );
  if (!user) throw new Error(`No demo ${role} in ${municipalityName}`);
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/demo-login',
    payload: { userId: user.id },
    headers: { 'x-csrf-token': csrf },
    cookies: { vt_csrf: csrf },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookies: Record<string, string> = {};
  for (const c of login.cookies) cookies[c.name] = c.value;
  const sessionCsrf = (login.json() as { csrfToken: string }).csrfToken;
  return {
    cookies,
    csrf: sessionCsrf,
    userId: user.id,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, cookies, headers }),
    send: (method, url, payload, headers = {}) =>
      app.inject({
        method,
        url,
        cookies,
        headers: { 'x-csrf-token': sessionCsrf, ...headers },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      }),
  };
}
