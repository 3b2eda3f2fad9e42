import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { TEMPLATE_DATABASE, withDatabase } from './global-setup.ts';

export const TEST_DB = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/** A new, empty database (no migrations, no data): for tests that build a database at an older migration. */
export async function openEmptyTestDatabase(): Promise<Database> {
  if (TEST_DB === 'pglite') return openDatabase({ kind: 'pglite' });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `vt_empty_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (admin) => admin.query(`create database ${name}`));
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** A fresh copy of the migrated, seeded template: a PGlite loaded from the dump, or a cloned PostgreSQL database. */
export async function openTestDatabase(): Promise<Database & { url?: string }> {
  if (TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const name = `vt_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Copying a template needs it to have no other session, and two copies at once count as that:
      // test files take turns, and a session that is still closing gets a moment to go.
      await admin.query('select pg_advisory_lock(7342)');
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 5 });
    return {
      ...database,
      url: withDatabase(url, name),
      close: async () => {
        await database.close();
        const drop = new pg.Client({ connectionString: url });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  const file = process.env.PGLITE_TEMPLATE ?? join(process.cwd(), '.tmp', 'pglite-template.tar');
  const blob = new Blob([readFileSync(file)]);
  return openDatabase({ kind: 'pglite', loadDataDir: blob });
}

/** An empty database (no migrations, no data) of the suite's kind, dropped again on close. */
export async function openEmptyDatabase(): Promise<Database> {
  if (TEST_DB !== 'postgres') return openDatabase({ kind: 'pglite' });
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `vt_empty_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 2 });
  return {
    ...database,
    close: async () => {
      await database.close();
      // The pool's connections close a moment after it ends: wait for them rather than terminate them (a terminated
      // idle connection is an unhandled error in the pool).
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await drop.query(`drop database if exists ${name}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await drop.end();
      }
    },
  };
}
