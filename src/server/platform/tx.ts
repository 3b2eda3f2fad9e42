import { sql, type Transaction } from 'kysely';
import type { Database } from './db/database.ts';
import type { AppSchema } from './db/schema.ts';

/** A transaction on the application's registered schema (platform/db/schema.ts). */
export type Tx = Transaction<AppSchema>;

/**
 * Runs one use case in one transaction as the app role, scoped to a municipality: row-level security
 * then shows and accepts only that municipality's rows.
 */
export function inTenant<T>(database: Database, municipalityId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'visitator_app', true), set_config('app.municipality_id', ${municipalityId}, true)`.execute(
      tx,
    );
    return fn(tx);
  });
}

/**
 * Runs as the schema owner, outside any tenant. Only for what must cross tenants before one is known:
 * resolving a session or a log-in to its user, and platform audit events.
 */
export function inSystem<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(fn);
}

/**
 * Public, logged-out reads (the public catalogue): the app role with no municipality, so only rows a
 * `public_read` policy opens are visible.
 */
export function inPublic<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'visitator_app', true), set_config('app.municipality_id', '', true)`.execute(tx);
    return fn(tx);
  });
}
