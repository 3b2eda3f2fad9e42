import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';

export type Migration = { version: number; name: string; sql: string; checksum: string };

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE_PATTERN = /^(\d{4})_[a-z0-9-]+\.sql$/;

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Forward-only migrations: numbered .sql files in `dir` (the application's), applied in order, one transaction each. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const migrations = files.map((name) => {
    const m = FILE_PATTERN.exec(name);
    if (!m) throw new MigrationError(`Migration file name must be NNNN_kebab-name.sql: ${name}`);
    const sql = readFileSync(join(dir, name), 'utf8');
    return { version: Number(m[1]), name, sql, checksum: checksumOf(sql) };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new MigrationError(`Migrations must be numbered 0001, 0002, … without gaps: ${m.name}`);
  });
  return migrations;
}

type Applied = { version: number; name: string; checksum: string };

export async function migrate(database: Database, migrations: Migration[]): Promise<string[]> {
  await database.adminTransaction((tx) =>
    tx.exec(`create table if not exists schema_migration (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`),
  );
  const applied = await database.adminTransaction((tx) =>
    tx.query<Applied>('select version, name, checksum from schema_migration order by version'),
  );
  const byVersion = new Map(applied.map((a) => [a.version, a]));
  for (const a of applied) {
    const m = migrations.find((x) => x.version === a.version);
    if (!m) throw new MigrationError(`The database has migration ${a.name}, which this code does not know.`);
    if (m.checksum !== a.checksum) {
      throw new MigrationError(
        `Migration ${a.name} was edited after it was applied (checksum ${a.checksum.slice(0, 12)} in the database, ` +
          `${m.checksum.slice(0, 12)} on disk). Migrations are forward-only: undo the edit and add a new migration.`,
      );
    }
  }
  const done: string[] = [];
  for (const m of migrations) {
    if (byVersion.has(m.version)) continue;
    await database.adminTransaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (version, name, checksum) values ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
    });
    done.push(m.name);
  }
  return done;
}

export type MigrationStatus = { current: boolean; pending: string[]; unknown: string[]; edited: string[] };

/** Whether the database has exactly the migrations this code has (for GET /readyz); reads schema_migration only. */
export async function migrationStatus(database: Database, migrations: readonly Migration[]): Promise<MigrationStatus> {
  const applied = await database.db.selectFrom('schema_migration').select(['version', 'name', 'checksum']).execute();
  const byVersion = new Map(applied.map((a) => [a.version, a]));
  const known = new Set(migrations.map((m) => m.version));
  const pending = migrations.filter((m) => !byVersion.has(m.version)).map((m) => m.name);
  const edited = migrations.filter((m) => (byVersion.get(m.version)?.checksum ?? m.checksum) !== m.checksum).map((m) => m.name);
  const unknown = applied.filter((a) => !known.has(a.version)).map((a) => a.name);
  return { current: !pending.length && !edited.length && !unknown.length, pending, unknown, edited };
}
