import type { PlainDate } from '../../../shared/plain-date.ts';
import type { Database } from '../../platform/db/database.ts';
import { type GenerateReport, generate, type StageTimer } from '../generator/generate.ts';

export { NAMED_DEMO_CITIZENS } from '../generator/areas/citizens.ts';

/**
 * The demo data `npm start` and the test template load: the generator's `demo` size up to `today` (the demo
 * municipalities, their catalogue and offers, citizens, staff and two years of cases). Idempotent: a municipality
 * that has its citizens is left as it is.
 */
export function seedDemoData(database: Database, today: PlainDate, time?: StageTimer): Promise<GenerateReport> {
  return generate(database, { size: 'demo', today, ...(time ? { time } : {}) });
}
