export { authRoutes, sessionUserOf } from './auth.routes.ts';
export { authService } from './auth.service.ts';
export { createOidcClient, type OidcClient } from './oidc-client.ts';
