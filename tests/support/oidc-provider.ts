import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const OIDC_TEST_CLIENT = { clientId: 'visitator', clientSecret: 'visitator-test-secret' } as const;

/**
 * A real OpenID provider on loopback, standing in for the municipality's IdP (MitID broker, Entra ID …). Its
 * development log-in form takes any subject as the login and any password. Used by the OIDC integration test and
 * by the end-to-end server (scripts/e2e-server.mjs).
 */
export async function startOidcProvider(redirectUris: string[]): Promise<{ issuer: string; close(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_TEST_CLIENT.clientId,
        client_secret: OIDC_TEST_CLIENT.clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['oidc-test-cookie-key'] },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: 'Test Person' }) }),
  });
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise((r) => server.close(() => r())) };
}
