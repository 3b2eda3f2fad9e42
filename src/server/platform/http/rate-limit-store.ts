import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string } };

/**
 * A fixed-window counter per key in one statement: a new window starts at the first hit after the old one ended.
 * Returns the hits in the window and the milliseconds it has left.
 */
export async function hit(database: Database, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const seconds = windowMs / 1000;
  // One statement in its own transaction, as the owner (the table is not tenant data). It writes only an unlogged
  // table, so its commit waits for no WAL flush.
  const r = await sql<{ hits: number; ttl: number }>`
      insert into rate_limit as r (key, window_start, hits) values (${key}, now(), 1)
      on conflict (key) do update set
        hits = case when r.window_start <= now() - make_interval(secs => ${seconds}) then 1 else r.hits + 1 end,
        window_start = case when r.window_start <= now() - make_interval(secs => ${seconds}) then now() else r.window_start end
      returning hits, (extract(epoch from (window_start - now())) * 1000 + ${windowMs})::int as ttl`.execute(database.db);
  const row = r.rows[0];
  return { current: row?.hits ?? 1, ttl: Math.max(0, row?.ttl ?? windowMs) };
}

/** Removes counters whose window ended long ago (rate_limit_window_idx). */
export async function sweepRateLimits(database: Database, olderThanMs: number): Promise<number> {
  const r = await sql`delete from rate_limit where window_start < now() - make_interval(secs => ${olderThanMs / 1000})`.execute(
    database.db,
  );
  return Number(r.numAffectedRows ?? 0);
}

/**
 * @fastify/rate-limit's store, kept in the database: two app servers count against one limit, and a restart does
 * not forget. A route with its own limit (the demo log-in) counts in its own bucket.
 */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly bucket: string = '*',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      hit(database, `${this.bucket} ${key}`, timeWindow).then(
        (r) => cb(null, r),
        (e: Error) => cb(e),
      );
    }

    // The plugin passes the route's merged limit options with `routeInfo` (its typings say RouteOptions).
    child(params: object) {
      const { routeInfo } = params as RouteParams;
      const method = [routeInfo?.method ?? ''].flat().join(',');
      return new DatabaseRateLimitStore(undefined, `${method} ${routeInfo?.url ?? ''}`);
    }
  };
}
