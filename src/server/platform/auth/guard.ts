import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../../shared/access/permissions.ts';
import { languageFromAcceptLanguage } from '../../../shared/i18n/language.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { inSystem, inTenant } from '../tx.ts';
import { type Actor, auditActorOf, type RequestContext } from './actor.ts';
import './access.ts';
import { identityRepository } from './identity.repository.ts';
import { CSRF_COOKIE, CSRF_HEADER, decodeSession, SESSION_COOKIE, type SessionPayload } from './session.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock (buildApp's `clock` option): every use case reads the time through it. */
    clock: Clock;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionPayload | null;
    lang: import('../../../shared/i18n/language.ts').Language;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** The request's context for a service call; only for routes that require a log-in. */
export function contextOf(request: FastifyRequest, database: Database): RequestContext {
  if (!request.actor) throw new AppError('unauthenticated');
  return { actor: request.actor, requestId: String(request.id), lang: request.lang, database, clock: request.server.clock };
}

/** Session → actor, CSRF, and the route's declared access, for every request. */
export function registerGuard(app: FastifyInstance, database: Database): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('lang', 'da');

  app.addHook('onRequest', async (request) => {
    request.lang = languageFromAcceptLanguage(request.headers['accept-language']);
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    const session =
      unsigned.valid && unsigned.value ? decodeSession(unsigned.value, request.server.clock.now().getTime()) : undefined;
    if (!session) return;
    const actor = await inSystem(database, (tx) => identityRepository.actorById(tx, session.userId));
    if (!actor) return;
    request.session = session;
    request.actor = actor;
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api/') || request.is404) return;
    if (access === undefined) {
      // Deny by default: a route that forgot to declare its access is refused, never opened.
      request.log.error({ url: request.routeOptions.url }, 'route declares no access');
      throw new AppError('forbidden');
    }
    if (UNSAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt) {
      const header = request.headers[CSRF_HEADER];
      const token = Array.isArray(header) ? header[0] : header;
      const cookie = request.cookies[CSRF_COOKIE];
      const bound = request.session ? sameToken(token, request.session.csrf) : true;
      if (!sameToken(token, cookie) || !bound) throw new AppError('csrf_failed');
    }
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw new AppError('unauthenticated');
    if (access === 'authenticated') return;
    if (!can(actor.role, access)) {
      const params = request.params as Record<string, unknown> | undefined;
      const byId = typeof params?.id === 'string' ? params.id : undefined;
      await inTenant(database, actor.municipalityId, (tx) =>
        writeAudit(tx, auditActorOf({ actor, requestId: String(request.id) }), {
          action: 'access_denied',
          purpose: 'administration',
          recordType: 'route',
          recordId: `${request.method} ${request.routeOptions.url}`,
          details: { permission: access, id: byId ?? null },
        }),
      );
      // A by-id route answers 404, not 403, so a refused caller learns nothing of whether the record exists.
      throw new AppError(byId ? 'not_found' : 'forbidden');
    }
  });
}
