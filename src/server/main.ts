import { buildApp } from './app.ts';
import { migrateDatabase } from './db/schema.ts';
import { seedDemoData } from './db/seed/demo-seed.ts';
import { importFfb } from './db/seed/ffb-import.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { openDatabase } from './platform/db/database.ts';

const started = performance.now();
const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir },
);
const applied = await migrateDatabase(database);
const ffb = await importFfb(database);
const demo = config.seedDemo ? await seedDemoData(database, systemClock.today()) : null;
// `npm start` builds the UI in parallel with the database work above (scripts/start.mjs); serve it once built.
await (globalThis as { visitatorUiBuild?: Promise<void> }).visitatorUiBuild;
const app = await buildApp({ config, database });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.host, port: config.port });
app.log.info(
  {
    database: database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL',
    migrationsApplied: applied,
    ffbVersion: ffb.version,
    demoDataGenerated: demo?.municipalities.length ? { municipalities: demo.municipalities, ms: demo.ms } : false,
    demoLogin: config.demoLogin,
    startupMs: Math.round(performance.now() - started),
  },
  `Visitator is ready on http://${config.host}:${config.port}`,
);
