import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import type { DstExtractSummary } from '../../src/shared/statistics/dst-extract.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let admin: Session;
let caseworker: Session;

const today = plainDateInCopenhagen(new Date());
const decidedOn = addDays(today, -70);
const startDate = addDays(decidedOn, 3);
const month = today.slice(0, 7);
const CPR = '1708734118';
const startMonth = startDate.slice(0, 7);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  admin = await loginAs(app, 'administrator');
  caseworker = await loginAs(app, 'caseworker');
  const journey = caseJourney(app, caseworker);
  // A citizen of the test's own (the demo citizens have two years of services of their own).
  const created = await caseworker.send('POST', '/api/citizens', { cpr: CPR, firstName: 'Dorte', lastName: 'Statistiksen' });
  if (created.statusCode !== 201) throw new Error(`${created.statusCode}: ${created.body}`);
  // § 85 support in the citizen's own home (Bostøtten, a mobile offer), ordered; and a § 85 grant not yet ordered.
  await journey.ordered({ decision: { decidedOn, startDate }, orderedOn: decidedOn, cpr: CPR });
  await journey.decided('granted', 'SEL § 85', { decidedOn, startDate }, CPR);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const csvOf = async (m: string) => {
  const res = await admin.get(`/api/reporting/dst-extract.csv?month=${m}`);
  expect(res.statusCode).toBe(200);
  return res;
};

describe('the Danmarks Statistik extract (Handicap og udsatte, voksne)', () => {
  it('lists the month’s services per citizen as the statistics split them, in the documented layout', async () => {
    const res = await csvOf(month);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`dst-handicap-udsatte-voksne-${month}.csv`);
    expect(res.body.startsWith('\uFEFFkommunekode;periode;cpr;ydelse_kode;paragraf;')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    const header = lines[0]?.split(';') ?? [];
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(';').map((v, i) => [header[i], v])));
    const own = rows.filter((r) => r.ydelse_kode === '85E' && r.cpr === CPR);
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((r) => r.kommunekode === '760' && r.paragraf === 'SEL § 85' && r.periode === month)).toBe(true);
    expect(own.every((r) => r.periode_fra === `${month}-01` || r.periode_fra === startDate)).toBe(true);
    expect(own.some((r) => r.tilbud_navn === 'Bostøtten i Socialpsykiatrien')).toBe(true);
    expect(own.some((r) => r.tilbud_navn === '')).toBe(true); // granted, not yet ordered
  });

  it('starts a service’s first month on its start date', async () => {
    const summary = (await admin.get(`/api/reporting/dst-extract/summary?month=${startMonth}`)).json() as DstExtractSummary;
    expect(summary.byCategory.find((c) => c.code === '85E')?.rows).toBeGreaterThanOrEqual(2);
    expect(summary.deadline).toBe(`${addDays(`${startMonth}-01` as never, 40).slice(0, 7)}-14`);
  });

  it('writes an export row to the audit log for every citizen in it', async () => {
    await csvOf(month);
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['citizen_id', 'purpose'])
        .where('record_type', '=', 'dst_extract')
        .where('record_id', '=', month)
        .where('action', '=', 'export')
        .execute(),
    );
    expect(rows.filter((r) => r.citizen_id !== null).length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.purpose === 'statutory_reporting')).toBe(true);
  });

  it('refuses a month that has not begun and a month that is no month, naming the field', async () => {
    const next = addDays(`${month}-28` as never, 10).slice(0, 7);
    const future = await admin.get(`/api/reporting/dst-extract.csv?month=${next}`);
    expect(future.statusCode).toBe(400);
    expect(JSON.stringify(future.json())).toContain('month');
    expect((await admin.get('/api/reporting/dst-extract.csv?month=2026-13')).statusCode).toBe(400);
    expect((await caseworker.get(`/api/reporting/dst-extract.csv?month=${month}`)).statusCode).toBe(403);
  });
});
