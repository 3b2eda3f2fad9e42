/**
 * Migration 0012 (tenant keys): how long it holds the database, by the size of the history it rebuilds keys over.
 *
 * Method: for each size, a new database (PGlite in memory; with BENCH_DATABASE_URL also a new database on that
 * PostgreSQL server) migrated to 0011, loaded with the demo data (FFB, 3 municipalities, catalogue, offers) and N
 * cases per municipality of history in every tenant table (tests/support/schema-0011-history.ts: per case a request,
 * deadline, letter, 2 journal entries, assessment with 6 themes and a talk; with a catalogue a decision and complaint;
 * with offers an order, goal, sub-goal, journal, hours, FKO status, message and follow-up), analysed; then the wall
 * time of migrating 0011 → 0012, one transaction, as `npm start` applies it. Sizes: BENCH_CASES (default
 * 0,1000,10000). The row count is every row in the tenant tables before the migration.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { seedCatalogue } from '../src/server/db/seed/catalogue-seed.ts';
import { seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { seedOffers } from '../src/server/db/seed/offer-seed.ts';
import { type Database, openDatabase } from '../src/server/platform/db/database.ts';
import { loadMigrations, migrate } from '../src/server/platform/db/migrate.ts';
import { writeHistoryAt0011 } from '../tests/support/schema-0011-history.ts';

const TENANT_KEYS = 12;
const SIZES = (process.env.BENCH_CASES ?? '0,1000,10000').split(',').map(Number);
const MUNICIPALITIES = ['730', '760', '707'].map((code) => stableUuid(`municipality:${code}`));
const serverUrl = process.env.BENCH_DATABASE_URL;

async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') return openDatabase({ kind: 'pglite' });
  const url = new URL(serverUrl ?? '');
  const name = `vt_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: Object.assign(url, { pathname: `/${name}` }).toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: serverUrl });
      await drop.connect();
      await drop.query(`drop database ${name} with (force)`);
      await drop.end();
    },
  };
}

async function tenantRows(database: Database): Promise<number> {
  return database.adminTransaction(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `select distinct table_name as name from information_schema.columns
       where table_schema = 'public' and column_name = 'municipality_id'`,
    );
    let total = 0;
    for (const { name } of tables) total += (await tx.query<{ n: number }>(`select count(*) as n from ${name}`))[0]?.n ?? 0;
    return total;
  });
}

const migrations = loadMigrations();
const rows: string[] = [];
for (const kind of serverUrl ? (['pglite', 'postgres'] as const) : (['pglite'] as const)) {
  for (const cases of SIZES) {
    const database = await freshDatabase(kind);
    try {
      await migrate(
        database,
        migrations.filter((m) => m.version < TENANT_KEYS),
      );
      await importFfb(database);
      await seedDemoData(database);
      await seedCatalogue(database);
      await seedOffers(database);
      await database.adminTransaction(async (tx) => {
        for (const m of MUNICIPALITIES) await writeHistoryAt0011(tx, m, cases);
        await tx.exec('analyze');
      });
      const n = await tenantRows(database);
      const start = performance.now();
      await migrate(
        database,
        migrations.filter((m) => m.version <= TENANT_KEYS),
      );
      const ms = performance.now() - start;
      rows.push(
        `| ${kind} | ${cases.toLocaleString('en')} | ${n.toLocaleString('en')} | ${Math.round(ms).toLocaleString('en')} ms |`,
      );
      console.log(rows.at(-1));
    } finally {
      await database.close();
    }
  }
}
console.log('\nMigration 0012 (tenant keys), wall time of the one transaction');
console.log('| database | cases per municipality (3) | rows in tenant tables | 0011 → 0012 |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
