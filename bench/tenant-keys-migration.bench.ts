/**
 * Migration 0012 (tenant keys): how long it holds the database, by the size of the history it rebuilds keys over.
 *
 * Method: for each size, a new database (PGlite in memory; with BENCH_DATABASE_URL also a new database on that
 * PostgreSQL server) migrated to 0011, loaded with the demo data (FFB, 3 municipalities, catalogue, offers) and N
 * cases per municipality of history in every tenant table (tests/support/schema-0011-history.ts: per case a request,
 * deadline, letter, 2 journal entries, assessment with 6 themes and a talk; with a catalogue a decision and complaint;
 * with offers an order, goal, sub-goal, journal, hours, FKO status, message and follow-up), analysed; then the wall
 * time of migrating 0011 → 0012, one transaction, as `npm start` applies it. Sizes: BENCH_CASES (default
 * 0,1000,10000). Rows and bytes are over the tenant tables (pg_table_size, pg_indexes_size), before and after: the
 * wider keys cost index space.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { appMigrations } from '../src/server/db/schema.ts';
import { seedCatalogue } from '../src/server/db/seed/catalogue-seed.ts';
import { seedDemoData } from '../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { seedOffers } from '../src/server/db/seed/offer-seed.ts';
import { type Database, openDatabase } from '../src/server/platform/db/database.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { plainDateInCopenhagen } from '../src/shared/plain-date.ts';
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

/** Rows, and bytes of tables and of their indexes, over the tenant tables. */
async function tenantSize(database: Database): Promise<{ rows: number; tableBytes: number; indexBytes: number }> {
  return database.adminTransaction(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `select distinct table_name as name from information_schema.columns
       where table_schema = 'public' and column_name = 'municipality_id'`,
    );
    const size = { rows: 0, tableBytes: 0, indexBytes: 0 };
    for (const { name } of tables) {
      const [r] = await tx.query<{ n: number; t: number; i: number }>(
        `select (select count(*) from ${name}) as n, pg_table_size('${name}') as t, pg_indexes_size('${name}') as i`,
      );
      size.rows += r?.n ?? 0;
      size.tableBytes += r?.t ?? 0;
      size.indexBytes += r?.i ?? 0;
    }
    return size;
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const migrations = appMigrations();
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
      await seedDemoData(database, plainDateInCopenhagen(new Date()));
      await seedCatalogue(database);
      await seedOffers(database);
      await database.adminTransaction(async (tx) => {
        for (const m of MUNICIPALITIES) await writeHistoryAt0011(tx, m, cases);
        await tx.exec('analyze');
      });
      const before = await tenantSize(database);
      const start = performance.now();
      await migrate(
        database,
        migrations.filter((m) => m.version <= TENANT_KEYS),
      );
      const ms = performance.now() - start;
      const after = await tenantSize(database);
      rows.push(
        `| ${kind} | ${cases.toLocaleString('en')} | ${before.rows.toLocaleString('en')} | ${Math.round(ms).toLocaleString('en')} ms | ` +
          `${mb(before.tableBytes)} | ${mb(before.indexBytes)} → ${mb(after.indexBytes)} |`,
      );
      console.log(rows.at(-1));
    } finally {
      await database.close();
    }
  }
}
console.log('\nMigration 0012 (tenant keys), wall time of the one transaction');
console.log('| database | cases per municipality (3) | rows in tenant tables | 0011 → 0012 | tables | indexes 0011 → 0012 |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
