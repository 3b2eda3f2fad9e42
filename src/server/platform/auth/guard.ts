import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { can } from '../../../shared/access/permissions.ts';
import { languageFromAcceptLanguage } from '../../../shared/i18n/language.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { RequestScope, requestScopes } from '../db/request-scope.ts';
import { AppError } from '../errors.ts';
import { inTenant } from '../tx.ts';
import { type Actor, auditActorOf, type RequestContext } from './actor.ts';
import './access.ts';
import { CSRF_COOKIE, CSRF_HEADER, decodeSessionCookie, SESSION_COOKIE } from './session.ts';
import { type LiveSession, type SessionSettings, sessions } from './sessions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock (buildApp's `clock` option): every use case reads the time through it. */
    clock: Clock;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: LiveSession | null;
    /** The request carried a session cookie whose session has ended; the answer clears it. */
    sessionEnded: boolean;
    lang: import('../../../shared/i18n/language.ts').Language;
    /** An API request's hold on the database: its one transaction and its cancellation (db/request-scope.ts). */
    dbScope: RequestScope | null;
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

/**
 * Session → actor, CSRF, and the route's declared access, for every API request.
 *
 * The session is checked after the body is read, in a transaction the page's use case then continues (one transaction
 * a request: db/request-scope.ts), and the request's database work stops when its client goes away (each running
 * statement cancelled, its transaction rolled back). The rate limit counts before all this, in a statement of its own
 * that commits whatever the page does.
 */
export function registerGuard(app: FastifyInstance, database: Database, settings: SessionSettings): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionEnded', false);
  app.decorateRequest('lang', 'da');
  app.decorateRequest('dbScope', null);

  app.addHook('onRequest', async (request, reply) => {
    request.lang = languageFromAcceptLanguage(request.headers['accept-language']);
    // Only the API has sessions: the UI's files and the health probes need no database.
    if (!request.url.startsWith('/api/')) return;
    const scope = new RequestScope(database.db);
    request.dbScope = scope;
    reply.raw.once('close', () => {
      // Closed before the whole answer went out: the client has gone away, so its work is abandoned.
      if (!reply.raw.writableFinished) void scope.abort();
      else void scope.release();
    });
  });

  app.addHook('onSend', async (request, reply) => {
    // The page did not take the session check's transaction (it needed none, or another): end it before answering.
    await request.dbScope?.release();
    // The browser drops a cookie that names an ended session, so the UI knows at once to show the log-in.
    if (request.sessionEnded && !reply.getHeader('set-cookie')) reply.clearCookie(SESSION_COOKIE, { path: '/' });
  });
  app.addHook('onResponse', async (request) => {
    await request.dbScope?.release();
  });

  /**
   * The session's user, found in a transaction left open for the page when `keepOpen`: not for an upload (its file
   * streams in before its use case) nor for a public route (the log-in, OIDC and the public catalogue work outside the
   * tenant, or ask an identity provider first: holding a connection across that would gain nothing).
   */
  async function resolveSession(request: FastifyRequest, keepOpen: boolean): Promise<void> {
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    const ref = unsigned.valid && unsigned.value ? decodeSessionCookie(unsigned.value) : undefined;
    const session = ref
      ? await sessions.resolve(database, ref, settings, { keepOpen: keepOpen && !request.isMultipart() })
      : undefined;
    if (!session) {
      request.sessionEnded = true;
      return;
    }
    request.session = session;
    request.actor = session.actor;
  }

  async function check(request: FastifyRequest): Promise<void> {
    const access = request.routeOptions.config.access;
    if (!request.url.startsWith('/api/') || request.is404) return;
    if (access === undefined) {
      // Deny by default: a route that forgot to declare its access is refused, never opened.
      request.log.error({ url: request.routeOptions.url }, 'route declares no access');
      throw new AppError('forbidden');
    }
    const unsafe = UNSAFE_METHODS.has(request.method) && !request.routeOptions.config.csrfExempt;
    const header = request.headers[CSRF_HEADER];
    const token = Array.isArray(header) ? header[0] : header;
    // The double-submit half needs no database: a forged request is refused before its session is looked up.
    if (unsafe && !sameToken(token, request.cookies[CSRF_COOKIE])) throw new AppError('csrf_failed');
    await resolveSession(request, access !== 'public');
    if (unsafe && request.session && !sameToken(token, request.session.csrf)) throw new AppError('csrf_failed');
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
          purpose: purposeOf(actor.role),
          recordType: 'route',
          recordId: `${request.method} ${request.routeOptions.url}`,
          details: { permission: access, id: byId ?? null },
        }),
      );
      // A by-id route answers 404, not 403, so a refused caller learns nothing of whether the record exists.
      const refusal = new AppError(byId ? 'not_found' : 'forbidden');
      refusal.audited = true;
      throw refusal;
    }
  }

  // Not async: the rest of the request (the handler, its errors, the answer) runs inside the scope that `done` is
  // called in, which is how the use cases find the request's transaction.
  app.addHook('preHandler', (request, _reply, done) => {
    const scope = request.dbScope;
    if (!scope) return void check(request).then(() => done(), done);
    requestScopes.run(scope, () => {
      check(request).then(() => done(), done);
    });
  });

  // A by-id look-up that found nothing is a probe as far as the log is concerned: row-level security hides another
  // municipality's records, so "not found" may mean "not yours". It is written in the prober's own municipality
  // (the refusals above and AuditedDenial have written theirs already).
  app.addHook('onError', async (request, _reply, error) => {
    const actor = request.actor;
    const params = request.params as Record<string, unknown> | undefined;
    const ids = Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => typeof v === 'string'));
    if (!actor || !(error instanceof AppError) || error.code !== 'not_found' || error.audited) return;
    if (!request.url.startsWith('/api/') || typeof ids.id !== 'string') return;
    const write = () =>
      inTenant(database, actor.municipalityId, (tx) =>
        writeAudit(tx, auditActorOf({ actor, requestId: String(request.id) }), {
          action: 'access_denied',
          purpose: purposeOf(actor.role),
          recordType: 'route',
          recordId: `${request.method} ${request.routeOptions.url}`,
          details: { ...ids, reason: 'not_found' },
        }),
      );
    // In the request's scope, so it continues or first ends the transaction the request has open.
    const scope = request.dbScope;
    await (scope ? requestScopes.run(scope, write) : write()).catch((err: unknown) =>
      request.log.error({ err }, 'could not audit a by-id miss'),
    );
  });
}
