import { buildApp } from './app.ts';
import { migrateDatabase } from './db/schema.ts';
import { seedAgreements } from './db/seed/agreements-seed.ts';
import { seedDemoData } from './db/seed/demo-seed.ts';
import { importFfb } from './db/seed/ffb-import.ts';
import { seedFfbReportingSettings } from './db/seed/ffb-reporting-seed.ts';
import { ffbReportingJobs } from './modules/ffb-reporting/index.ts';
import { anchorer, sinkOf } from './platform/audit/audit-anchor.ts';
import { sessionSettingsOf, sessions } from './platform/auth/sessions.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/database.ts';
import type { Lifecycle } from './platform/http/health.ts';
import { sweepRateLimits } from './platform/http/rate-limit-store.ts';
import { type JobQueue, startJobQueue } from './platform/jobs/job-queue.ts';
import { every } from './platform/periodic.ts';
import { createShutdown } from './platform/shutdown.ts';
import { type StartupHandover, StartupTimer } from './platform/startup-timer.ts';

/**
 * The server's start: the database opened and migrated, the seeds and demo data, the app composed and listening.
 * main.ts runs it (under tsx in development); `npm start` runs it from the built bundle (scripts/start.mjs), which is
 * why it is a function and not the module's top level: a bundle with top-level await could not be compiled from
 * V8's code cache.
 */
export async function startServer(): Promise<void> {
  const started = performance.now();
  const JOBS_START_DELAY_MS = 2000;
  // Each stage's wall and CPU time goes to the start-up log; `npm start` (scripts/start.mjs) hands over its own.
  const startup = (globalThis as { visitatorStartup?: StartupHandover }).visitatorStartup;
  const timer = new StartupTimer(startup);
  const time = timer.time.bind(timer);
  const config = loadConfig();
  const database = await time(config.databaseUrl ? 'PostgreSQL connect' : 'PGlite open (initdb if new)', () =>
    openDatabase(
      config.databaseUrl
        ? {
            kind: 'postgres',
            url: config.databaseUrl,
            poolSize: config.databasePoolSize,
            statementTimeoutMs: config.statementTimeoutMs,
            preparedPerConnection: config.databasePreparedPerConnection,
          }
        : {
            kind: 'pglite',
            dataDir: config.dataDir,
            // `npm start` began opening it while it built (scripts/start.mjs), with the same settings.
            ...(startup?.pglite?.dataDir === config.dataDir ? { opening: startup.pglite.instance } : {}),
          },
    ),
  );
  const applied = await time('migrations', () => migrateDatabase(database));
  const ffb = await time('FFB import', () => importFfb(database));
  const demo = config.seedDemo ? await seedDemoData(database, systemClock.today(), time) : null;
  if (config.seedDemo) {
    const standIn = config.ffbStandinGateway ? `http://${config.host}:${config.port}/api/ffb-standin/reports` : null;
    await time('FFB reporting settings', () => seedFfbReportingSettings(database, standIn));
  }
  const agreementsStarted = performance.now();
  const agreementsLoaded = config.seedDemo
    ? await time('agreements demo', () => seedAgreements(database, { today: systemClock.today() }))
    : 0;
  const agreementsMs = Math.round(performance.now() - agreementsStarted);
  // `npm start` builds the UI in parallel with the database work above (scripts/start.mjs); serve it once built.
  await time('waiting for the UI build', async () => timer.add(await startup?.uiBuild));
  const lifecycle: Lifecycle = { closing: false };
  const app = await time('app (routes, plugins)', () => buildApp({ config, database, lifecycle }));
  let jobs: JobQueue | undefined;
  let jobsStarting: Promise<unknown> | undefined;
  let jobsTimer: NodeJS.Timeout | undefined;

  // The audit chains' heads go outside the database at start, every AUDIT_ANCHOR_SECONDS and at shutdown.
  const sink = sinkOf(config.auditAnchorSink);
  const anchorNow = anchorer(database, sink);
  await time('audit anchor', anchorNow);
  const tasks = [
    every(config.auditAnchorSeconds * 1000, 'audit anchor', anchorNow, app.log),
    every(5 * 60_000, 'session sweep', () => sessions.sweep(database, sessionSettingsOf(config)), app.log),
    every(5 * 60_000, 'rate-limit sweep', () => sweepRateLimits(database, 60 * 60_000), app.log),
  ];
  const shutdown = createShutdown({
    app,
    database,
    lifecycle,
    tasks,
    // The scheduled jobs stop before the last anchor (a job's audit rows are in the chain it anchors).
    finally: async () => {
      clearTimeout(jobsTimer);
      await jobsStarting?.catch(() => {});
      await jobs?.stop();
      await anchorNow();
    },
    graceMs: config.shutdownGraceSeconds * 1000,
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await time('listen', () => app.listen({ host: config.host, port: config.port }));
  // The scheduled jobs start a moment after the server answers (they are cron jobs, polled every 30 s): pg-boss's own
  // start (its schema checked, the schedules written; about 0.3 s of this thread and PGlite's one connection) would
  // otherwise keep the first requests waiting.
  const startJobs = async () => {
    const stage = { wall: performance.now(), cpu: process.cpuUsage() };
    jobs = await startJobQueue(database, ffbReportingJobs(database), {
      // The jobs are scheduled (cron); a long poll keeps PGlite's one connection free for requests.
      pollingIntervalSeconds: 30,
      onError: (error) => app.log.error({ err: error }, 'job queue'),
    });
    const cpu = process.cpuUsage(stage.cpu);
    app.log.info(
      { wallMs: Math.round(performance.now() - stage.wall), cpuMs: Math.round((cpu.user + cpu.system) / 1000) },
      'Job queue started',
    );
  };
  if (config.jobs) {
    jobsTimer = setTimeout(() => {
      if (lifecycle.closing) return;
      jobsStarting = startJobs().catch((err: unknown) => app.log.error({ err }, 'job queue did not start'));
    }, JOBS_START_DELAY_MS);
  }
  app.log.info(
    {
      database: database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL',
      migrationsApplied: applied,
      ffbVersion: ffb.version,
      demoDataGenerated: demo?.municipalities.length
        ? { municipalities: demo.municipalities, ms: demo.ms, letters: demo.letters }
        : false,
      agreementsDemo: { loaded: agreementsLoaded, ms: agreementsMs },
      demoLogin: config.demoLogin,
      auditAnchors: sink.describe,
      jobs: config.jobs,
      startupMs: Math.round(performance.now() - started),
      startup: timer.summary(),
    },
    `Visitator is ready on ${address}`,
  );
  app.log.info(`Start-up (load average ${timer.loadAverage.join(', ')}): ${timer.line()}`);
}
