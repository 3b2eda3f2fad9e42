// `npm run db:types`: regenerates src/server/db/database.types.ts from the migrations, with kysely-codegen, on a new
// in-memory PGlite (no server needed). `npm run db:types:check` (part of `npm run lint`) fails when the checked-in file
// differs from what the migrations give, and shows the difference.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DatabaseMetadata, generate, PostgresDialect } from 'kysely-codegen';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';

const OUT_FILE = fileURLToPath(new URL('../src/server/db/database.types.ts', import.meta.url));
const check = process.argv.includes('--check');

/**
 * Text columns whose values a CHECK constraint lists (`kind text check (kind in ('a', 'b'))`), read from the catalogue:
 * the generator types them as those values, so the constraint stays the one place that lists them.
 */
type CheckedValues = Map<string, string[]>; // "table.column" → values

const CHECK_IN_LIST = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.+)\]\)\)\)$/;
const TEXT_LITERAL = /'((?:[^']|'')*)'::text/g;

async function checkedValues(database: Awaited<ReturnType<typeof openDatabase>>): Promise<CheckedValues> {
  const rows = await database.adminTransaction((tx) =>
    tx.query<{ table: string; definition: string }>(
      `select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as definition
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
       where n.nspname = 'public' and c.contype = 'c' and cardinality(c.conkey) = 1`,
    ),
  );
  const values: CheckedValues = new Map();
  for (const { table, definition } of rows) {
    const m = CHECK_IN_LIST.exec(definition);
    if (!m?.[1] || !m[2]) continue;
    values.set(
      `${table}.${m[1]}`,
      [...m[2].matchAll(TEXT_LITERAL)].map((v) => (v[1] ?? '').replaceAll("''", "'")),
    );
  }
  return values;
}

/** Gives each checked column a union type of its own, as kysely-codegen does for a PostgreSQL enum. */
function withCheckedValues(metadata: DatabaseMetadata, values: CheckedValues): DatabaseMetadata {
  for (const table of metadata.tables) {
    for (const column of table.columns) {
      const listed = values.get(`${table.name}.${column.name}`);
      if (!listed || column.dataType !== 'text') continue;
      const name = `${table.name}_${column.name}`;
      column.dataType = name;
      column.dataTypeSchema = 'public';
      metadata.enums.set(`public.${name}`, listed);
    }
  }
  return metadata;
}

function biomeFormat(source: string): string {
  const r = spawnSync(process.execPath, ['node_modules/@biomejs/biome/bin/biome', 'format', `--stdin-file-path=${OUT_FILE}`], {
    input: source,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`biome format failed: ${r.stderr}`);
  return r.stdout;
}

const database = await openDatabase({ kind: 'pglite' });
try {
  await migrateDatabase(database);
  const values = await checkedValues(database);
  const generated = await generate({
    // kysely-codegen's declarations are Kysely's CommonJS build and ours the ESM one: the same class, two types.
    db: database.db as never,
    dialect: new PostgresDialect({ dateParser: 'string', numericParser: 'string' }),
    // The project's type parsers (src/server/platform/db/type-parsers.ts): int8 and count are numbers on both drivers.
    // bytea is a Buffer on pg and a Uint8Array on PGlite: Uint8Array is what both give.
    typeMapping: { int8: 'number', bytea: 'Uint8Array' },
    postprocess: async ({ metadata }) => withCheckedValues(metadata, values),
    outFile: null,
    runtimeEnums: false,
  });
  const output = biomeFormat(generated);
  const current = (() => {
    try {
      return readFileSync(OUT_FILE, 'utf8');
    } catch {
      return '';
    }
  })();
  if (check) {
    if (output !== current) {
      const diff = spawnSync('diff', ['-u', OUT_FILE, '-'], { input: output, encoding: 'utf8' });
      console.error(diff.stdout || diff.stderr);
      console.error(
        'src/server/db/database.types.ts does not match the migrations. Run `npm run db:types` and commit the result.',
      );
      process.exitCode = 1;
    } else {
      console.log('database.types.ts matches the migrations.');
    }
  } else if (output !== current) {
    writeFileSync(OUT_FILE, output);
    console.log('Wrote src/server/db/database.types.ts');
  } else {
    console.log('src/server/db/database.types.ts is up to date.');
  }
} finally {
  await database.close();
}
