import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HOME_PATH } from '../../../shared/access/home-path.ts';
import { demoLoginBodySchema, demoUserSchema, meResponseSchema, type SessionUser } from '../../../shared/auth/auth.schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { CSRF_COOKIE, newToken, OIDC_COOKIE, SESSION_COOKIE } from '../../platform/auth/session.ts';
import type { SessionSettings } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authService, type LoggedIn } from './auth.service.ts';
import type { OidcClient } from './oidc-client.ts';

export type AuthRoutesOptions = {
  database: Database;
  config: Config;
  oidc: OidcClient | undefined;
  sessionSettings: SessionSettings;
};

export function sessionUserOf(actor: Actor): SessionUser {
  return {
    id: actor.userId,
    name: actor.name,
    role: actor.role,
    municipality: { id: actor.municipalityId, name: actor.municipalityName, code: actor.municipalityCode },
    unit: actor.unitId && actor.unitName ? { id: actor.unitId, name: actor.unitName } : null,
  };
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { database, config, oidc, sessionSettings }) => {
  const cookieBase = { path: '/', secure: config.secureCookies } as const;

  /** The session lives in the database; the cookie only names it (platform/auth/sessions.ts). */
  function setSessionCookies(reply: FastifyReply, { cookie, csrf, maxAge }: LoggedIn): void {
    reply.setCookie(SESSION_COOKIE, cookie, { ...cookieBase, signed: true, httpOnly: true, sameSite: 'lax', maxAge });
    reply.setCookie(CSRF_COOKIE, csrf, { ...cookieBase, httpOnly: false, sameSite: 'strict', maxAge });
  }

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'The current user and a CSRF token', response: { 200: meResponseSchema } },
    },
    async (request, reply) => {
      let csrf = request.cookies[CSRF_COOKIE];
      if (!csrf) {
        csrf = newToken();
        reply.setCookie(CSRF_COOKIE, csrf, { ...cookieBase, httpOnly: false, sameSite: 'strict' });
      }
      return {
        user: request.actor ? sessionUserOf(request.actor) : null,
        csrfToken: request.session?.csrf ?? csrf,
        demoLogin: config.demoLogin,
        oidcLogin: oidc !== undefined,
      };
    },
  );

  app.get(
    '/api/auth/demo-users',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Demo users to log in as (demo only)', response: { 200: z.array(demoUserSchema) } },
    },
    async () => {
      if (!config.demoLogin) throw notFound();
      return authService.listDemoUsers(database);
    },
  );

  app.post(
    '/api/auth/demo-login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in as a demo user (demo only)',
        body: demoLoginBodySchema,
        response: { 200: meResponseSchema },
      },
    },
    async (request, reply) => {
      if (!config.demoLogin) throw notFound();
      const loggedIn = await authService.demoLogin(database, request.body.userId, {
        requestId: String(request.id),
        method: 'demo',
        settings: sessionSettings,
      });
      setSessionCookies(reply, loggedIn);
      return { user: sessionUserOf(loggedIn.actor), csrfToken: loggedIn.csrf, demoLogin: true, oidcLogin: oidc !== undefined };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Log out', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.session) await authService.logout(database, request.session, String(request.id));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/oidc/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Start an OIDC log-in (authorization code + PKCE)' } },
    async (_request, reply) => {
      if (!oidc) throw notFound();
      const { url, state, verifier } = await oidc.start();
      reply.setCookie(OIDC_COOKIE, JSON.stringify({ state, verifier }), {
        ...cookieBase,
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/callback',
    {
      config: { access: 'public', csrfExempt: true },
      schema: { tags: ['auth'], summary: 'OIDC redirect target', querystring: z.record(z.string(), z.string()) },
    },
    async (request, reply) => {
      if (!oidc) throw notFound();
      const raw = request.cookies[OIDC_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      if (!unsigned?.valid || !unsigned.value) throw new AppError('unauthenticated');
      const expected = JSON.parse(unsigned.value) as { state: string; verifier: string };
      reply.clearCookie(OIDC_COOKIE, { path: '/' });
      const callbackUrl = new URL(request.url, config.oidc?.redirectUri);
      let subject: string;
      try {
        ({ subject } = await oidc.finish(callbackUrl, expected));
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC callback refused');
        return reply.redirect('/login?error=oidc', 302);
      }
      const loggedIn = await authService.oidcLogin(database, subject, {
        requestId: String(request.id),
        method: 'oidc',
        settings: sessionSettings,
      });
      if (!loggedIn) return reply.redirect('/login?error=unknown_user', 302);
      setSessionCookies(reply, loggedIn);
      return reply.redirect(HOME_PATH[loggedIn.actor.role], 302);
    },
  );
};
