import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { Mutex } from './mutex.ts';
import { isRollback, RequestAborted, requestScopes } from './request-scope.ts';
import { PGLITE_PARSERS } from './type-parsers.ts';

/**
 * Kysely on PGlite. PGlite is one connection, so the driver hands it out under a mutex: a transaction
 * holds the lock from BEGIN to COMMIT/ROLLBACK and no other query can run inside it.
 * (kysely-pglite has no such lock and interleaves transactions; see STACK-NOTES.)
 *
 * A statement of an API request whose client has gone away does not start (platform/db/request-scope.ts): PGlite
 * runs one statement at a time in this process and cannot stop one that runs, so the request's transaction rolls back
 * at its next statement, and one still queued for the connection gives it up as soon as it gets it.
 */
export class PGliteDialect implements Dialect {
  constructor(
    private readonly pglite: PGlite,
    private readonly mutex: Mutex,
    /** The Kysely instance this dialect serves: whose request scopes apply. */
    private readonly scopeKey: () => object,
  ) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.mutex, this.scopeKey);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  #release: (() => void) | undefined;

  constructor(
    pglite: PGlite,
    private readonly mutex: Mutex,
    private readonly scopeKey: () => object,
  ) {
    this.#connection = new PGliteConnection(pglite, scopeKey);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = requestScopes.current(this.scopeKey());
    scope?.throwIfAborted();
    const release = await this.mutex.lock();
    if (scope?.aborted) {
      release();
      throw new RequestAborted();
    }
    this.#release = release;
    return this.#connection;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {}
}

const COMMANDS_WITH_ROW_COUNT = /^\s*(insert|update|delete|merge)\b/i;

class PGliteConnection implements DatabaseConnection {
  constructor(
    private readonly pglite: PGlite,
    private readonly scopeKey: () => object,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (requestScopes.current(this.scopeKey())?.aborted && !isRollback(compiled.sql)) throw new RequestAborted();
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters], { parsers: PGLITE_PARSERS });
    const counted = COMMANDS_WITH_ROW_COUNT.test(compiled.sql) || /^\s*with\b/i.test(compiled.sql);
    return {
      rows: result.rows,
      ...(counted && result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors; Kysely's stream() is not used here.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not support streaming queries');
  }
}
