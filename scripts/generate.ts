// `npm run generate -- --size <demo|bench-small|copenhagen|national> [--database-url postgres://…] [--data-dir DIR]
//  [--today YYYY-MM-DD]`: the data generator into an empty database (migrated here), for demos and benchmarks.
// Without --database-url it writes a PGlite database in --data-dir (default ./data, what `npm start` opens).
import { parseArgs } from 'node:util';
import { generate } from '../src/server/db/generator/generate.ts';
import { SIZE_NAMES, SIZES, type SizeName, scaledSize } from '../src/server/db/generator/sizes.ts';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { isPlainDate, type PlainDate, plainDateInCopenhagen } from '../src/shared/plain-date.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'demo' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string', default: 'data' },
    today: { type: 'string' },
    // A fraction of the size's large municipality (e.g. 0.1 of copenhagen), to profile or try the generator quicker.
    scale: { type: 'string' },
  },
});
const sizeName = values.size as SizeName;
if (!SIZE_NAMES.includes(sizeName)) throw new Error(`--size must be one of ${SIZE_NAMES.join(', ')}`);
const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be a number above 0 and at most 1');
const size = scale === 1 ? sizeName : scaledSize(SIZES[sizeName], scale);
const today = (values.today ?? plainDateInCopenhagen(new Date())) as PlainDate;
if (!isPlainDate(today)) throw new Error('--today must be a date, YYYY-MM-DD');
const url = values['database-url'];
const database = await openDatabase(
  url ? { kind: 'postgres', url, poolSize: 2 } : { kind: 'pglite', dataDir: values['data-dir'] },
);
const started = performance.now();
try {
  await migrateDatabase(database);
  await importFfb(database);
  const report = await generate(database, { size, today, log: (line) => console.log(line) });
  console.log(JSON.stringify(report, null, 2));
  const total = Object.values(report.rows).reduce((s, n) => s + (n ?? 0), 0);
  console.log(
    `${sizeName}${scale === 1 ? '' : ` × ${scale}`}: ${total} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (generation ${(report.ms / 1000).toFixed(1)} s)`,
  );
} finally {
  await database.close();
}
