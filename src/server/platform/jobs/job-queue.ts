import PgBoss from 'pg-boss';
import type { Database } from '../db/database.ts';

/**
 * Scheduled and queued work on the database itself, with pg-boss 10 (a PostgreSQL job queue; 11 needs Node 22).
 * pg-boss keeps its jobs and schedules in its own schema (`pgboss`) and runs on both databases through Visitator's
 * connection: on PostgreSQL through the pool, on PGlite through the same serialised connection (one mutex) as every
 * transaction, so a job's SQL waits its turn like a request does. A job that fails is retried by pg-boss.
 */
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export type JobDefinition = {
  name: string;
  /** Cron in Europe/Copenhagen time; absent: the job runs only when sent. */
  cron?: string;
  handler: JobHandler;
  retryLimit?: number;
  retryDelaySeconds?: number;
};

export type JobQueue = {
  /** Queues a job now (e.g. an administrator's "send now"); answers the job id. */
  send(name: string, data?: Record<string, unknown>): Promise<string | null>;
  stop(): Promise<void>;
};

export type JobQueueOptions = {
  /** How often a worker looks for a queued job. */
  pollingIntervalSeconds?: number;
  onError?: (error: Error) => void;
};

export async function startJobQueue(
  database: Database,
  jobs: readonly JobDefinition[],
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: job.retryLimit ?? 3,
      retryDelay: job.retryDelaySeconds ?? 60,
      retryBackoff: true,
    });
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5 }, async (batch) => {
      for (const j of batch) await job.handler((j.data ?? {}) as Record<string, unknown>);
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Copenhagen' });
    else await boss.unschedule(job.name);
  }
  return {
    send: (name, data = {}) => boss.send(name, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
