import { sql, type Transaction } from 'kysely';
import type { Database } from './db/database.ts';
import { requestScopes } from './db/request-scope.ts';
import type { AppSchema } from './db/schema.ts';

/** A transaction on the application's registered schema (platform/db/schema.ts). */
export type Tx = Transaction<AppSchema>;

/**
 * Runs one use case in one transaction as the app role, scoped to a municipality: row-level security
 * then shows and accepts only that municipality's rows. In an API request, the first use case in the session's
 * municipality runs in the transaction the session check opened (platform/db/request-scope.ts): one transaction a
 * request, not two.
 */
export async function inTenant<T>(database: Database, municipalityId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scope = requestScopes.current(database.db);
  const pending = scope?.take(municipalityId);
  if (pending) {
    // The role and the municipality are set already: the session check ran as this tenant.
    try {
      const result = await fn(pending);
      await pending.commit().execute();
      return result;
    } catch (error) {
      await pending
        .rollback()
        .execute()
        .catch(() => {});
      throw error;
    }
  }
  await scope?.release();
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
export async function inSystem<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await requestScopes.current(database.db)?.release();
  return database.db.transaction().execute(fn);
}

/**
 * Public, logged-out reads (the public catalogue): the app role with no municipality, so only rows a
 * `public_read` policy opens are visible.
 */
export async function inPublic<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await requestScopes.current(database.db)?.release();
  return database.db.transaction().execute(async (tx) => {
    await sql`select set_config('role', 'visitator_app', true), set_config('app.municipality_id', '', true)`.execute(tx);
    return fn(tx);
  });
}
