import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One writer per table (docs/ARCHITECTURE.md, "Who writes which table"), read from the sources so it cannot regress:
 * every write the server makes at run time — Kysely's insertInto / updateTable / deleteFrom / mergeInto / replaceInto,
 * or an INSERT / UPDATE / DELETE in a sql`…` template — is found in src/server and attributed to its module
 * (modules/<name>) or platform part (platform/<name>). Each table must have exactly the writer the architecture
 * names, and every table the migrations create must be named there. The demo seed (src/server/db/seed) loads data
 * as the schema owner before the app runs and is not a writer in this sense.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'src', 'server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('server', 'db')) ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** modules/<name> or platform/<name> (a file directly in platform/ is `platform`). */
function writerOf(file: string): string {
  const parts = relative(SERVER, file).split(/[\\/]/);
  if (parts[0] === 'modules' || (parts[0] === 'platform' && parts.length > 2)) return `${parts[0]}/${parts[1]}`;
  return parts[0] === 'platform' ? 'platform' : (parts[0] ?? file);
}

type Write = { table: string; writer: string; at: string };

const KYSELY_WRITE = /\.(insertInto|updateTable|deleteFrom|mergeInto|replaceInto)\(\s*([^)]*?)\s*[,)]/g;
const SQL_TEMPLATE = /\bsql(?:<[^>]*>)?`([^`]*)`/g;
const RAW_WRITE =
  /\b(?:(?:insert|merge)\s+into|delete\s+from|truncate(?:\s+table)?)\s+([a-z_][a-z0-9_]*)|\bupdate\s+(?:only\s+)?([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?[a-z_]\w*)?\s+set\b/gi;

/** Every write in one source text; a write whose table is not a literal is reported as such, never skipped. */
function writesIn(text: string, writer: string, file: string): Write[] {
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const writes: Write[] = [];
  for (const m of text.matchAll(KYSELY_WRITE)) {
    const literal = /^['"]([a-z_][a-z0-9_]*)(?:\s+as\s+\w+)?['"]$/.exec(m[2] ?? '');
    writes.push({ table: literal?.[1] ?? `<not a literal: ${m[2]}>`, writer, at: `${file}:${lineOf(m.index)}` });
  }
  for (const t of text.matchAll(SQL_TEMPLATE)) {
    for (const m of (t[1] ?? '').matchAll(RAW_WRITE)) {
      writes.push({ table: (m[1] ?? m[2] ?? '').toLowerCase(), writer, at: `${file}:${lineOf(t.index)}` });
    }
  }
  return writes;
}

function serverWrites(): Write[] {
  return sourceFiles(SERVER).flatMap((file) =>
    writesIn(readFileSync(file, 'utf8'), writerOf(file), relative(ROOT, file).replaceAll('\\', '/')),
  );
}

/** The tables the migrations create. */
function migratedTables(): string[] {
  const dir = join(SERVER, 'db', 'migrations');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) => [
      ...readFileSync(join(dir, f), 'utf8').matchAll(/create (?:unlogged )?table (?:if not exists )?([a-z_][a-z0-9_]*)/gi),
    ])
    .map((m) => (m[1] ?? '').toLowerCase())
    .filter((t) => t !== 'schema_migration');
}

/** The architecture's table: `table` → `modules/x` | `platform/x` | seed only. */
function documentedWriters(): Map<string, string> {
  const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const section = doc.split(/^## Who writes which table$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = [...section.matchAll(/^\|\s*`([a-z_][a-z0-9_]*)`\s*\|\s*([^|]+?)\s*\|/gm)];
  return new Map(rows.map((r) => [r[1] as string, (r[2] as string).replaceAll('`', '').trim()]));
}

describe('one writer per table', () => {
  const writes = serverWrites();
  const byTable = new Map<string, Write[]>();
  for (const w of writes) byTable.set(w.table, [...(byTable.get(w.table) ?? []), w]);
  const documented = documentedWriters();

  it('finds the writes it is meant to find (the scanner itself works)', () => {
    const sample = [
      "await tx.insertInto('case_file').values(row)",
      "tx.updateTable('case_order as o').set({})",
      'tx\n  .deleteFrom("assessment_theme")\n  .where()',
      'sql`insert into complaint (id) values (1)`',
      'sql<number>`update decision d set x = 1`',
      'sql`insert into order_journal (id) values (1) on conflict do update set x = 1`',
      'tx.insertInto(table).values(row)',
    ].join('\n');
    expect(writesIn(sample, 'modules/x', 'x.ts').map((w) => w.table)).toEqual([
      'case_file',
      'case_order',
      'assessment_theme',
      '<not a literal: table>',
      'complaint',
      'decision',
      'order_journal',
    ]);
    expect(writes.length).toBeGreaterThan(30);
  });

  it('names every written table literally', () => {
    expect(writes.filter((w) => w.table.startsWith('<')).map((w) => w.at)).toEqual([]);
  });

  it.each([...byTable.entries()].map(([table, ws]) => [table, ws] as const))('%s has exactly one writing module', (table, ws) => {
    const writers = [...new Set(ws.map((w) => w.writer))];
    expect(writers, `${table} is written by ${writers.join(' and ')}: ${ws.map((w) => w.at).join(', ')}`).toHaveLength(1);
    expect(writers[0], `docs/ARCHITECTURE.md names the writer of ${table}`).toBe(documented.get(table));
  });

  it('documents every table the migrations create, and no table that is not there', () => {
    const tables = migratedTables();
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((t) => !documented.has(t))).toEqual([]);
    expect([...documented.keys()].filter((t) => !tables.includes(t))).toEqual([]);
  });

  it('has no write the documentation says does not happen at run time', () => {
    const seedOnly = [...documented].filter(([, w]) => w.startsWith('seed')).map(([t]) => t);
    expect(
      seedOnly
        .filter((t) => byTable.has(t))
        .map(
          (t) =>
            `${t}: ${byTable
              .get(t)
              ?.map((w) => w.at)
              .join(', ')}`,
        ),
    ).toEqual([]);
  });
});
