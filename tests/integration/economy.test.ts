import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/rules/calendar/date-arithmetic.ts';
import { daysInYear } from '../../src/rules/economy/rate-card.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type {
  Budget,
  EconomyOffer,
  Forecast,
  ForecastGrant,
  LadderPrice,
  WaitingList,
} from '../../src/shared/economy/economy.schema.ts';
import type { PlainDate } from '../../src/shared/plain-date.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/** The demo's economy is dated from the day the suite runs (the generator's economy area): this year and the next. */
const today = process.env.DEMO_TODAY as PlainDate;
const THIS_YEAR = Number(today.slice(0, 4));
const NEXT_YEAR = THIS_YEAR + 1;
/** Years no demo rate card reaches (the demo's run to next year). */
const LATER = [THIS_YEAR + 2, THIS_YEAR + 3] as const;

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let economist: Session;
let analyst: Session;
let caseworkerRanders: Session;
let rkskEconomist: Session;

const offersOf = async (s: Session) => (await s.get('/api/economy/offers')).json() as EconomyOffer[];
const offer = async (s: Session, key: string) => (await offersOf(s)).find((o) => o.key === key) as EconomyOffer;
/** The weekly price of a profile at Ringkøbing-Skjern's Bostøtten in a year, as its rate card says. */
async function profilePrice(year: number, code: string): Promise<number> {
  const rate = (await offer(rkskEconomist, 'bostoetten')).rates.find((r) => r.year === year);
  const price = rate?.profilePrices.find((p) => p.code === code)?.weeklyPrice;
  if (price === undefined) throw new Error(`no ${year} price of profile ${code}`);
  return price;
}
const roundOre = (n: number) => Math.round(n * 100) / 100;
const fields = (body: string) => ((JSON.parse(body) as { fields?: { path: string }[] }).fields ?? []).map((f) => f.path);

async function auditOf(requestId: string) {
  return inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['action', 'purpose', 'record_type', 'criterion', 'citizen_id'])
      .where('request_id', '=', requestId)
      .execute(),
  );
}
async function count(table: 'budget_line' | 'budget_posting' | 'rate_card' | 'place_sale') {
  return inSystem(database, async (tx) =>
    Number(
      (
        await tx
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  economist = await loginAs(app, 'economist', MUNICIPALITY.randers);
  analyst = await loginAs(app, 'analyst', MUNICIPALITY.randers);
  caseworkerRanders = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
  rkskEconomist = await loginAs(app, 'economist', MUNICIPALITY.rksk);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`rate cards on ${TEST_DB}`, () => {
  it('keeps Blommevej’s rate from seed 000 and the residents’ own DKK 400 a month', async () => {
    const b = await offer(economist, 'blommevej');
    const r2020 = b.rates.find((r) => r.year === 2020);
    expect(r2020).toMatchObject({ basis: 'daily', dailyRate: 993, invented: false, inForceFrom: '2020-01-01' });
    expect(r2020?.addOns).toEqual([expect.objectContaining({ amount: 400, per: 'month', paidBy: 'citizen' })]);
    expect(r2020?.source).toMatch(/seeds\/000/);
    // Invented rates say so.
    expect(b.rates.find((r) => r.year === THIS_YEAR)?.invented).toBe(true);
  });

  it('lists offers of other municipalities, regions and private providers with their rates', async () => {
    const offers = await offersOf(economist);
    expect(
      offers
        .filter((o) => o.owner !== 'own' && o.owner !== 'self_governing')
        .map((o) => o.owner)
        .sort(),
    ).toEqual(['other_municipality', 'private', 'private', 'region']);
    expect((await offer(economist, 'ekstern-skovvang')).rates.length).toBeGreaterThan(0);
  });

  it('adds a version and refuses bad input with a 400 naming the field, saving nothing', async () => {
    const b = await offer(economist, 'udslusning');
    const base = {
      offerId: b.id,
      year: LATER[0],
      inForceFrom: `${LATER[0]}-01-01`,
      basis: 'daily',
      dailyRate: 1010,
      financing: 'rate',
      occupancyPct: 90,
      source: `Takstblad ${LATER[0]} (test)`,
    };
    const before = await count('rate_card');
    const ok = await economist.send('POST', '/api/economy/rate-cards', base);
    expect(ok.statusCode).toBe(201);
    const cases: [Record<string, unknown>, string][] = [
      [{ dailyRate: -5 }, 'dailyRate'],
      [{ dailyRate: 0 }, 'dailyRate'],
      [{ dailyRate: null }, 'dailyRate'],
      [{ inForceFrom: `${LATER[0]}-01-01` }, 'inForceFrom'],
      [{ inForceFrom: `${LATER[0]}-06-01`, inForceTo: `${LATER[0]}-03-01` }, 'inForceTo'],
      [{ inForceFrom: `${LATER[0] - 1}-12-31` }, 'inForceFrom'],
      [{ occupancyPct: 0 }, 'occupancyPct'],
      [{ offerId: '00000000-0000-4000-8000-000000000000' }, 'offerId'],
    ];
    for (const [patch, field] of cases) {
      const bad = await economist.send('POST', '/api/economy/rate-cards', { ...base, ...patch });
      expect(bad.statusCode, JSON.stringify(patch)).toBe(400);
      expect(fields(bad.body), JSON.stringify(patch)).toContain(field);
    }
    expect(await count('rate_card')).toBe(before + 1);
    const overlapping = await economist.send('POST', '/api/economy/rate-cards', {
      ...base,
      inForceFrom: `${LATER[0]}-05-01`,
      dailyRate: 1050,
    });
    // A later open version in the same year is a change of rate, not an overlap.
    expect(overlapping.statusCode).toBe(201);
    const explicit = await economist.send('POST', '/api/economy/rate-cards', {
      ...base,
      inForceFrom: `${LATER[0]}-03-01`,
      inForceTo: `${LATER[0]}-06-30`,
    });
    expect(explicit.statusCode).toBe(400);
    expect(JSON.parse(explicit.body).fields).toEqual([
      expect.objectContaining({ path: 'inForceFrom', message: 'Perioden overlapper en anden takst for tilbuddet.' }),
    ]);
  });

  it('changes a version with its version number; a stale one is 409', async () => {
    const b = await offer(economist, 'ungeherberget');
    const r = b.rates.find((x) => x.year === NEXT_YEAR);
    if (!r) throw new Error(`no ${NEXT_YEAR} rate`);
    const body = { ...r, offerId: b.id, note: 'Revideret', version: r.version, dailyRate: (r.dailyRate ?? 0) + 10 };
    const first = await economist.send('PUT', `/api/economy/rate-cards/${r.id}`, body);
    expect(first.statusCode).toBe(200);
    const stale = await economist.send('PUT', `/api/economy/rate-cards/${r.id}`, body);
    expect(stale.statusCode).toBe(409);
    const audit = await auditOf(first.headers['x-request-id'] as string);
    expect(audit).toEqual([expect.objectContaining({ action: 'update', purpose: 'economy', record_type: 'rate_card' })]);
  });

  it('is edited only by the economist (deny by default)', async () => {
    const b = await offer(economist, 'udslusning');
    const res = await caseworkerRanders.send('POST', '/api/economy/rate-cards', {
      offerId: b.id,
      year: LATER[1],
      inForceFrom: `${LATER[1]}-01-01`,
      basis: 'daily',
      dailyRate: 1,
      financing: 'rate',
      source: 'x',
    });
    expect(res.statusCode).toBe(403);
    expect((await caseworkerRanders.get('/api/economy/offers')).statusCode).toBe(403);
  });
});

describe(`budgets on ${TEST_DB}`, () => {
  it('shows Randers’ 2019 budget as printed, with the DKK 1 the grand total differs from its lines', async () => {
    const b = (await economist.get('/api/economy/budget?year=2019')).json() as Budget;
    const group = (label: string) => b.groups.find((g) => g.label === label);
    expect(group('Center for Særlig Social Indsats – samlet')).toMatchObject({
      printed: 50_951_776,
      computed: 50_951_777,
      difference: -1,
    });
    expect(group('Myndighed')).toMatchObject({ printed: 10_561_796, computed: 10_561_795, difference: 1 });
    expect(group('Køb af pladser')).toMatchObject({ difference: 0 });
    expect(group('Bosteder, cafeer og opsøgende arbejde')).toMatchObject({ printed: 12_592_896, computed: 12_592_895 });
    // Every per-offer operating budget of seed 003.
    const operating = Object.fromEntries(b.lines.filter((l) => l.kind === 'operating').map((l) => [l.label, l.amount]));
    expect(operating).toEqual({
      'Rusmiddelcenter Randers RCR': 15_205_454,
      'Bosteder, cafeer og opsøgende arbejde fælles': 1_581_579,
      'Perron 4': 2_331_443,
      Åbo: 3_336_896,
      Blommevej: 2_630_491,
      'Mestringsvejledning social udsatte': 2_089_375,
      'SKP social udsatte': 623_111,
      Hjørnestenen: 11_964_169,
      Ladegården: 9_051_980,
    });
    expect(b.lines.every((l) => l.invented === false && l.source?.includes('seeds/003'))).toBe(true);
    expect(b.years).toEqual(expect.arrayContaining([2019, THIS_YEAR]));
  });

  it('refuses a budget line for a unit the municipality does not have (400 naming unitId), and saves nothing', async () => {
    const before = await count('budget_line');
    const rksk = (await rkskEconomist.get(`/api/economy/budget?year=${THIS_YEAR}`)).json() as Budget;
    const foreignUnit = rksk.lines[0]?.unitId;
    const res = await economist.send('POST', '/api/economy/budget/lines', {
      year: NEXT_YEAR,
      unitId: foreignUnit,
      kind: 'operating',
      label: 'Forkert enhed',
      amount: 1000,
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res.body)).toEqual(['unitId']);
    expect(await count('budget_line')).toBe(before);
  });

  it('imports a budget file from the finance system; a file with bad rows is refused whole, naming each row', async () => {
    const before = await count('budget_line');
    const bad = [
      'År;Enhed;Linje;Tilbud;Tekst;Beløb',
      `${NEXT_YEAR};Myndighedsafdelingen;Ekstern køb;;Ekstern køb;17.500.000`,
      `${NEXT_YEAR};Ukendt enhed;Driftsudgifter;;Drift;1.000`,
      `${NEXT_YEAR};Botilbuddet Blommevej;Driftsudgifter;Blommevej;Blommevej;to millioner`,
      `${NEXT_YEAR};Botilbuddet Blommevej;Ukendt linje;;Blommevej;1.000`,
      `${NEXT_YEAR};Botilbuddet Blommevej;Driftsudgifter;Ukendt tilbud;Blommevej;1.000`,
    ].join('\n');
    const refused = await economist.send('POST', '/api/economy/imports/budget', {
      fileName: `budget-${NEXT_YEAR}.csv`,
      content: bad,
    });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused.body)).toEqual(['rows.3.enhed', 'rows.4.beløb', 'rows.5.linje', 'rows.6.tilbud']);
    expect(await count('budget_line')).toBe(before);

    const good = [
      'År;Enhed;Linje;Tilbud;Tekst;Beløb',
      `${NEXT_YEAR};Myndighedsafdelingen;Ekstern køb;;Ekstern køb;17.500.000`,
      `${NEXT_YEAR};Botilbuddet Blommevej;Driftsudgifter;blommevej;Blommevej;3.210.000,50`,
      `${NEXT_YEAR};Myndighedsafdelingen;Refusion;;Refusion;-9.500.000`,
    ].join('\r\n');
    const imported = await economist.send('POST', '/api/economy/imports/budget', {
      fileName: `budget-${NEXT_YEAR}.csv`,
      content: `\uFEFF${good}`,
    });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ rows: 3, inserted: 3, updated: 0 });
    const again = await economist.send('POST', '/api/economy/imports/budget', {
      fileName: `budget-${NEXT_YEAR}.csv`,
      content: good,
    });
    expect(again.json()).toMatchObject({ rows: 3, inserted: 0, updated: 3 });
    const b = (await economist.get(`/api/economy/budget?year=${NEXT_YEAR}`)).json() as Budget;
    expect(b.total).toBe(17_500_000 + 3_210_000.5 - 9_500_000);
    const audit = await auditOf(imported.headers['x-request-id'] as string);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', record_type: 'finance_import', purpose: 'economy' })]);
  });

  it('imports postings by voucher: the same file twice updates, a bad date or year is named', async () => {
    const before = await count('budget_posting');
    const file = [
      'Bilag;Dato;Enhed;Linje;Beløb;Tekst',
      `X-1;31-01-${NEXT_YEAR};Myndighedsafdelingen;Ekstern køb;1.400.000;Januar`,
      `X-2;${NEXT_YEAR}-02-28;Botilbuddet Blommevej;Driftsudgifter;260.000;Februar`,
    ].join('\n');
    expect(
      (await economist.send('POST', '/api/economy/imports/postings', { fileName: 'bogf.csv', content: file })).json(),
    ).toMatchObject({ inserted: 2 });
    expect(
      (await economist.send('POST', '/api/economy/imports/postings', { fileName: 'bogf.csv', content: file })).json(),
    ).toMatchObject({ inserted: 0, updated: 2 });
    expect(await count('budget_posting')).toBe(before + 2);
    const bad = await economist.send('POST', '/api/economy/imports/postings', {
      fileName: 'bogf.csv',
      content: [
        'Bilag;Dato;Enhed;Linje;Beløb',
        `X-3;31-02-${NEXT_YEAR};Myndighedsafdelingen;Ekstern køb;1`,
        `;${NEXT_YEAR}-03-01;Myndighedsafdelingen;Ekstern køb;1`,
      ].join('\n'),
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.body)).toEqual(['rows.2.dato', 'rows.3.bilag']);
    const noHeader = await economist.send('POST', '/api/economy/imports/postings', { fileName: 'x.csv', content: 'a;b\n1;2' });
    expect(noHeader.statusCode).toBe(400);
  });
});

describe(`the forecast on ${TEST_DB}`, () => {
  it('adds actuals to date and the rest of the budget pro rata for Randers 2019 as of 30 September', async () => {
    const f = (await economist.get('/api/economy/forecast?year=2019&asOf=2019-09-30')).json() as Forecast;
    expect(f.total.budget).toBe(50_951_774);
    const blommevej = f.rows.find((r) => r.unitName === 'Botilbuddet Blommevej' && r.kind === 'operating');
    // 92 of 365 days left of a budget of 2,630,491.
    expect(blommevej?.committed).toBeCloseTo((2_630_491 * 92) / 365, 1);
    expect(blommevej?.forecast).toBeCloseTo((blommevej?.actual ?? 0) + (blommevej?.committed ?? 0), 1);
    expect(f.months).toHaveLength(12);
    expect(f.months[8]?.actual).not.toBeNull();
    expect(f.months[9]?.actual).toBeNull();
    expect(f.drillDown).toBe(true);
  });

  it('commits the cost of a running grant to the year’s end, priced by the rate card, and drills down to it', async () => {
    const rkskCaseworker = await loginAs(app, 'caseworker');
    const o = await caseJourney(app, rkskCaseworker).ordered();
    const f = (await rkskEconomist.get('/api/economy/forecast?year=2026&asOf=2026-11-30')).json() as Forecast;
    const internal = f.rows.find((r) => r.kind === 'purchase_internal');
    // The journey's grant starts 1 December 2026: 3 hours a week is profile 3, priced by Bostøtten's 2026 rate card
    // (the demo's: 4.5 h × 480 kr. a week when the suite runs in 2026), for 1–31 December.
    const committed = roundOre((31 * (await profilePrice(2026, '3'))) / 7);
    expect(internal?.grants).toBeGreaterThanOrEqual(1);
    const grants = await rkskEconomist.get(
      `/api/economy/forecast/grants?year=2026&asOf=2026-11-30&kind=purchase_internal&pageSize=100`,
    );
    const mine = (grants.json() as { items: ForecastGrant[] }).items.find((g) => g.orderId === o.orderId);
    expect(mine).toMatchObject({ from: '2026-12-01', to: '2026-12-31', committed, citizenName: 'Mette Kjærsgaard' });
    const audit = await auditOf(grants.headers['x-request-id'] as string);
    expect(audit).toEqual([expect.objectContaining({ action: 'search', record_type: 'forecast_grants', purpose: 'economy' })]);
  });

  it('records the paying municipality on the case (retssikkerhedsloven § 9 c): a place another pays for is a sale', async () => {
    const rkskCaseworker = await loginAs(app, 'caseworker');
    const journey = caseJourney(app, rkskCaseworker);
    const o = await journey.ordered({ cpr: '6207921418' });
    const url = `/api/cases/${o.case.id}/municipalities`;
    const version = (await journey.get(o.case.id)).version;
    const missing = await rkskCaseworker.send('PUT', url, { version, paying: { code: '', name: '' } });
    expect(missing.statusCode).toBe(400);
    expect(fields(missing.body)).toEqual(['paying.code', 'paying.name']);
    const own = await rkskCaseworker.send('PUT', url, { version, paying: { code: '760', name: 'Ringkøbing-Skjern' } });
    expect(fields(own.body)).toEqual(['paying.code']);
    const ok = await rkskCaseworker.send('PUT', url, { version, paying: { code: '657', name: 'Herning Kommune' } });
    expect(ok.statusCode).toBe(200);
    expect((await rkskCaseworker.send('PUT', url, { version, paying: null })).statusCode).toBe(409);
    const detail = await journey.get(o.case.id);
    expect(detail.municipalities).toEqual({ acting: null, paying: { code: '657', name: 'Herning Kommune' } });
    expect(detail.events.some((e) => e.subject === 'Handlekommune og betalingskommune')).toBe(true);
    const grants = (
      await rkskEconomist.get('/api/economy/forecast/grants?year=2026&asOf=2026-11-30&kind=sale&pageSize=100')
    ).json() as {
      items: ForecastGrant[];
    };
    const committed = roundOre((31 * (await profilePrice(2026, '3'))) / 7);
    expect(grants.items.find((g) => g.orderId === o.orderId)).toMatchObject({ kind: 'sale', committed: -committed });
  });

  it('gives the analyst aggregates only', async () => {
    const f = await analyst.get('/api/economy/forecast?year=2019&asOf=2019-06-30&by=offer');
    expect(f.statusCode).toBe(200);
    expect((f.json() as Forecast).drillDown).toBe(false);
    expect((await analyst.get('/api/economy/forecast/grants?year=2019')).statusCode).toBe(403);
    expect((await analyst.get('/api/waiting-list')).statusCode).toBe(403);
  });

  it('exports XLSX and CSV, each audited as an export', async () => {
    const xlsx = await economist.get('/api/economy/forecast/export?year=2019&asOf=2019-09-30&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await economist.get('/api/economy/forecast/export?year=2019&asOf=2019-09-30&format=csv&by=unit');
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFLinje;Budget (kr.)')).toBe(true);
    expect(text).toContain('I alt;50951774,00');
    for (const r of [xlsx, csv]) {
      expect(await auditOf(r.headers['x-request-id'] as string)).toEqual([
        expect.objectContaining({ action: 'export', record_type: 'forecast' }),
      ]);
    }
  });
});

describe(`capacity, places sold and the waiting list on ${TEST_DB}`, () => {
  it('counts places sold to other municipalities as occupied places', async () => {
    // The 15th of last month: the demo's sale to Syddjurs ended at the end of last month.
    const on = addDays(addMonths(`${today.slice(0, 8)}01` as PlainDate, -1), 14);
    const c = (await economist.get(`/api/economy/capacity?on=${on}`)).json() as {
      offers: {
        name: string;
        places: number | null;
        occupied: number;
        vacant: number | null;
        reserved: number;
        waiting: number;
      }[];
    };
    const ladegaarden = c.offers.find((o) => o.name === 'Ladegården');
    // The demo's orders there on that day, counted here in SQL, and three places sold: Favrskov, Syddjurs (to the end
    // of last month) and Viborg.
    const ladegaardenId = (await offer(economist, 'ladegaarden')).id;
    const orders = await inSystem(database, async (tx) =>
      Number(
        (
          await tx
            .selectFrom('case_order as o')
            .innerJoin('decision as d', (j) =>
              j.onRef('d.municipality_id', '=', 'o.municipality_id').onRef('d.id', '=', 'o.decision_id'),
            )
            .select((eb) => eb.fn.countAll().as('n'))
            .where('o.offer_id', '=', ladegaardenId)
            .where(sql<boolean>`coalesce(o.actual_start, d.start_date, o.ordered_on) <= ${on}::date`)
            .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', on)]))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(ladegaarden).toMatchObject({ places: 27, occupied: orders + 3 });
    expect(ladegaarden?.vacant).toBe(Math.max(0, 27 - orders - 3 - (ladegaarden?.reserved ?? 0)));
    expect(c.offers.find((o) => o.name === 'Blommevej')?.waiting).toBeGreaterThanOrEqual(2);
    // Places bought from others are not our capacity.
    expect(c.offers.some((o) => o.name === 'Skovvang')).toBe(false);
  });

  it('refuses a sale without a paying municipality, of our own, or of another’s offer', async () => {
    const before = await count('place_sale');
    const lade = await offer(economist, 'ladegaarden');
    const skovvang = await offer(economist, 'ekstern-skovvang');
    const base = {
      offerId: lade.id,
      payingMunicipalityCode: '751',
      payingMunicipalityName: 'Aarhus Kommune',
      fromDate: '2026-12-01',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ payingMunicipalityCode: undefined }, 'payingMunicipalityCode'],
      [{ payingMunicipalityCode: '7' }, 'payingMunicipalityCode'],
      [{ payingMunicipalityName: '' }, 'payingMunicipalityName'],
      [{ payingMunicipalityCode: '730' }, 'payingMunicipalityCode'],
      [{ offerId: skovvang.id }, 'offerId'],
      [{ toDate: '2026-11-01' }, 'toDate'],
    ];
    for (const [patch, field] of cases) {
      const res = await economist.send('POST', '/api/economy/place-sales', { ...base, ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(fields(res.body)).toContain(field);
    }
    expect(await count('place_sale')).toBe(before);
    expect((await economist.send('POST', '/api/economy/place-sales', base)).statusCode).toBe(201);
  });

  it('puts a granted citizen on the list, offers a place, and the citizen accepts; steps out of order are 409', async () => {
    const teamLeader = await loginAs(app, 'team_leader', MUNICIPALITY.randers);
    const citizenId = ((await caseworkerRanders.get('/api/citizens?q=751172-1113')).json() as { items: { id: string }[] })
      .items[0]?.id;
    const blommevej = await offer(economist, 'blommevej');
    const entry = {
      citizenId,
      legalBasis: 'SEL § 85',
      offerId: blommevej.id,
      decidedOn: '2026-10-01',
      neededFrom: '2026-10-15',
      priority: 2,
    };
    const bad = await caseworkerRanders.send('POST', '/api/waiting-list', { ...entry, neededFrom: '2026-09-01' });
    expect(fields(bad.body)).toEqual(['neededFrom']);
    const skovvang = await offer(economist, 'ekstern-skovvang');
    expect(fields((await caseworkerRanders.send('POST', '/api/waiting-list', { ...entry, offerId: skovvang.id })).body)).toEqual([
      'offerId',
    ]);
    const created = await caseworkerRanders.send('POST', '/api/waiting-list', entry);
    expect(created.statusCode).toBe(201);
    expect((await caseworkerRanders.send('POST', '/api/waiting-list', entry)).statusCode).toBe(409);
    const id = (created.json() as { id: string }).id;

    const act = (body: Record<string, unknown>) => teamLeader.send('POST', `/api/waiting-list/${id}/actions`, body);
    expect((await act({ action: 'accept', version: 1, on: '2026-11-01', startOn: '2026-11-15' })).statusCode).toBe(409);
    expect(
      (await act({ action: 'offer', version: 1, offerId: blommevej.id, on: '2026-11-01', answerBy: '2026-11-08' })).statusCode,
    ).toBe(200);
    expect((await act({ action: 'decline', version: 1, on: '2026-11-03' })).statusCode).toBe(409);
    expect((await act({ action: 'decline', version: 2, on: '2026-11-03' })).statusCode).toBe(200);
    expect((await act({ action: 'offer', version: 3, offerId: blommevej.id, on: '2026-11-10', answerBy: null })).statusCode).toBe(
      200,
    );
    const accepted = await act({ action: 'accept', version: 4, on: '2026-11-12', startOn: '2026-11-20' });
    expect(accepted.statusCode).toBe(200);

    const list = (await teamLeader.get('/api/waiting-list?status=closed&pageSize=100')).json() as WaitingList;
    const mine = list.items.find((e) => e.id === id);
    // Waited from the date of need (15 October) to acceptance (12 November).
    expect(mine).toMatchObject({
      status: 'accepted',
      declines: 1,
      waitingDays: 28,
      citizenName: 'Jens Åberg',
      startOn: '2026-11-20',
    });
    const audit = await auditOf(accepted.headers['x-request-id'] as string);
    expect(audit).toEqual([expect.objectContaining({ action: 'update', purpose: 'supervision', citizen_id: citizenId })]);
  });
});

describe(`the price at the proposal and the decision, and the what-if of a draft, on ${TEST_DB}`, () => {
  it('prices the proposed frame and the next rung of the ladder', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    const res = await caseworker.get(
      `/api/economy/prices/ladder?legalBasis=${encodeURIComponent('SEL § 85')}&weeklyHours=3&start=${NEXT_YEAR}-01-01`,
    );
    const p = res.json() as LadderPrice;
    expect(p.frame.profileCode).toBe('3');
    const [proposed, next] = p.rungs;
    // Next year's price of profile 3 a week (the demo's: 4.5 h × 492 kr.), the whole year.
    const weekly = await profilePrice(NEXT_YEAR, '3');
    expect(proposed?.offers).toEqual([
      expect.objectContaining({ name: 'Bostøtten i Socialpsykiatrien', annual: roundOre((weekly * daysInYear(NEXT_YEAR)) / 7) }),
    ]);
    expect(next).toMatchObject({ step: 'temporary_housing' });
    expect(next?.offers.map((o) => o.name)).toEqual(['3 på spring', 'Fredensgade', 'Rosengården']);
  });

  it('shows what a draft with wider bands would move, without names for the administrator and with them for the economist', async () => {
    const admin = await loginAs(app, 'administrator');
    const caseworker = await loginAs(app, 'caseworker');
    const journey = caseJourney(app, caseworker);
    // A grant of 4.6 hours: profile 4 today; the draft widens profile 3 to 5 hours.
    const o = await journey.ordered({ decision: { weeklyHours: 4.6 } });
    const list = (
      await app.inject({
        method: 'GET',
        url: '/api/public/catalogue/service-descriptions?municipality=760&legalBasis=SEL%20%C2%A7%2085',
      })
    ).json() as {
      items: { id: string }[];
    };
    const descriptionId = list.items[0]?.id;
    const newDraft = await admin.send('POST', `/api/catalogue/service-descriptions/${descriptionId}/drafts`);
    expect(newDraft.statusCode).toBe(201);
    const versionId = (newDraft.json() as { versionId: string }).versionId;
    const detail = (await admin.get(`/api/catalogue/service-descriptions/${descriptionId}`)).json() as {
      versions: { id: string; lockVersion: number }[];
      shownVersion: { content: { profileBands: { code: string; above: number; upTo: number }[] } & Record<string, unknown> };
    };
    const content = detail.shownVersion.content;
    const bands = content.profileBands.map((b) => (b.code === '3' ? { ...b, upTo: 5 } : b.code === '4' ? { ...b, above: 5 } : b));
    const saved = await admin.send('PUT', `/api/catalogue/versions/${versionId}`, {
      lockVersion: detail.versions.find((v) => v.id === versionId)?.lockVersion,
      content: { ...content, profileBands: bands },
      changeNote: 'Bredere profil 3',
    });
    expect(saved.statusCode).toBe(200);
    const draft = { id: versionId };

    const run = (s: Session) => s.send('POST', '/api/economy/what-if', { versionId: draft.id, on: `${NEXT_YEAR}-01-01` });
    const a = await run(admin);
    expect(a.statusCode).toBe(200);
    const w = a.json() as {
      named: boolean;
      total: { moved: number; delta: number };
      moves: { grantId: string; citizenName: string | null; profileBefore: string; profileAfter: string; delta: number }[];
    };
    const move = w.moves.find((m) => m.grantId === o.orderId);
    // Profile 4 (the demo's 8.5 h × 492) → profile 3 (4.5 h × 492) a week, for next year.
    expect(move).toMatchObject({ profileBefore: '4', profileAfter: '3', citizenName: null });
    const saved4to3 = (await profilePrice(NEXT_YEAR, '4')) - (await profilePrice(NEXT_YEAR, '3'));
    expect(move?.delta).toBeCloseTo(-(saved4to3 * daysInYear(NEXT_YEAR)) / 7, 0);
    expect(w.named).toBe(false);
    const e = (await run(rkskEconomist)).json() as typeof w;
    expect(e.moves.find((m) => m.grantId === o.orderId)?.citizenName).toBe('Mette Kjærsgaard');
    const notDraft = await admin.send('POST', '/api/economy/what-if', { versionId: await journey.versionOf('SEL § 85') });
    expect(fields(notDraft.body)).toEqual(['versionId']);
  });
});

describe(`the calculators on ${TEST_DB}`, () => {
  it('computes § 176, § 108 and § 103 from the cited yearly amounts', async () => {
    const s = economist;
    expect(
      (await s.send('POST', '/api/economy/calculators/refund-176', { yearlyCost: 2_500_000, year: 2026, age: 45 })).json(),
    ).toMatchObject({ refund: 710_000, levelFromEarlierYear: true });
    expect(
      (await s.send('POST', '/api/economy/calculators/self-payment-108', { annualIncome: 300_000, year: 2024 })).json(),
    ).toMatchObject({ annual: 36_600, monthly: 3050 });
    expect(
      (
        await s.send('POST', '/api/economy/calculators/transport-103', {
          distanceKm: 25,
          pricePerKm: 1.5,
          daysPerMonth: 20,
          monthlyEarningsAfterTax: 1500,
        })
      ).json(),
    ).toMatchObject({ citizenPays: 450, municipalityPays: 1050, capped: true });
    const bad = await s.send('POST', '/api/economy/calculators/refund-176', { yearlyCost: -1, year: 2026, age: 45 });
    expect(fields(bad.body)).toEqual(['yearlyCost']);
  });
});
