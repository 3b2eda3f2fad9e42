// The server Playwright starts: a fresh embedded database in .tmp, on the port playwright.config.ts names, with a
// local OpenID provider (oidc-provider, a dev dependency) standing in for MitID, so a journey can log in through it.
import { rmSync } from 'node:fs';
import { register } from 'tsx/esm/api';

process.env.DATA_DIR = '.tmp/e2e-data';
process.env.PORT = process.env.E2E_PORT ?? '3100';
process.env.HOST = '127.0.0.1';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
rmSync(process.env.DATA_DIR, { recursive: true, force: true });

register();
const { startOidcProvider, OIDC_TEST_CLIENT } = await import('../tests/support/oidc-provider.ts');
const redirectUri = `http://127.0.0.1:${process.env.PORT}/api/auth/oidc/callback`;
const provider = await startOidcProvider([redirectUri]);
process.env.OIDC_ISSUER = provider.issuer;
process.env.OIDC_CLIENT_ID = OIDC_TEST_CLIENT.clientId;
process.env.OIDC_CLIENT_SECRET = OIDC_TEST_CLIENT.clientSecret;
process.env.OIDC_REDIRECT_URI = redirectUri;
await import('./start.mjs');
