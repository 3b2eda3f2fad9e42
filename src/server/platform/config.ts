import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Only for a local test provider over http. */
  allowInsecure: boolean;
};

export type Config = {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  logLevel: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  sessionHours: number;
  demoLogin: boolean;
  seedDemo: boolean;
  oidc: OidcConfig | undefined;
  webDir: string;
  rateLimitPerMinute: number;
  secureCookies: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** Reads the settings from the environment. The README lists every one. */
export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const demoLogin = flag(env.DEMO_LOGIN, !production);
  if (production && demoLogin) {
    throw new ConfigError('DEMO_LOGIN cannot be enabled when NODE_ENV=production.');
  }
  const sessionSecret = env.SESSION_SECRET ?? (production ? undefined : localSecret(dataDir));
  if (!sessionSecret || sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be set to at least 32 characters.');
  }
  const oidc = env.OIDC_ISSUER
    ? {
        issuer: env.OIDC_ISSUER,
        clientId: required(env, 'OIDC_CLIENT_ID'),
        clientSecret: required(env, 'OIDC_CLIENT_SECRET'),
        redirectUri: required(env, 'OIDC_REDIRECT_URI'),
        allowInsecure: !production && env.OIDC_ISSUER.startsWith('http://'),
      }
    : undefined;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  return {
    env: nodeEnv,
    host: env.HOST ?? 'localhost',
    port,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sessionSecret,
    sessionHours: Number(env.SESSION_HOURS ?? 8),
    demoLogin,
    seedDemo: flag(env.SEED_DEMO, !env.DATABASE_URL || !production),
    oidc,
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 600),
    secureCookies: flag(env.SECURE_COOKIES, production),
  };
}

function required(env: Env, name: string): string {
  const v = env[name];
  if (!v) throw new ConfigError(`${name} must be set when OIDC_ISSUER is set.`);
  return v;
}

/** Outside production a secret is made once and kept in the data directory, so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
