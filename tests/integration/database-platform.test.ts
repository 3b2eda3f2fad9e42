import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMigrations } from '../../src/server/db/schema.ts';
import { type Database, openDatabase } from '../../src/server/platform/db/database.ts';
import { classifyDbError } from '../../src/server/platform/db/db-errors.ts';
import { MigrationError, migrate } from '../../src/server/platform/db/migrate.ts';
import { inSystem, inTenant } from '../../src/server/platform/tx.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.adminTransaction((tx) => tx.exec('create table scratch (id serial primary key, label text not null)'));
});
afterAll(async () => database.close());

const labels = async () =>
  (
    await database.db
      .selectFrom('scratch' as never)
      .select('label' as never)
      .orderBy('id' as never)
      .execute()
  ).map((r) => (r as { label: string }).label);

describe(`database platform on ${TEST_DB}`, () => {
  it('returns bigint and count as numbers and date as YYYY-MM-DD on both drivers', async () => {
    const row = await inSystem(database, async (tx) => {
      const r = await sql<{ big: unknown; n: unknown; total: unknown; day: unknown; leap: unknown }>`
        select 9007199254740991::bigint as big, count(*) as n, sum(x)::bigint as total,
               date '2025-12-31' as day, date '2028-02-29' as leap
        from generate_series(1, 3) as x`.execute(tx);
      return r.rows[0];
    });
    expect(row).toEqual({ big: 9007199254740991, n: 3, total: 6, day: '2025-12-31', leap: '2028-02-29' });
  });

  it('never interleaves two concurrent transactions: the rolled-back one leaves nothing behind', async () => {
    let releaseA!: () => void;
    const gate = new Promise<void>((r) => {
      releaseA = r;
    });
    const a = database.db
      .transaction()
      .execute(async (tx) => {
        await sql`insert into scratch (label) values ('A')`.execute(tx);
        await gate;
        throw new Error('roll back A');
      })
      .catch((e: Error) => e.message);
    const b = database.db.transaction().execute(async (tx) => {
      await sql`insert into scratch (label) values ('B')`.execute(tx);
    });
    setTimeout(releaseA, 50);
    const [aResult] = await Promise.all([a, b]);
    expect(aResult).toBe('roll back A');
    expect(await labels()).toEqual(['B']);
  });

  it('reports numUpdatedRows and numAffectedRows correctly', async () => {
    await sql`insert into scratch (label) values ('C'), ('D'), ('E')`.execute(database.db);
    const updated = await database.db
      .updateTable('scratch' as never)
      .set({ label: 'X' } as never)
      .where('label' as never, 'in', ['C', 'D'] as never)
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await database.db
      .deleteFrom('scratch' as never)
      .where('label' as never, '=', 'X' as never)
      .executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
    const none = await database.db
      .updateTable('scratch' as never)
      .set({ label: 'Y' } as never)
      .where('label' as never, '=', 'nothing' as never)
      .executeTakeFirst();
    expect(none.numUpdatedRows).toBe(0n);
  });

  it('refuses to run when an applied migration was edited', async () => {
    const edited = appMigrations().map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(database, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(database, edited)).rejects.toThrow(/0001_platform\.sql was edited after it was applied/);
  });

  it('applies a migration in one transaction: a failing one leaves no trace', async () => {
    const applied = appMigrations();
    const broken = {
      version: applied.length + 1,
      name: `${String(applied.length + 1).padStart(4, '0')}_broken.sql`,
      sql: 'create table half_done (id int);\nselect * from no_such_table;',
      checksum: 'b'.repeat(64),
    };
    await expect(migrate(database, [...applied, broken])).rejects.toThrow();
    const tables = await inSystem(database, (tx) =>
      sql<{ n: number }>`select count(*) as n from information_schema.tables where table_name = 'half_done'`.execute(tx),
    );
    expect(tables.rows[0]?.n).toBe(0);
    const versions = await database.db.selectFrom('schema_migration').select('version').execute();
    expect(versions.map((v) => v.version)).toEqual(applied.map((m) => m.version));
  });

  it('is idempotent: migrating an up-to-date database applies nothing', async () => {
    expect(await migrate(database, appMigrations())).toEqual([]);
  });
});

// PostgreSQL only: PGlite runs in this process and has no statement timeout (it serves one request at a time anyway).
const pgOnly = TEST_DB === 'postgres' ? describe : undefined;
pgOnly?.('the statement timeout on postgres', () => {
  it('cancels a request’s statement after STATEMENT_TIMEOUT_MS (503 territory), but not a migration’s', async () => {
    const url = (database as Database & { url?: string }).url as string;
    const bounded = await openDatabase({ kind: 'postgres', url, poolSize: 2, statementTimeoutMs: 200 });
    try {
      const slow = inTenant(bounded, '00000000-0000-0000-0000-000000000000', (tx) => sql`select pg_sleep(2)`.execute(tx));
      const error = await slow.then(
        () => null,
        (e: unknown) => e,
      );
      expect(classifyDbError(error).kind).toBe('timeout');
      // The pool's connection still serves the next request.
      const r = await inSystem(bounded, (tx) => sql<{ one: number }>`select 1 as one`.execute(tx));
      expect(r.rows[0]?.one).toBe(1);
      // Admin transactions (migrations, the generator, scripts) lift the limit.
      await bounded.adminTransaction((tx) => tx.query('select pg_sleep(0.4)'));
    } finally {
      await bounded.close();
    }
  });
});

// PGlite is one connection in this process: it prepares nothing (platform/db/database.ts namedStatements).
pgOnly?.('prepared statements on postgres', () => {
  it('keeps each statement the app repeats prepared on its connection, up to the setting, and none with 0', async () => {
    const url = (database as Database & { url?: string }).url as string;
    const open = (preparedPerConnection: number) => openDatabase({ kind: 'postgres', url, poolSize: 1, preparedPerConnection });
    const run = async (db: Database) => {
      const answers: number[] = [];
      for (const n of [1, 2, 3]) {
        for (const round of [1, 2]) {
          const r = await inSystem(db, (tx) =>
            sql<{ x: number }>`select ${n * 10 + round}::int + ${n === 1 ? sql`0` : n === 2 ? sql`00` : sql`000`} as x`.execute(
              tx,
            ),
          );
          answers.push(r.rows[0]?.x ?? -1);
        }
      }
      const prepared = await inSystem(db, (tx) =>
        sql<{ statement: string }>`select statement from pg_prepared_statements order by prepare_time`.execute(tx),
      );
      return { answers, prepared: prepared.rows.map((r) => r.statement) };
    };
    const two = await open(2);
    const none = await open(0);
    try {
      const a = await run(two);
      const b = await run(none);
      // The answers are the same whether or not a statement is prepared.
      expect(a.answers).toEqual([11, 12, 21, 22, 31, 32]);
      expect(b.answers).toEqual(a.answers);
      expect(a.prepared).toEqual(['select $1::int + 0 as x', 'select $1::int + 00 as x']);
      expect(b.prepared).toEqual([]);
    } finally {
      await two.close();
      await none.close();
    }
  });
});
