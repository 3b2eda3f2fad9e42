import { AsyncLocalStorage } from 'node:async_hooks';
import type { ControlledTransaction } from 'kysely';
import type { AppSchema } from './schema.ts';

/** The client of an API request went away before its answer: nothing more of the request runs in the database. */
export class RequestAborted extends Error {
  readonly code = 'request_aborted';
  constructor() {
    super('the client went away before the answer');
  }
}

/** What the request's guard leaves open for its page: the session check's transaction, in the session's municipality. */
export type PendingTransaction = { municipalityId: string; tx: ControlledTransaction<AppSchema> };

/**
 * What one API request holds in the database (issue 11):
 * - the **pending transaction**: the session check runs in a transaction that stays open, so the page's use case
 *   (platform/tx.ts `inTenant` in the same municipality) runs in it instead of opening a second one. Whatever else the
 *   request opens first commits it (on PGlite's single connection a second transaction could otherwise never start);
 *   the answer commits it if nothing took it.
 * - the **connections it has checked out** (each with a way to cancel its running statement), and whether its client
 *   has gone away: then each running statement is cancelled, no further statement starts (every one but `rollback`
 *   throws RequestAborted), so each open transaction rolls back, and on PostgreSQL its connection is discarded rather
 *   than returned to the pool (a cancel that arrives late can then never hit another request's statement).
 */
export class RequestScope {
  aborted = false;
  #pending: PendingTransaction | null = null;
  readonly #cancels = new Set<() => Promise<void>>();

  constructor(
    /** The database the request's transactions run on; another database's calls pass the scope by. */
    readonly database: object,
  ) {}

  /** The guard's open transaction, kept for the page. */
  hold(pending: PendingTransaction): void {
    this.#pending = pending;
  }

  /** The pending transaction if it is in this municipality (taken: the caller now ends it); otherwise nothing. */
  take(municipalityId: string): PendingTransaction['tx'] | undefined {
    const pending = this.#pending;
    if (!pending || pending.municipalityId !== municipalityId) return undefined;
    this.#pending = null;
    return pending.tx;
  }

  /** Commits the pending transaction if nothing took it (it holds only the session check's read). */
  async release(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    try {
      if (this.aborted) throw new RequestAborted();
      await pending.tx.commit().execute();
    } catch {
      // A commit that failed leaves the connection checked out; the rollback returns it (or discards it).
      await pending.tx
        .rollback()
        .execute()
        .catch(() => {});
    }
  }

  /** A connection the request has checked out: `cancel` stops its running statement. Returns the untrack function. */
  track(cancel: () => Promise<void>): () => void {
    this.#cancels.add(cancel);
    return () => this.#cancels.delete(cancel);
  }

  throwIfAborted(): void {
    if (this.aborted) throw new RequestAborted();
  }

  /** The client went away: cancel what runs, roll back what is open, start nothing more. */
  async abort(): Promise<void> {
    if (this.aborted) return;
    this.aborted = true;
    await Promise.all([...this.#cancels].map((cancel) => cancel().catch(() => {})));
    await this.release().catch(() => {});
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

export const requestScopes = {
  /** Runs `fn` (and everything it starts) in the request's scope. */
  run<T>(scope: RequestScope, fn: () => T): T {
    return storage.run(scope, fn);
  },
  /** The scope of the request this code runs for, if it runs for one and on this database. */
  current(database?: object): RequestScope | undefined {
    const scope = storage.getStore();
    return scope && (database === undefined || scope.database === database) ? scope : undefined;
  },
};

/** `rollback` must still run after an abort: it is how the open transaction ends. */
export function isRollback(statement: string): boolean {
  return /^\s*rollback\b/i.test(statement);
}
