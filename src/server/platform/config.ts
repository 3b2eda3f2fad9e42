import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Only for a local test provider over http. */
  allowInsecure: boolean;
};

/**
 * Where a CPR number is looked up when a citizen is created: Serviceplatformen's CPR service (SF1520, "Udvidet
 * person stamdata") once the municipality has a service agreement, the local demo register until then, or none.
 */
export type CprRegisterConfig =
  | { kind: 'demo' }
  | { kind: 'none' }
  | {
      kind: 'serviceplatformen';
      url: string;
      /** The IT system's certificate (PKCS#12) registered with the service agreement; none only for a local test stand-in. */
      pfxPath: string | undefined;
      pfxPassphrase: string | undefined;
      /** Serviceplatformen's invocation context: the agreement, the calling system, the user and the service. */
      serviceAgreementUuid: string;
      userSystemUuid: string;
      userUuid: string;
      serviceUuid: string;
      timeoutMs: number;
    };

export type Config = {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  logLevel: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: connections the app keeps to the database (PGlite has one). */
  databasePoolSize: number;
  /**
   * PostgreSQL: the longest a request's statement may run before the database cancels it (the request answers 503),
   * so a request nobody waits for any more, or a query gone wrong, stops costing the database. 0 = no limit.
   */
  statementTimeoutMs: number;
  /** PostgreSQL: statements each connection keeps prepared (parsed and planned once); 0 = none. */
  databasePreparedPerConnection: number;
  dataDir: string;
  sessionSecret: string;
  sessionHours: number;
  /** Minutes without a request after which a session has ended. */
  sessionIdleMinutes: number;
  demoLogin: boolean;
  seedDemo: boolean;
  oidc: OidcConfig | undefined;
  webDir: string;
  rateLimitPerMinute: number;
  /** Where the rate limit counts: 'database' (shared by every app server, kept across restarts) or 'memory'. */
  rateLimitStore: 'database' | 'memory';
  secureCookies: boolean;
  /**
   * Which proxies may tell us the client's address (X-Forwarded-For): none by default, else their addresses or
   * CIDR ranges, or how many proxy hops stand in front. Fastify's `trustProxy`.
   */
  trustProxy: false | number | string[];
  /** How long a SIGTERM waits for requests in flight before the process exits anyway. */
  shutdownGraceSeconds: number;
  /** Where the audit chains' heads are anchored, outside the database: `file:/path`, `syslog+udp://host:port`, … */
  auditAnchorSink: string;
  /** How often the heads are anchored (and always at start and at shutdown). */
  auditAnchorSeconds: number;
  /** Scheduled jobs (pg-boss): the FFB delivery and its retries. */
  jobs: boolean;
  /** The local stand-in for KL's FFB gateway at /api/ffb-standin/reports (never in production). */
  ffbStandinGateway: boolean;
  cprRegister: CprRegisterConfig;
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
  const ffbStandinGateway = flag(env.FFB_STANDIN_GATEWAY, !production);
  if (production && ffbStandinGateway) {
    throw new ConfigError('FFB_STANDIN_GATEWAY cannot be enabled when NODE_ENV=production.');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT is not a port: ${env.PORT}`);
  return {
    env: nodeEnv,
    host: env.HOST ?? 'localhost',
    port,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: positive(env, 'DATABASE_POOL_SIZE', 10),
    statementTimeoutMs: nonNegative(env, 'STATEMENT_TIMEOUT_MS', 10_000),
    databasePreparedPerConnection: nonNegative(env, 'DATABASE_PREPARED_PER_CONNECTION', 300),
    dataDir,
    sessionSecret,
    sessionHours: positive(env, 'SESSION_HOURS', 8),
    sessionIdleMinutes: positive(env, 'SESSION_IDLE_MINUTES', 30),
    demoLogin,
    seedDemo: flag(env.SEED_DEMO, !env.DATABASE_URL || !production),
    oidc,
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
    rateLimitPerMinute: positive(env, 'RATE_LIMIT_PER_MINUTE', 600),
    rateLimitStore: oneOf(env, 'RATE_LIMIT_STORE', ['database', 'memory'] as const, 'database'),
    secureCookies: flag(env.SECURE_COOKIES, production),
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    shutdownGraceSeconds: positive(env, 'SHUTDOWN_GRACE_SECONDS', 25),
    auditAnchorSink: anchorSinkOf(env.AUDIT_ANCHOR_SINK, dataDir),
    auditAnchorSeconds: positive(env, 'AUDIT_ANCHOR_SECONDS', 60),
    jobs: flag(env.JOBS, nodeEnv !== 'test'),
    ffbStandinGateway,
    cprRegister: cprRegisterOf(env, production),
  };
}

/**
 * CPR_REGISTER: `demo` (the default outside production: invented persons with substitute numbers), `none` (the
 * default in production: names and addresses are typed), or Serviceplatformen's URL with its settings. The demo
 * register is refused in production, as the demo log-in is.
 */
function cprRegisterOf(env: Env, production: boolean): CprRegisterConfig {
  const value = env.CPR_REGISTER?.trim() || (production ? 'none' : 'demo');
  if (value === 'none') return { kind: 'none' };
  if (value === 'demo') {
    if (production) throw new ConfigError('CPR_REGISTER=demo cannot be used when NODE_ENV=production.');
    return { kind: 'demo' };
  }
  if (!/^https?:\/\//.test(value) || (production && !value.startsWith('https://'))) {
    throw new ConfigError(`CPR_REGISTER must be demo, none or Serviceplatformen's https URL: ${value}`);
  }
  const need = (name: string) => {
    const v = env[name]?.trim();
    if (!v) throw new ConfigError(`${name} must be set when CPR_REGISTER is a URL.`);
    return v;
  };
  const pfxPath = env.CPR_REGISTER_PFX?.trim() || undefined;
  if (production && !pfxPath) throw new ConfigError('CPR_REGISTER_PFX must be set when CPR_REGISTER is a URL.');
  return {
    kind: 'serviceplatformen',
    url: value,
    pfxPath: pfxPath ? resolve(pfxPath) : undefined,
    pfxPassphrase: env.CPR_REGISTER_PFX_PASSPHRASE || undefined,
    serviceAgreementUuid: need('CPR_SERVICE_AGREEMENT_UUID'),
    userSystemUuid: need('CPR_USER_SYSTEM_UUID'),
    userUuid: need('CPR_USER_UUID'),
    serviceUuid: need('CPR_SERVICE_UUID'),
    timeoutMs: positive(env, 'CPR_REGISTER_TIMEOUT_MS', 5000),
  };
}

/**
 * TRUST_PROXY: empty (default) trusts no proxy, so X-Forwarded-For is ignored and the rate limit and the logs see
 * the connecting address; a number trusts that many hops; otherwise a comma-separated list of addresses or CIDR
 * ranges of the proxies. "true" (trust anyone) is refused: any client could then choose its own address.
 */
function trustProxyOf(raw: string | undefined): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === 'none') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', bits, extra] = entry.split('/');
    const version = isIP(address);
    const maxBits = version === 4 ? 32 : 128;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!version || !bitsOk || extra !== undefined) {
      throw new ConfigError(
        `TRUST_PROXY must be empty, a number of hops, or the proxies' addresses or CIDR ranges (comma-separated): ${entry}`,
      );
    }
  }
  return entries;
}

/** AUDIT_ANCHOR_SINK: a file (the default, next to the data) or a syslog collector; see docs/ARCHITECTURE.md. */
function anchorSinkOf(raw: string | undefined, dataDir: string): string {
  const value = raw?.trim() || `file:${join(dataDir, 'audit-anchors.jsonl')}`;
  if (value.startsWith('file:') && value.length > 'file:'.length) return `file:${resolve(value.slice('file:'.length))}`;
  if (/^syslog\+(udp|tcp):\/\/[^/:]+(:\d+)?$/.test(value) || /^syslog\+(udp|tcp):\/\/\[[0-9a-f:]+\](:\d+)?$/i.test(value)) {
    return value;
  }
  throw new ConfigError(`AUDIT_ANCHOR_SINK must be file:/path, syslog+udp://host:port or syslog+tcp://host:port: ${value}`);
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!values.includes(raw as T)) throw new ConfigError(`${name} must be one of ${values.join(', ')}: ${raw}`);
  return raw as T;
}

function positive(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number: ${raw}`);
  return n;
}

function nonNegative(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, 0 or more: ${raw}`);
  return n;
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
