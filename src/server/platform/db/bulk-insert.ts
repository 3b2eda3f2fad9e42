import { sql } from 'kysely';
import type { Tx } from '../tx.ts';

/** The PostgreSQL type of each column a bulk insert writes (the arrays are cast to `type[]`). */
export type BulkColumnType =
  | 'uuid'
  | 'text'
  | 'date'
  | 'boolean'
  | 'integer'
  | 'smallint'
  | 'numeric'
  | 'timestamptz'
  | 'jsonb'
  | 'text[]';

/** Rows per statement: one array parameter per column, so the count is not bound by the 65,535-parameter limit. */
const CHUNK = 20_000;

/** From this many rows a write refreshes the statistics of a table other rows will reference (import_analyze). */
const ANALYZE_MIN_ROWS = 1_000;

/** The tables whose statistics a transaction has refreshed already (once is enough: from then on the key wins). */
const analyzed = new WeakMap<Tx, Set<string>>();

/** An element as PostgreSQL's array input reads it: quoted (and escaped) only when it must be. */
function element(text: string): string {
  if (text !== '' && !/[\s",{}\\]/.test(text) && text.toLowerCase() !== 'null') return text;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A row's value as text for the column's array literal (null stays null). */
function encode(value: unknown, type: BulkColumnType): string | null {
  if (value === null || value === undefined) return null;
  // An array column travels as its own array literal (`{a,b}`), one text element: unnest would flatten a 2-D array.
  if (type === 'text[]') return `{${(value as string[]).map(element).join(',')}}`;
  if (type === 'jsonb') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/**
 * A column's values as one array literal, built here rather than by the driver: node-postgres quotes and escapes every
 * element of an array parameter (two regular expressions each), the largest part of the import's writing in Node.
 */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : element(v))).join(',')}}`;
}

/**
 * Writes rows set-based, the same SQL on PostgreSQL and PGlite: one `insert … select … from unnest($1::uuid[],
 * $2::text[], …)` per 20,000 rows, one array parameter per column. A statement per row (or a VALUES list with a
 * parameter per value) costs a round trip or a parse per row; this costs one per chunk. Row-level security, keys,
 * foreign keys and triggers apply as to any insert. The caller's transaction; ids are the caller's (computed up front,
 * so what refers to a row knows its id without a RETURNING round trip).
 *
 * `referenced`: rows written next in the same transaction refer to these (a case to its citizen; import_analyze,
 * migration 0033, names the tables it may be said of). After the first
 * large write the table's statistics are refreshed within the transaction (migration 0033 says why): otherwise each
 * child row's foreign-key check may be planned from statistics that predate the write and read every row of the
 * municipality instead of one.
 */
export async function bulkInsert<Row extends Record<string, unknown>>(
  tx: Tx,
  table: string,
  types: { readonly [C in keyof Row & string]: BulkColumnType },
  rows: readonly Row[],
  options: { referenced?: boolean } = {},
): Promise<void> {
  const columns = Object.keys(types) as (keyof Row & string)[];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const sources = columns.map((c) => {
      const type = types[c];
      const literal = arrayLiteral(part.map((r) => encode(r[c], type)));
      return sql`${literal}::${sql.raw(type === 'text[]' || type === 'jsonb' ? 'text' : type)}[]`;
    });
    const targets = columns.map((c) => sql.ref(c));
    const selected = columns.map((c) => {
      const type = types[c];
      return type === 'text[]' || type === 'jsonb' ? sql`${sql.ref(`r.${c}`)}::${sql.raw(type)}` : sql.ref(`r.${c}`);
    });
    await sql`insert into ${sql.table(table)} (${sql.join(targets)})
      select ${sql.join(selected)} from unnest(${sql.join(sources)}) as r(${sql.join(targets)})`.execute(tx);
  }
  if (options.referenced && rows.length >= ANALYZE_MIN_ROWS) {
    const done = analyzed.get(tx) ?? new Set<string>();
    if (!done.has(table)) {
      await sql`select import_analyze(${table})`.execute(tx);
      done.add(table);
      analyzed.set(tx, done);
    }
  }
}
