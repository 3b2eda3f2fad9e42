import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 's'.repeat(40);

describe('loadConfig', () => {
  it.each([
    ['demo log-in in production', { NODE_ENV: 'production', SESSION_SECRET: SECRET, DEMO_LOGIN: 'true' }, /DEMO_LOGIN/],
    ['production without a session secret', { NODE_ENV: 'production' }, /SESSION_SECRET/],
    ['a short session secret', { SESSION_SECRET: 'short' }, /SESSION_SECRET/],
    ['OIDC without a client id', { SESSION_SECRET: SECRET, OIDC_ISSUER: 'https://idp.example' }, /OIDC_CLIENT_ID/],
    ['a port that is no port', { SESSION_SECRET: SECRET, PORT: '99999' }, /PORT/],
    ['an idle limit that is no number', { SESSION_SECRET: SECRET, SESSION_IDLE_MINUTES: 'half an hour' }, /SESSION_IDLE_MINUTES/],
    ['a session lifetime of zero', { SESSION_SECRET: SECRET, SESSION_HOURS: '0' }, /SESSION_HOURS/],
    ['trusting every proxy', { SESSION_SECRET: SECRET, TRUST_PROXY: 'true' }, /TRUST_PROXY/],
    ['a proxy that is no address', { SESSION_SECRET: SECRET, TRUST_PROXY: '10.0.0.1,proxy.example' }, /TRUST_PROXY/],
    ['a CIDR range too wide', { SESSION_SECRET: SECRET, TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    ['an unknown rate-limit store', { SESSION_SECRET: SECRET, RATE_LIMIT_STORE: 'redis' }, /RATE_LIMIT_STORE/],
    ['an anchor sink of no known kind', { SESSION_SECRET: SECRET, AUDIT_ANCHOR_SINK: 's3://bucket' }, /AUDIT_ANCHOR_SINK/],
    ['an anchor interval of zero', { SESSION_SECRET: SECRET, AUDIT_ANCHOR_SECONDS: '0' }, /AUDIT_ANCHOR_SECONDS/],
    [
      'the FFB stand-in gateway in production',
      { NODE_ENV: 'production', SESSION_SECRET: SECRET, FFB_STANDIN_GATEWAY: 'true' },
      /FFB_STANDIN_GATEWAY/,
    ],
    ['a pool of no connections', { SESSION_SECRET: SECRET, DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
    ['a statement timeout that is no number', { SESSION_SECRET: SECRET, STATEMENT_TIMEOUT_MS: '10s' }, /STATEMENT_TIMEOUT_MS/],
  ])('refuses %s', (_label, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    ['development', { SESSION_SECRET: SECRET }, { demoLogin: true, secureCookies: false, port: 3000, databaseUrl: undefined }],
    [
      'production',
      { NODE_ENV: 'production', SESSION_SECRET: SECRET },
      { demoLogin: false, secureCookies: true, logLevel: 'info' },
    ],
    ['a server database', { SESSION_SECRET: SECRET, DATABASE_URL: 'postgres://x/y' }, { databaseUrl: 'postgres://x/y' }],
    ['demo log-in switched off', { SESSION_SECRET: SECRET, DEMO_LOGIN: 'false' }, { demoLogin: false }],
    ['the session limits by default', { SESSION_SECRET: SECRET }, { sessionHours: 8, sessionIdleMinutes: 30 }],
    ['a shorter idle limit', { SESSION_SECRET: SECRET, SESSION_IDLE_MINUTES: '15' }, { sessionIdleMinutes: 15 }],
    ['no trusted proxy by default', { SESSION_SECRET: SECRET }, { trustProxy: false, rateLimitStore: 'database' }],
    [
      'proxies by address and range',
      { SESSION_SECRET: SECRET, TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,::1' },
      { trustProxy: ['10.0.0.1', '172.16.0.0/12', '::1'] },
    ],
    ['proxies by hop count', { SESSION_SECRET: SECRET, TRUST_PROXY: '2' }, { trustProxy: 2 }],
    [
      'the anchor file next to the data by default',
      { SESSION_SECRET: SECRET, DATA_DIR: '/srv/vt' },
      { auditAnchorSink: 'file:/srv/vt/audit-anchors.jsonl', auditAnchorSeconds: 60 },
    ],
    [
      'a syslog collector',
      { SESSION_SECRET: SECRET, AUDIT_ANCHOR_SINK: 'syslog+tcp://logs.example.dk:601' },
      { auditAnchorSink: 'syslog+tcp://logs.example.dk:601' },
    ],
    ['jobs and the FFB stand-in outside production', { SESSION_SECRET: SECRET }, { jobs: true, ffbStandinGateway: true }],
    ['no jobs in tests', { NODE_ENV: 'test', SESSION_SECRET: SECRET }, { jobs: false }],
    ['production: no stand-in gateway', { NODE_ENV: 'production', SESSION_SECRET: SECRET }, { ffbStandinGateway: false }],
  ])('reads %s', (_label, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it('sizes the database pool, the statement timeout and the prepared statements (10, 10 s, 300; 0 lifts or turns off)', () => {
    expect(loadConfig({ SESSION_SECRET: SECRET })).toMatchObject({
      databasePoolSize: 10,
      statementTimeoutMs: 10_000,
      databasePreparedPerConnection: 300,
    });
    expect(
      loadConfig({
        SESSION_SECRET: SECRET,
        DATABASE_POOL_SIZE: '40',
        STATEMENT_TIMEOUT_MS: '0',
        DATABASE_PREPARED_PER_CONNECTION: '0',
      }),
    ).toMatchObject({ databasePoolSize: 40, statementTimeoutMs: 0, databasePreparedPerConnection: 0 });
  });

  it('allows plain http only to a local test issuer outside production', () => {
    const oidc = {
      OIDC_ISSUER: 'http://127.0.0.1:9000',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
      OIDC_REDIRECT_URI: 'http://localhost:3000/cb',
    };
    expect(loadConfig({ SESSION_SECRET: SECRET, ...oidc }).oidc?.allowInsecure).toBe(true);
    expect(loadConfig({ SESSION_SECRET: SECRET, NODE_ENV: 'production', ...oidc }).oidc?.allowInsecure).toBe(false);
  });
});
