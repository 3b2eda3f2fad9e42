import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../rules/records/document-types.ts';
import { appMigrations } from './db/schema.ts';
import { agreementsRoutes } from './modules/agreements/index.ts';
import { assessmentRoutes } from './modules/assessment/index.ts';
import { authRoutes, createOidcClient, type OidcClient } from './modules/auth/index.ts';
import { caseFileRoutes } from './modules/case-file/index.ts';
import { caseOverviewRoutes } from './modules/case-overview/index.ts';
import { catalogueRoutes } from './modules/catalogue/index.ts';
import { citizensRoutes, cprRegisterOf } from './modules/citizens/index.ts';
import { complaintsRoutes } from './modules/complaints/index.ts';
import { dataImportRoutes } from './modules/data-import/index.ts';
import { decisionsRoutes } from './modules/decisions/index.ts';
import { economyRoutes } from './modules/economy/index.ts';
import { ffbReportingRoutes, standInGatewayRoutes } from './modules/ffb-reporting/index.ts';
import { followUpRoutes } from './modules/follow-up/index.ts';
import { ordersRoutes } from './modules/orders/index.ts';
import { organisationRoutes } from './modules/organisation/index.ts';
import { selfServiceRoutes } from './modules/self-service/index.ts';
import { shelterRoutes } from './modules/shelter/index.ts';
import { statisticsExportRoutes } from './modules/statistics-export/index.ts';
import { tasksRoutes } from './modules/tasks/index.ts';
import { usersRoutes } from './modules/users/index.ts';
import { registerGuard } from './platform/auth/guard.ts';
import { SESSION_COOKIE } from './platform/auth/session.ts';
import { sessionSettingsOf } from './platform/auth/sessions.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/db/database.ts';
import { notFoundBody, registerErrorHandling } from './platform/http/error-handler.ts';
import { type Lifecycle, registerHealth } from './platform/http/health.ts';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.ts';
import { registerNulGuard } from './platform/http/reject-nul.ts';

/** `clock`: the time every use case reads (the system clock unless a test or a demo fixes it). */
export type AppOptions = {
  config: Config;
  database: Database;
  oidcClient?: OidcClient;
  clock?: Clock;
  lifecycle?: Lifecycle;
};

/** Composes the platform and the modules into one Fastify app; start-server.ts listens, tests inject. */
export async function buildApp({
  config,
  database,
  oidcClient,
  clock = systemClock,
  lifecycle = { closing: false },
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // None by default: only a proxy named in TRUST_PROXY may say who the client is (rate limit, logs).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('clock', clock);
  database.onConnectionError((err) => app.log.warn({ err }, 'database connection lost; the pool will reconnect'));

  app.addHook('onSend', async (request, reply) => {
    // The request id goes back to the client, so a user can quote it and support can find it in the log and audit trail.
    reply.header('x-request-id', String(request.id));
    // Personal data must not stay in a browser's or a proxy's cache after log-out: nothing a logged-in user is
    // sent, and nothing about the session itself, may be stored.
    // A request that carries a session is private even when it is refused before its session is looked up (a 400 from
    // the schema comes before the guard's check).
    const private_ = request.actor || (request.url.startsWith('/api/') && request.cookies?.[SESSION_COOKIE] !== undefined);
    if (private_ || request.url.startsWith('/api/auth/')) reply.header('cache-control', 'no-store');
    // Shutting down: a request that was in flight ends its keep-alive connection, so the server can close.
    if (lifecycle.closing) reply.header('connection', 'close');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerNulGuard(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  });
  await app.register(cookie, { secret: config.sessionSecret });
  // Uploaded documents: one file, a few short fields, the size limit enforced while streaming (src/rules/records).
  await app.register(multipart, {
    limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, fieldSize: 2000, parts: 6, headerPairs: 50 },
  });
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The API is limited; the UI's files and the health probes are not, and need no database.
    allowList: (request) => !request.url.startsWith('/api/'),
    // In the database by default, so app servers share one count and a restart does not reset it (docs/SCALING.md).
    ...(config.rateLimitStore === 'database' ? { store: databaseRateLimitStore(database) } : {}),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Visitator API',
        version: '0.1.0',
        description: 'Case handling and visitation for the adult social services',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vt_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('onRoute', (route) => {
    // The documentation is public; everything else must declare its own access (platform/auth/guard.ts).
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  const sessionSettings = sessionSettingsOf(config);
  registerGuard(app, database, sessionSettings);
  registerHealth(app, database, lifecycle, appMigrations());

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
    },
    async () => ({ status: 'ok' as const, database: database.kind }),
  );

  const oidc = oidcClient ?? (config.oidc ? await createOidcClient(config.oidc) : undefined);
  await app.register(authRoutes, { database, config, oidc, sessionSettings });
  await app.register(citizensRoutes, { database, cprRegister: cprRegisterOf(config.cprRegister) });
  await app.register(organisationRoutes, { database });
  await app.register(catalogueRoutes, { database });
  await app.register(caseFileRoutes, { database });
  await app.register(caseOverviewRoutes, { database });
  await app.register(assessmentRoutes, { database });
  await app.register(decisionsRoutes, { database });
  await app.register(ordersRoutes, { database });
  await app.register(complaintsRoutes, { database });
  await app.register(followUpRoutes, { database });
  await app.register(tasksRoutes, { database });
  await app.register(selfServiceRoutes, { database });
  await app.register(usersRoutes, { database, sessionSettings });
  await app.register(economyRoutes, { database });
  await app.register(ffbReportingRoutes, { database });
  await app.register(statisticsExportRoutes, { database });
  await app.register(dataImportRoutes, { database });
  if (config.ffbStandinGateway) await app.register(standInGatewayRoutes, { database });
  await app.register(agreementsRoutes, { database });
  await app.register(shelterRoutes, { database });

  const indexHtml = join(config.webDir, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false, maxAge: '1h' });
    app.get('/assets/*', { config: { access: 'public' } }, (request, reply) =>
      reply.sendFile(request.url.slice(1).split('?')[0] ?? '', { maxAge: '365d', immutable: true }),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // The single-page app owns every other path; it shows its own 404 page.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send(notFoundBody(request.lang ?? 'da', String(request.id)));
  });

  return app;
}
