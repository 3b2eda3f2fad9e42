import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { type Migration, type MigrationStatus, migrationStatus } from '../db/migrate.ts';

/** Set when shutdown begins: the instance stops being ready, so a load balancer sends no new requests to it. */
export type Lifecycle = { closing: boolean };

/** How long /readyz waits for the database before calling it unreachable. */
const READY_TIMEOUT_MS = 2000;

const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['reachable', 'unreachable']),
  migrations: z.enum(['current', 'behind', 'unknown']),
  closing: z.boolean(),
});

/**
 * Probes for an orchestrator (Kubernetes, a load balancer): /healthz says the process answers (restart it if not),
 * /readyz that it can serve: the database answers and has exactly this code's migrations, and it is not shutting
 * down (`migrations`: the application's, which the platform does not know). Neither touches a session, and neither
 * says more than this.
 */
export function registerHealth(
  app: FastifyInstance,
  database: Database,
  lifecycle: Lifecycle,
  migrations: readonly Migration[],
): void {
  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } },
    async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' as const }),
  );

  app.get('/readyz', { schema: { hide: true, response: { 200: readySchema, 503: readySchema } } }, async (request, reply) => {
    let status: MigrationStatus | 'unreachable';
    try {
      status = await withTimeout(migrationStatus(database, migrations), READY_TIMEOUT_MS);
    } catch (err) {
      request.log.warn({ err }, 'readiness: database unreachable');
      status = 'unreachable';
    }
    const body = {
      database: status === 'unreachable' ? ('unreachable' as const) : ('reachable' as const),
      migrations: status === 'unreachable' ? ('unknown' as const) : status.current ? ('current' as const) : ('behind' as const),
      closing: lifecycle.closing,
    };
    const ready = body.database === 'reachable' && body.migrations === 'current' && !lifecycle.closing;
    return reply
      .status(ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: ready ? 'ready' : 'not_ready', ...body });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
