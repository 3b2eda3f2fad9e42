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
  ])('reads %s', (_label, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
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
