import { buildApp } from '../src/server/app.ts';
import { type Config, loadConfig } from '../src/server/platform/config.ts';
import type { Database } from '../src/server/platform/db/database.ts';

/** The app as `npm start` composes it, listening on loopback, with the limits a load benchmark needs lifted. */
export async function serveForBench(database: Database, overrides: Partial<Config> = {}) {
  const config = {
    ...loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0', WEB_DIR: '/nonexistent' }),
    rateLimitPerMinute: 100_000_000,
    ...overrides,
  };
  const app = await buildApp({ config, database });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, base };
}

/** Logs in over HTTP through the demo log-in as the named demo user; returns the Cookie header to send. */
export async function demoLoginCookie(base: string, name: string): Promise<string> {
  const me = await fetch(`${base}/api/auth/me`);
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const users = (await (await fetch(`${base}/api/auth/demo-users`)).json()) as { id: string; name: string }[];
  const login = await fetch(`${base}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `vt_csrf=${csrf}` },
    body: JSON.stringify({ userId: users.find((u) => u.name === name)?.id }),
  });
  if (login.status !== 200) throw new Error(`demo log-in as ${name} failed: ${login.status}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
