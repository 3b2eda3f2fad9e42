import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/server/db/schema.ts';
import { seedAgreements } from '../../src/server/db/seed/agreements-seed.ts';
import { seedDemoData } from '../../src/server/db/seed/demo-seed.ts';
import { importFfb } from '../../src/server/db/seed/ffb-import.ts';
import { openDatabase } from '../../src/server/platform/db/database.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';

export const TEMPLATE_DATABASE = 'vt_template';

/**
 * Builds the migrated, seeded template once per run: PGlite dumps it to a file that every test file
 * loads (loadDataDir, ~0.5 s instead of initdb's ~3 s); PostgreSQL keeps it as a template database
 * that every test file clones (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB;
  // The demo history runs up to this day; the generator's tests regenerate with it to check determinism.
  const today = plainDateInCopenhagen(new Date());
  process.env.DEMO_TODAY = today;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url)
      throw new Error('TEST_DATABASE_URL is not set: the real-PostgreSQL leg needs a server (scripts/test.mjs starts one).');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
    await admin.end();
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DATABASE), poolSize: 2 });
    await migrateDatabase(database);
    await importFfb(database);
    await seedDemoData(database, today);
    await seedAgreements(database, { today });
    await database.close();
    return;
  }
  const database = await openDatabase({ kind: 'pglite' });
  await migrateDatabase(database);
  await importFfb(database);
  await seedDemoData(database, today);
  await seedAgreements(database, { today });
  const dump = await database.pglite?.dumpDataDir('none');
  await database.close();
  if (!dump) throw new Error('PGlite dump failed');
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'pglite-template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.PGLITE_TEMPLATE = file;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
