import * as oidc from 'openid-client';
import type { OidcConfig } from '../../platform/config.ts';

/** Authorization code flow with PKCE (S256) against the configured issuer (MitID broker, Entra ID, …). */
export type OidcClient = {
  start(): Promise<{ url: string; state: string; verifier: string }>;
  finish(callbackUrl: URL, expected: { state: string; verifier: string }): Promise<{ subject: string; name?: string }>;
};

export async function createOidcClient(config: OidcConfig): Promise<OidcClient> {
  const configuration = await oidc.discovery(
    new URL(config.issuer),
    config.clientId,
    config.clientSecret,
    undefined,
    config.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  return {
    async start() {
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: config.redirectUri,
        scope: 'openid profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
      });
      return { url: url.href, state, verifier };
    },
    async finish(callbackUrl, expected) {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: expected.verifier,
        expectedState: expected.state,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The identity provider returned no ID token');
      return { subject: claims.sub, ...(typeof claims.name === 'string' ? { name: claims.name } : {}) };
    },
  };
}
