import { fileURLToPath } from 'node:url';
import type { Database } from '../platform/db/database.ts';
import { loadMigrations, migrate } from '../platform/db/migrate.ts';
import type { DB } from './database.types.ts';

/** Visitator's schema, registered with the platform: its connections and transactions are typed with it. */
declare module '../platform/db/schema.ts' {
  interface Register {
    schema: DB;
  }
}

/** Visitator's forward-only migrations, applied by the platform's runner. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export const appMigrations = () => loadMigrations(MIGRATIONS_DIR);

/** Brings the database up to Visitator's schema; the names of the migrations applied now. */
export function migrateDatabase(database: Database): Promise<string[]> {
  return migrate(database, appMigrations());
}
