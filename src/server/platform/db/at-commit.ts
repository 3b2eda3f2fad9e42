import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Statements a transaction sends with its COMMIT, in the same message (issue 11, ADR 0007).
 *
 * Why: the audit chain's append takes the chain's lock (migration 0025), and the lock is held until the commit. Sent
 * as a statement of its own, the lock was held while its answer travelled to Node, waited for Node's event loop and
 * Node sent `commit`: under load most of a municipality's audited requests queued for that lock. Sent with the
 * commit, the lock is held only while the database appends and commits: no round trip to Node is inside it.
 *
 * What it keeps: a statement queued here runs in its transaction, after everything else the transaction did, and the
 * transaction commits only if it succeeds (the simple-query protocol skips the rest of a message after an error, and
 * the transaction is then rolled back). A rollback, or a rollback to a savepoint set before it was queued, drops it.
 * Outside a transaction it runs at once.
 *
 * The statement is sent by the simple-query protocol (several statements in one message take no parameters), so its
 * values must be written as literals: `sqlLiteral`.
 */
const MARK = '/* visitator:at-commit */ ';

/** Anything that runs a compiled query: a Kysely transaction (platform/tx.ts `Tx`) or instance. */
type Executor = { executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>> };

/** Queues `statement` (literal SQL, no parameters) to be sent with the transaction's COMMIT. */
export async function atCommit(tx: Executor, statement: string): Promise<void> {
  await tx.executeQuery(CompiledQuery.raw(MARK + statement));
}

/**
 * A string as an SQL literal, safe whatever `standard_conforming_strings` is: quotes doubled, and backslashes doubled
 * in the E'' form when there are any (as libpq's PQescapeLiteral). PostgreSQL text cannot hold NUL, so neither may this.
 */
export function sqlLiteral(value: string): string {
  if (value.includes('\0')) throw new Error('sqlLiteral: a NUL character cannot be sent to PostgreSQL');
  const quoted = `'${value.replaceAll("'", "''")}'`;
  return value.includes('\\') ? ` E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/**
 * The dialect with commit-time statements. `oneMessage`: send them and the COMMIT as one message (PostgreSQL's
 * simple-query protocol). PGlite's query API takes one statement; there they run one by one before the commit, under
 * the connection's mutex, where nothing can wait between them anyway.
 */
export function withAtCommit(dialect: Dialect, oneMessage: boolean): Dialect {
  return {
    createAdapter: (): DialectAdapter => dialect.createAdapter(),
    createDriver: (): Driver => new AtCommitDriver(dialect.createDriver(), oneMessage),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => dialect.createIntrospector(db),
    createQueryCompiler: (): QueryCompiler => dialect.createQueryCompiler(),
  };
}

const SAVEPOINT = /^\s*savepoint\s+("?[\w$]+"?)\s*;?\s*$/i;
const ROLLBACK_TO = /^\s*rollback\s+to\s+(?:savepoint\s+)?("?[\w$]+"?)\s*;?\s*$/i;

/** A connection with its transaction's queued statements. */
class AtCommitConnection implements DatabaseConnection {
  inTransaction = false;
  queued: string[] = [];
  /** How many statements were queued when each savepoint was set. */
  readonly savepoints = new Map<string, number>();

  constructor(readonly inner: DatabaseConnection) {}

  reset(inTransaction: boolean): string[] {
    const queued = this.queued;
    this.queued = [];
    this.savepoints.clear();
    this.inTransaction = inTransaction;
    return queued;
  }

  markSavepoint(name: string): void {
    this.savepoints.set(name.replaceAll('"', ''), this.queued.length);
  }

  rollBackTo(name: string): void {
    const mark = this.savepoints.get(name.replaceAll('"', ''));
    if (mark !== undefined) this.queued.length = mark;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (compiled.sql.startsWith(MARK) && this.inTransaction) {
      this.queued.push(compiled.sql.slice(MARK.length));
      return { rows: [] };
    }
    const savepoint = SAVEPOINT.exec(compiled.sql);
    const result = await this.inner.executeQuery<R>(compiled);
    if (savepoint?.[1]) this.markSavepoint(savepoint[1]);
    const rollbackTo = ROLLBACK_TO.exec(compiled.sql);
    if (rollbackTo?.[1]) this.rollBackTo(rollbackTo[1]);
    return result;
  }

  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiled, chunkSize);
  }
}

class AtCommitDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, AtCommitConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly oneMessage: boolean,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let wrapped = this.#wrapped.get(connection);
    if (!wrapped) {
      wrapped = new AtCommitConnection(connection);
      this.#wrapped.set(connection, wrapped);
    }
    wrapped.reset(false);
    return wrapped;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as AtCommitConnection;
    await this.inner.beginTransaction(c.inner, settings);
    c.reset(true);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as AtCommitConnection;
    const queued = c.queued;
    if (!queued.length) return this.inner.commitTransaction(c.inner);
    if (this.oneMessage) {
      await c.inner.executeQuery(CompiledQuery.raw(`${queued.join(';\n')};\ncommit`));
    } else {
      for (const statement of queued) await c.inner.executeQuery(CompiledQuery.raw(statement));
      await this.inner.commitTransaction(c.inner);
    }
    // Only once committed: a failed commit leaves them for the rollback to drop.
    c.reset(false);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as AtCommitConnection;
    c.reset(false);
    await this.inner.rollbackTransaction(c.inner);
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const c = connection as AtCommitConnection;
    if (!this.inner.savepoint) throw new Error('savepoints are not supported by this database driver');
    await this.inner.savepoint(c.inner, name, compile);
    c.markSavepoint(name);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const c = connection as AtCommitConnection;
    if (!this.inner.rollbackToSavepoint) throw new Error('savepoints are not supported by this database driver');
    await this.inner.rollbackToSavepoint(c.inner, name, compile);
    c.rollBackTo(name);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const c = connection as AtCommitConnection;
    if (!this.inner.releaseSavepoint) throw new Error('savepoints are not supported by this database driver');
    await this.inner.releaseSavepoint(c.inner, name, compile);
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as AtCommitConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
