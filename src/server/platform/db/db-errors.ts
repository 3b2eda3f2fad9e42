/**
 * What a database error means for the caller, in one place. Both drivers (pg and PGlite) throw errors with the
 * SQLSTATE in `code` and, for constraint violations, the `table` and `constraint`.
 * https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
type PgErrorLike = { code?: unknown; table?: unknown; constraint?: unknown; message?: unknown };

export type DbErrorKind =
  /** 23505: a unique constraint fired, typically two writers racing for the same slot. */
  | { kind: 'unique_violation'; table: string | undefined; constraint: string | undefined }
  /** 22021, 22P05: a character PostgreSQL cannot store (NUL). Input validation should have stopped it first. */
  | { kind: 'unstorable_text' }
  /** The database is away: restarting, failing over, our backend terminated, or not reachable. */
  | { kind: 'unavailable' }
  /** 57014: the statement ran past STATEMENT_TIMEOUT_MS (or was cancelled): the server is overloaded for now. */
  | { kind: 'timeout' }
  | { kind: 'other' };

/** SQLSTATEs that mean the server or our connection went away (class 08, and 57P01–57P03). */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** Node and node-postgres errors without a SQLSTATE that mean the same. */
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Cannot use a pool after calling end on the pool',
];

export function classifyDbError(error: unknown): DbErrorKind {
  if (typeof error !== 'object' || error === null) return { kind: 'other' };
  const e = error as PgErrorLike;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code === '23505') {
    return {
      kind: 'unique_violation',
      table: typeof e.table === 'string' ? e.table : undefined,
      constraint: typeof e.constraint === 'string' ? e.constraint : undefined,
    };
  }
  if (code === '22021' || code === '22P05') return { kind: 'unstorable_text' };
  if (code === '57014') return { kind: 'timeout' };
  if (code && (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) {
    return { kind: 'unavailable' };
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return { kind: 'unavailable' };
  // AggregateError from net.connect on several addresses (localhost resolves to ::1 and 127.0.0.1).
  if (error instanceof AggregateError && error.errors.some((x) => classifyDbError(x).kind === 'unavailable')) {
    return { kind: 'unavailable' };
  }
  return { kind: 'other' };
}
