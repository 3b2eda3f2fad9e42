import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { withAtCommit } from './at-commit.ts';
import { Mutex } from './mutex.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { isRollback, RequestAborted, requestScopes } from './request-scope.ts';
import type { AppSchema } from './schema.ts';
import { PGLITE_PARSERS, pgTypes } from './type-parsers.ts';

/** A transaction for scripts run as the schema owner (migrations, seed, verification), never by requests. */
export type AdminTx = {
  exec(script: string): Promise<void>;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * `COPY table (columns)` from the given text (COPY's text format): the fastest bulk load either database has (the
   * data generator's; PGlite reads it as a file, PostgreSQL from the client).
   */
  copyFrom(statement: string, data: string): Promise<void>;
};

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Kysely<AppSchema>;
  adminTransaction<T>(fn: (tx: AdminTx) => Promise<T>): Promise<T>;
  /**
   * Hears about connections the database dropped (a restart, a fail-over, pg_terminate_backend). The pool has
   * already discarded them; requests in flight on them fail (and answer 503), the next ones get new connections.
   */
  onConnectionError(listener: (error: Error) => void): void;
  /**
   * One statement (or, without parameters, a script) outside any use case, as the schema owner: for the job queue
   * (platform/jobs). On PGlite it waits its turn on the same mutex as every transaction.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** PGlite only: the underlying instance (tests dump it as a template). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      connectTimeoutMs?: number;
      /** Every statement of every connection (requests' and scripts') is cancelled after this; 0 = no limit. */
      statementTimeoutMs?: number;
      /** Statements each connection keeps prepared (`namedStatements`); 0 = none. */
      preparedPerConnection?: number;
    }
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob | File;
      /** An instance already being opened on `dataDir` with the same settings (scripts/start.mjs opens it early). */
      opening?: Promise<PGlite>;
    };

/**
 * PGlite's postgres as initdb set it up, but with 32 MB of shared buffers instead of 128 MB: each open zeroes the
 * whole shared memory in WebAssembly (0.4 s more of every start at 128 MB), and an embedded database's tables fit
 * (the demo's are 24 MB; PGlite reads what does not from the operating system's file cache).
 * scripts/start.mjs opens it early with the same parameters.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres'
    ? openPostgres(
        options.url,
        options.poolSize ?? 10,
        options.connectTimeoutMs ?? 5000,
        options.statementTimeoutMs ?? 0,
        options.preparedPerConnection ?? DEFAULT_PREPARED_PER_CONNECTION,
      )
    : openPGlite(options);
}

async function openPGlite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
  opening?: Promise<PGlite>;
}): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = options.opening
    ? withParsers(await options.opening)
    : await PGlite.create({
        ...(options.dataDir ? { dataDir: options.dataDir } : {}),
        ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
        parsers: PGLITE_PARSERS,
        startParams: PGLITE_START_PARAMS,
        // An embedded demo trades fsync-per-commit for speed; real deployments use PostgreSQL.
        relaxedDurability: true,
      });
  const mutex = new Mutex();
  const db: Kysely<AppSchema> = new Kysely<AppSchema>({
    dialect: withAtCommit(new PGliteDialect(pglite, mutex, () => db), false),
  });
  return {
    kind: 'pglite',
    db,
    pglite,
    adminTransaction: (fn) =>
      mutex.run(() =>
        pglite.transaction((tx) =>
          fn({
            exec: async (script) => {
              await tx.exec(script);
            },
            query: async <R>(text: string, params?: unknown[]) =>
              (await tx.query<R>(text, params ?? [], { parsers: PGLITE_PARSERS })).rows,
            copyFrom: async (statement, data) => {
              await tx.query(`${statement} from '/dev/blob'`, [], { blob: new Blob([data]) });
            },
          }),
        ),
      ),
    // An embedded database has no connection to lose.
    onConnectionError: () => {},
    executeSql: async (text, values) => {
      // A request's pending transaction holds the one connection: end it first (platform/db/request-scope.ts).
      await requestScopes.current(db)?.release();
      return mutex.run(async () => {
        if (values?.length)
          return { rows: (await pglite.query<Record<string, unknown>>(text, values, { parsers: PGLITE_PARSERS })).rows };
        // Without parameters the simple protocol takes several statements (pg-boss's schema scripts); the last answers.
        const results = await pglite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      });
    },
    close: async () => {
      await db.destroy();
      await mutex.run(() => pglite.close());
    },
  };
}

/** An instance opened elsewhere gets the parsers PGlite.create would have given it (as its constructor merges them). */
function withParsers(pglite: PGlite): PGlite {
  pglite.parsers = { ...pglite.parsers, ...PGLITE_PARSERS };
  return pglite;
}

async function openPostgres(
  url: string,
  poolSize: number,
  connectTimeoutMs: number,
  statementTimeoutMs: number,
  preparedPerConnection: number,
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Set once per connection at connect (no statement per request). Admin transactions (migrations) lift it.
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    types: pgTypes(pg.types),
    // While the database is away, a request fails within this time (503) instead of waiting for ever.
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
  });
  const listeners: ((error: Error) => void)[] = [];
  const connectionLost = (error: Error) => {
    for (const listener of listeners) listener(error);
  };
  // Without these, a backend that goes away emits an 'error' no one hears, and Node ends the process: on the pool
  // for idle connections, and on each client for connections checked out between two statements.
  pool.on('error', () => {
    // Reported by the client's own listener below; the pool has discarded the connection.
  });
  pool.on('connect', (client) => {
    client.on('error', connectionLost);
  });
  const db: Kysely<AppSchema> = new Kysely<AppSchema>({
    dialect: withAtCommit(
      new PostgresDialect({
        pool: requestAwarePool(pool, () => db, url, connectTimeoutMs, namedStatements(preparedPerConnection)),
      }),
      true,
    ),
  });
  return {
    kind: 'postgres',
    db,
    adminTransaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        // Migrations and data scripts may legitimately run long; only requests are bounded.
        if (statementTimeoutMs > 0) await client.query('set local statement_timeout = 0');
        const result = await fn({
          exec: async (script) => {
            // No parameters: node-postgres uses the simple protocol, which takes several statements.
            await client.query(script);
          },
          query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params ?? [])).rows as R[],
          copyFrom: async (statement, data) => {
            const stream = client.query(copyFromStdin(`${statement} from stdin`));
            await new Promise<void>((resolve, reject) => {
              stream.on('error', reject);
              stream.on('finish', resolve);
              stream.end(data);
            });
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    onConnectionError: (listener) => {
      listeners.push(listener);
    },
    executeSql: async (text, values) => ({ rows: (await pool.query(text, values ?? [])).rows }),
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; admin transactions use the pool directly.
      if (!pool.ended) await pool.end();
    },
  };
}

/**
 * The pool as Kysely sees it, aware of the API request it serves (platform/db/request-scope.ts): a connection checked
 * out for a request is tracked with a way to cancel its running statement; once the request's client has gone away,
 * no statement but `rollback` starts on it, and it is discarded instead of returned to the pool (so a cancel that
 * arrives late can never stop another request's statement). Outside a request it is the plain pool.
 */
function requestAwarePool(
  pool: pg.Pool,
  dbOf: () => Kysely<AppSchema>,
  url: string,
  connectTimeoutMs: number,
  named: (client: pg.PoolClient, args: unknown[]) => unknown[],
): PostgresPool {
  return {
    connect: async () => {
      const scope = requestScopes.current(dbOf());
      scope?.throwIfAborted();
      const client = await pool.connect();
      const query = (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...named(client, args));
      if (!scope) return { query, release: (destroy?: boolean) => client.release(destroy) } as unknown as PostgresPoolClient;
      if (scope.aborted) {
        client.release();
        throw new RequestAborted();
      }
      const pid = (client as unknown as { processID: number }).processID;
      const untrack = scope.track(() => cancelBackend(url, pid, connectTimeoutMs));
      const wrapped = {
        query: (...args: unknown[]) => {
          if (scope.aborted && !(typeof args[0] === 'string' && isRollback(args[0]))) return Promise.reject(new RequestAborted());
          return query(...args);
        },
        release: () => {
          untrack();
          client.release(scope.aborted ? true : undefined);
        },
      };
      return wrapped as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** Enough for every statement the app's pages send, few enough to bound each backend's memory (a plan is ~10–100 kB). */
const DEFAULT_PREPARED_PER_CONNECTION = 300;

/**
 * Named (prepared) statements on PostgreSQL (issue 11). Kysely sends every statement unnamed, so the database parses,
 * rewrites (row-level security's policies included) and plans it again at every execution. Measured at the load
 * benchmark, planning took longer than execution for most of a page's reads. A statement sent with a name is parsed
 * once per connection, and PostgreSQL's plan cache then reuses its plan when a generic plan is as good (plan_cache_mode
 * auto; a plan is replanned when the role or a table it uses changes, so row-level security still applies).
 * The name is the statement's text's number in this process; each connection prepares at most `perConnection`
 * statements (then sends the rest unnamed), and the process names at most 20,000 texts, so neither grows without end.
 */
function namedStatements(perConnection: number) {
  const names = new Map<string, string>();
  const prepared = new WeakMap<object, Set<string>>();
  return (client: pg.PoolClient, args: unknown[]): unknown[] => {
    const [text, values] = args;
    if (perConnection <= 0 || typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return args;
    let name = names.get(text);
    if (!name) {
      if (names.size >= 20_000) return args;
      name = `visitator_${names.size.toString(36)}`;
      names.set(text, name);
    }
    let mine = prepared.get(client);
    if (!mine) {
      mine = new Set();
      prepared.set(client, mine);
    }
    if (!mine.has(name)) {
      if (mine.size >= perConnection) return args;
      mine.add(name);
    }
    return [{ name, text, values }];
  };
}

/**
 * Stops the statement a backend is running (pg_cancel_backend, from a connection of its own outside the pool, which a
 * request that went away may have exhausted). A backend that is idle ignores it.
 */
async function cancelBackend(url: string, pid: number, connectTimeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('select pg_cancel_backend($1)', [pid]);
  } finally {
    await client.end().catch(() => {});
  }
}
