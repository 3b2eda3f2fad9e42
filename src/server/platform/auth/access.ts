import type { Action } from '../../../shared/access/permissions.ts';

/**
 * Every API route declares who may call it in `config.access`. A route without a declaration is refused
 * (deny by default): 'public' needs no log-in, 'authenticated' any logged-in user, an Action the role's permission.
 */
export type RouteAccess = 'public' | 'authenticated' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Skips the CSRF check; only for the OIDC callback, which is a top-level GET from the identity provider. */
    csrfExempt?: boolean;
  }
}
