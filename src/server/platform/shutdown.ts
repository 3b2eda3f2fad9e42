import type { FastifyInstance } from 'fastify';
import type { Database } from './db/database.ts';
import type { Lifecycle } from './http/health.ts';
import type { PeriodicTask } from './periodic.ts';

export type ShutdownParts = {
  app: FastifyInstance;
  database: Database;
  lifecycle: Lifecycle;
  /** Background tasks to stop first. */
  tasks: PeriodicTask[];
  /** Last words after the final request and before the database closes (e.g. anchoring the audit chains). */
  finally?: () => Promise<unknown>;
  /** After this long the process gives up waiting and exits anyway. */
  graceMs: number;
  exit?: (code: number) => void;
};

/**
 * A graceful stop on SIGTERM/SIGINT: /readyz turns 503 at once, the server takes no new connections, the requests
 * in flight finish (Fastify answers 503 to further requests on open keep-alive connections), then the last words,
 * then the database closes. Called twice, it does the work once.
 */
export function createShutdown(parts: ShutdownParts): (signal: string) => Promise<void> {
  const exit = parts.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;
  return (signal) => {
    running ??= (async () => {
      const { app, database, lifecycle } = parts;
      lifecycle.closing = true;
      app.log.info({ signal }, 'shutting down: finishing requests in flight');
      const started = performance.now();
      const deadline = setTimeout(() => {
        app.log.error({ graceMs: parts.graceMs }, 'shutdown took too long; exiting');
        exit(1);
      }, parts.graceMs);
      deadline.unref();
      let code = 0;
      try {
        for (const task of parts.tasks) task.stop();
        await app.close();
        await parts.finally?.();
      } catch (err) {
        app.log.error({ err }, 'error while shutting down');
        code = 1;
      }
      await database.close().catch((err: unknown) => app.log.error({ err }, 'closing the database failed'));
      clearTimeout(deadline);
      app.log.info({ ms: Math.round(performance.now() - started) }, 'shut down');
      exit(code);
    })();
    return running;
  };
}
