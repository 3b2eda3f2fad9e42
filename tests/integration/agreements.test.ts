import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type {
  Agreement,
  AgreementSummary,
  DeadlineDashboard,
  Goal,
  Measurement,
  Report,
  StrategyDashboard,
} from '../../src/shared/agreements/agreements.schema.ts';
import { ASSESSMENT_THEMES, SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let analyst: Session;
let economist: Session;
let council: Session;
let caseworker: Session;
let rkskAnalyst: Session;
let demo: Agreement;
let csi2019: AgreementSummary;

const fields = (body: string) => ((JSON.parse(body) as { fields?: { path: string }[] }).fields ?? []).map((f) => f.path);
const read = async (s: Session, id: string) => (await s.get(`/api/agreements/${id}`)).json() as Agreement;
const goal = (a: Agreement, start: string) => a.goals.find((g) => g.title.startsWith(start)) as Goal;

async function auditOf(requestId: string) {
  return inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['action', 'purpose', 'record_type', 'citizen_id'])
      .where('request_id', '=', requestId)
      .execute(),
  );
}

/**
 * The keep-or-gain share in hand-written SQL, apart from the rules: goals of plans closed in the period at the offers
 * under CSI whose condition is one of the given VUM themes; the latest status (final first) against the baseline.
 */
async function keepOrGainBySql(from: string, to: string, conditions: string[]) {
  const ranks = ['Intet', 'Let', 'Moderat', 'Højt', 'Fuldstændigt'];
  const rows = await inSystem(database, (tx) =>
    sql<{ measured: number; kept: number }>`
      with recursive center(id) as (
        select u.id from org_unit u join municipality m on m.id = u.municipality_id
        where m.name = ${MUNICIPALITY.randers} and u.name = 'Center for Særlig Social Indsats'
        union select u.id from org_unit u join center c on u.parent_id = c.id
      ),
      closed as (
        select g.id, g.baseline_support_need_code as base from order_goal g
        join case_order o on o.municipality_id = g.municipality_id and o.id = g.order_id
        join offer f on f.municipality_id = o.municipality_id and f.id = o.offer_id
        where f.org_unit_id in (select id from center) and g.ended_on between ${from}::date and ${to}::date
          and g.condition_code = any(${conditions}::text[])
      ),
      latest as (
        select distinct on (s.goal_id) s.goal_id, s.support_need_code as now from fko_status s
        where s.goal_id in (select id from closed)
        order by s.goal_id, (s.kind = 'final') desc, s.scored_on desc
      ),
      ranked as (select c.base, l.now from closed c join latest l on l.goal_id = c.id)
      select count(*)::int as measured,
        count(*) filter (where array_position(${ranks}::text[], split_part(nl.display, ' ', 1)) <= array_position(${ranks}::text[], split_part(bl.display, ' ', 1)))::int as kept
      from ranked r
      join (values ${sql.join(SUPPORT.map(([c, d]) => sql`(${c}, ${d})`))}) as bl(code, display) on bl.code = r.base
      join (values ${sql.join(SUPPORT.map(([c, d]) => sql`(${c}, ${d})`))}) as nl(code, display) on nl.code = r.now
    `.execute(tx),
  );
  return rows.rows[0] ?? { measured: 0, kept: 0 };
}
const SUPPORT = SUPPORT_NEED_LEVELS.filter((l) => !l.display.startsWith('Ikke')).map((l) => [l.code, l.display] as const);
const conditionCodes = (...names: string[]) => ASSESSMENT_THEMES.filter((t) => names.includes(t.display)).map((t) => t.code);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  analyst = await loginAs(app, 'analyst', MUNICIPALITY.randers);
  economist = await loginAs(app, 'economist', MUNICIPALITY.randers);
  council = await loginAs(app, 'council_member', MUNICIPALITY.randers);
  caseworker = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
  rkskAnalyst = await loginAs(app, 'analyst', MUNICIPALITY.rksk);
  const list = (await analyst.get('/api/agreements')).json() as AgreementSummary[];
  demo = await read(analyst, (list.find((a) => a.periodFrom === '2025-01-01') as AgreementSummary).id);
  csi2019 = list.find((a) => a.periodFrom === '2019-01-01') as AgreementSummary;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`agreements: access on ${TEST_DB}`, () => {
  it('the analyst, the center’s management and a council member read agreements; a caseworker does not', async () => {
    expect((await council.get('/api/agreements')).statusCode).toBe(200);
    expect((await economist.get(`/api/agreements/${demo.id}`)).statusCode).toBe(200);
    expect((await caseworker.get('/api/agreements')).statusCode).toBe(403);
  });
  it('another municipality sees none of Randers’ agreements (404 by id)', async () => {
    expect(((await rkskAnalyst.get('/api/agreements')).json() as unknown[]).length).toBe(0);
    expect((await rkskAnalyst.get(`/api/agreements/${demo.id}`)).statusCode).toBe(404);
  });
  it('a council member may not change a goal or issue a status (by id: 404, nothing to learn)', async () => {
    const g = goal(demo, 'Færre borgere');
    const r = await council.send('POST', `/api/agreement-goals/${g.id}/values`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      value: 70,
      source: 'VIVE',
      sourceDate: '2026-09-01',
    });
    expect(r.statusCode).toBe(404);
    expect((await council.send('POST', `/api/agreements/${demo.id}/reports`, { kind: 'final' })).statusCode).toBe(404);
  });
});

describe(`goals on ${TEST_DB}`, () => {
  const valid = {
    level: 'offer',
    theme: 'social_life',
    title: 'Flere beboere deltager i fællesspisning.',
    unit: 'percent',
    direction: 'increase',
    baselineValue: 20,
    baselinePeriod: '2024',
    baselineN: 25,
    baselineNLabel: 'beboere',
    targetValue: 25,
    targetChangePp: 5,
    targetYear: 2026,
    dataSource: 'Ladegårdens registrering',
    definition: 'Andelen af beboere, der deltager mindst én gang om ugen.',
    sourceRef: 'Testens eget mål',
  };
  it('adds a goal shared by an offer under the center, audited', async () => {
    const ladegaarden = demo.offerUnits.find((u) => u.name === 'Ladegården');
    const r = await analyst.send('POST', `/api/agreements/${demo.id}/goals`, { ...valid, unitIds: [ladegaarden?.id] });
    expect(r.statusCode).toBe(201);
    const a = await read(analyst, demo.id);
    const g = a.goals.at(-1) as Goal;
    expect(g).toMatchObject({ title: valid.title, target: 25, units: [{ name: 'Ladegården' }], definitionVersion: 1 });
    expect(await auditOf(r.headers['x-request-id'] as string)).toContainEqual(
      expect.objectContaining({ action: 'create', purpose: 'steering', record_type: 'agreement_goal', citizen_id: null }),
    );
  });
  it.each([
    ['a target that does not match baseline and pp', { targetValue: 26 }, 'targetChangePp'],
    ['no target at all', { targetValue: null, targetChangePp: null }, 'targetValue'],
    ['a share over 100 %', { baselineValue: 120, targetValue: null, targetChangePp: null, unit: 'percent' }, 'targetValue'],
    ['an offer goal without offers', {}, 'unitIds'],
    ['a target year before the period', { targetYear: 2019 }, 'targetYear'],
    ['a measured goal that is a count', { unit: 'count', measureKey: 'fko_keep_or_gain' }, 'measureKey'],
    ['an empty title', { title: '' }, 'title'],
  ])('refuses %s with a 400 naming the field, nothing saved', async (_, change, field) => {
    const before = (await read(analyst, demo.id)).goals.length;
    const r = await analyst.send('POST', `/api/agreements/${demo.id}/goals`, { ...valid, unitIds: [], ...change });
    expect(r.statusCode).toBe(400);
    expect(fields(r.body)).toContain(field);
    expect((await read(analyst, demo.id)).goals.length).toBe(before);
  });
  it('a unit outside the center is refused', async () => {
    const units = await inSystem(database, (tx) =>
      tx.selectFrom('org_unit').select('id').where('name', '=', 'Center for Psykiatriindsats').execute(),
    );
    const r = await analyst.send('POST', `/api/agreements/${demo.id}/goals`, { ...valid, unitIds: [units[0]?.id] });
    expect(r.statusCode).toBe(400);
    expect(fields(r.body)).toContain('unitIds');
  });
  it('a changed definition gets the next version; a stale version gets 409', async () => {
    const g = goal(await read(analyst, demo.id), 'Flere beboere');
    const body = { ...valid, unitIds: g.units.map((u) => u.id), definition: 'Mindst to gange om ugen.', version: g.version };
    const r = await economist.send('PUT', `/api/agreement-goals/${g.id}`, body);
    expect(r.statusCode).toBe(200);
    expect(goal(await read(analyst, demo.id), 'Flere beboere').definitionVersion).toBe(2);
    expect((await analyst.send('PUT', `/api/agreement-goals/${g.id}`, body)).statusCode).toBe(409);
  });
});

describe(`values measured from the cases on ${TEST_DB}`, () => {
  it.each([
    [
      'personal mastery',
      'Andelen af mål, hvor borgere fastholder eller opnår større personlig mestring',
      ['Praktiske opgaver', 'Egenomsorg', 'Samfundsliv', 'Mentale funktioner', 'Mobilitet', 'Kommunikation'],
    ],
    [
      'health',
      'Andelen af mål, hvor borgere fastholder eller opnår større mestring af sundhedsforhold',
      ['Sundhedsforhold', 'Fysiske funktioner'],
    ],
    [
      'social life',
      'Andelen af mål, hvor borgere fastholder eller opnår større mestring af socialt liv',
      ['Relationer', 'Sociale forhold', 'Omgivelser'],
    ],
  ])('the keep-or-gain share of %s equals hand-written SQL over the same cases', async (_, start, conditions) => {
    const g = goal(demo, start);
    const r = await analyst.send('POST', `/api/agreement-goals/${g.id}/measure`, {
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    expect(r.statusCode).toBe(201);
    const m = r.json() as Measurement;
    const expected = await keepOrGainBySql('2025-01-01', '2025-12-31', conditionCodes(...conditions));
    expect(m.denominator).toBe(expected.measured);
    if (start.includes('personlig')) expect(expected.measured).toBeGreaterThan(0);
    if (!m.suppressed) {
      expect(m.numerator).toBe(expected.kept);
      expect(m.value).toBe(expected.measured ? Math.round((1000 * expected.kept) / expected.measured) / 10 : null);
    } else {
      expect(m.value).toBeNull();
      expect(m.numerator).toBeNull();
    }
    expect(m).toMatchObject({
      origin: 'measured',
      measureKey: 'fko_keep_or_gain',
      definitionVersion: 1,
      periodFrom: '2025-01-01',
    });
    expect(m.breakdown.map((b) => b.key)).toEqual(
      expect.arrayContaining(['all', 'theme:mastery', 'theme:health', 'theme:social_life']),
    );
    // The drill-down never shows a count of 1–4.
    for (const b of m.breakdown) if (b.numerator !== null) expect(b.numerator === 0 || b.numerator >= 5).toBe(true);
  });
  it('a goal from an outside source is entered with source and date, not measured', async () => {
    const g = goal(demo, 'Færre borgere');
    expect(
      (await analyst.send('POST', `/api/agreement-goals/${g.id}/measure`, { periodFrom: '2025-01-01', periodTo: '2025-12-31' }))
        .statusCode,
    ).toBe(400);
    const r = await analyst.send('POST', `/api/agreement-goals/${g.id}/values`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      value: 76,
      source: 'VIVE, hjemløsetælling 2026',
      sourceDate: '2026-09-01',
    });
    expect(r.statusCode).toBe(201);
    const now = goal(await read(analyst, demo.id), 'Færre borgere');
    expect(now.latest).toMatchObject({
      value: 76,
      origin: 'entered',
      source: 'VIVE, hjemløsetælling 2026',
      sourceDate: '2026-09-01',
    });
    expect(now.trend).toBe('better'); // 78 before, 76 now, fewer is better
  });
  it.each([
    [
      'a measured goal typed in',
      'Andelen af mål, hvor borgere fastholder eller opnår større personlig mestring',
      { value: 70 },
      'value',
    ],
    ['a count that is no whole number', 'Færre borgere', { value: 7.5 }, 'value'],
    ['a source date in the future', 'Færre borgere', { sourceDate: '2099-01-01' }, 'sourceDate'],
    ['a period ending before it starts', 'Færre borgere', { periodTo: '2025-12-31' }, 'periodTo'],
  ])('refuses %s (400 naming the field)', async (_, start, change, field) => {
    const g = goal(demo, start);
    const r = await analyst.send('POST', `/api/agreement-goals/${g.id}/values`, {
      periodFrom: '2026-01-01',
      periodTo: '2026-06-30',
      value: 70,
      source: 'VIVE',
      sourceDate: '2026-09-01',
      ...change,
    });
    expect(r.statusCode).toBe(400);
    expect(fields(r.body)).toContain(field);
  });
});

describe(`status reports to the social committee on ${TEST_DB}`, () => {
  let report: Report;
  it('a midway draft measures every goal of the first year; a second draft of the same kind is refused', async () => {
    const r = await analyst.send('POST', `/api/agreements/${demo.id}/reports`, { kind: 'midway' });
    expect(r.statusCode).toBe(201);
    report = (await analyst.get(`/api/agreement-reports/${(r.json() as { id: string }).id}`)).json() as Report;
    expect(report).toMatchObject({
      kind: 'midway',
      state: 'draft',
      reportVersion: 1,
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
    });
    const mastery = report.goals.find((g) => g.title.includes('personlig mestring') && g.level === 'center');
    expect(mastery?.measurement).toMatchObject({ origin: 'measured', periodFrom: '2025-01-01', periodTo: '2025-12-31' });
    // The outside value for 2025 (VIVE) is the one whose period overlaps the status.
    expect(report.goals.find((g) => g.title.startsWith('Færre borgere'))?.measurement).toMatchObject({ value: 78 });
    expect((await analyst.send('POST', `/api/agreements/${demo.id}/reports`, { kind: 'midway' })).statusCode).toBe(409);
  });
  it('a council member does not see a draft', async () => {
    expect((await council.get(`/api/agreement-reports/${report.id}`)).statusCode).toBe(404);
  });
  it('the center comments a goal; a stale comment gets 409', async () => {
    const g = report.goals[1] as Report['goals'][number];
    const url = `/api/agreement-reports/${report.id}/goals/${g.goalId}/comment`;
    expect(
      (await economist.send('PUT', url, { comment: 'Flere afsluttede forløb end ventet.', version: g.commentVersion }))
        .statusCode,
    ).toBe(200);
    expect((await economist.send('PUT', url, { comment: 'Igen', version: g.commentVersion })).statusCode).toBe(409);
  });
  it('issued, the status is frozen: comments are refused, the database refuses changes, measuring again makes version 2', async () => {
    const current = (await analyst.get(`/api/agreement-reports/${report.id}`)).json() as Report;
    const issued = await analyst.send('POST', `/api/agreement-reports/${report.id}/issue`, { version: current.version });
    expect(issued.statusCode).toBe(200);
    const frozen = (await council.get(`/api/agreement-reports/${report.id}`)).json() as Report;
    expect(frozen.state).toBe('issued');
    expect(frozen.goals[1]?.comment).toBe('Flere afsluttede forløb end ventet.');
    // A new outside value does not move the issued status.
    const g = goal(demo, 'Færre borgere');
    await analyst.send('POST', `/api/agreement-goals/${g.id}/values`, {
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      value: 74,
      source: 'VIVE, rettet',
      sourceDate: '2026-10-01',
    });
    const again = (await council.get(`/api/agreement-reports/${report.id}`)).json() as Report;
    expect(again.goals).toEqual(frozen.goals);
    const goalId = frozen.goals[1]?.goalId;
    expect(
      (await economist.send('PUT', `/api/agreement-reports/${report.id}/goals/${goalId}/comment`, { comment: 'x', version: 99 }))
        .statusCode,
    ).toBe(409);
    await expect(
      inSystem(database, (tx) =>
        tx.updateTable('status_report_goal').set({ comment: 'x' }).where('report_id', '=', report.id).execute(),
      ),
    ).rejects.toThrow(/frozen/);
    const v2 = await analyst.send('POST', `/api/agreement-reports/${report.id}/remeasure`, { version: 1 });
    expect(v2.statusCode).toBe(200);
    const draft = (await analyst.get(`/api/agreement-reports/${(v2.json() as { id: string }).id}`)).json() as Report;
    expect(draft).toMatchObject({ state: 'draft', reportVersion: 2 });
    expect(draft.goals.find((x) => x.goalId === goalId)?.comment).toBe('Flere afsluttede forløb end ventet.');
    expect(draft.goals.find((x) => x.title.startsWith('Færre borgere'))?.measurement?.value).toBe(74);
  });
  it('the PDF for the committee’s papers, audited as an export', async () => {
    const r = await council.get(`/api/agreement-reports/${report.id}/pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditOf(r.headers['x-request-id'] as string)).toContainEqual(
      expect.objectContaining({ action: 'export', purpose: 'steering', record_type: 'status_report' }),
    );
  });
  it('the goals table as CSV and XLSX, audited', async () => {
    const csv = await council.get(`/api/agreements/${csi2019.id}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Færre borgere skal være hjemløse.');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(20);
    const xlsx = await council.get(`/api/agreements/${csi2019.id}/export?format=xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(await auditOf(xlsx.headers['x-request-id'] as string)).toContainEqual(
      expect.objectContaining({ action: 'export', record_type: 'agreement' }),
    );
  });
});

describe(`shelter stays (SEL § 110) on ${TEST_DB}`, () => {
  let citizenId: string;
  let hjoernestenen: { id: string; name: string };
  let stayId: string;
  beforeAll(async () => {
    const shelters = (await caseworker.get('/api/shelters')).json() as { id: string; name: string }[];
    hjoernestenen = shelters.find((s) => s.name === 'Hjørnestenen') as { id: string; name: string };
    const [c] = await inSystem(database, (tx) =>
      tx
        .selectFrom('citizen as c')
        .innerJoin('municipality as m', 'm.id', 'c.municipality_id')
        .select('c.id')
        .where('m.name', '=', MUNICIPALITY.randers)
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('shelter_stay as s').select('s.id').whereRef('s.citizen_id', '=', 'c.id'))),
        )
        .orderBy('c.id')
        .limit(1)
        .execute(),
    );
    citizenId = c?.id as string;
  });
  it('the caseworker registers an arrival at Hjørnestenen, audited with the citizen', async () => {
    const r = await caseworker.send('POST', '/api/shelter-stays', {
      citizenId,
      offerId: hjoernestenen.id,
      shelterName: 'Hjørnestenen',
      arrivedOn: '2026-03-01',
    });
    expect(r.statusCode).toBe(201);
    stayId = (r.json() as { id: string }).id;
    expect(await auditOf(r.headers['x-request-id'] as string)).toContainEqual(
      expect.objectContaining({
        action: 'create',
        purpose: 'case_processing',
        record_type: 'shelter_stay',
        citizen_id: citizenId,
      }),
    );
  });
  it('a second stay while the first runs is refused (409); an analyst may not register stays', async () => {
    const body = { citizenId, offerId: null, shelterName: 'Herberg i Viborg Kommune', arrivedOn: '2026-04-01' };
    expect((await caseworker.send('POST', '/api/shelter-stays', body)).statusCode).toBe(409);
    expect((await analyst.send('POST', '/api/shelter-stays', body)).statusCode).toBe(403);
  });
  it.each([
    ['a departure before the arrival', { leftOn: '2026-02-01', outcome: 'own_home' }, 'leftOn'],
    ['a departure in the future', { leftOn: '2099-01-01', outcome: 'own_home' }, 'leftOn'],
    ['no outcome', { leftOn: '2026-06-01', outcome: 'somewhere' }, 'outcome'],
  ])('refuses %s (400 naming the field)', async (_, body, field) => {
    const r = await caseworker.send('POST', `/api/shelter-stays/${stayId}/departure`, { ...body, version: 1 });
    expect(r.statusCode).toBe(400);
    expect(fields(r.body)).toContain(field);
  });
  it('records the departure with its outcome; a stale version gets 409', async () => {
    const ok = await caseworker.send('POST', `/api/shelter-stays/${stayId}/departure`, {
      leftOn: '2026-07-15',
      outcome: 'own_home',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    const again = await caseworker.send('POST', `/api/shelter-stays/${stayId}/departure`, {
      leftOn: '2026-07-16',
      outcome: 'street',
      version: 1,
    });
    expect(again.statusCode).toBe(409);
  });

  /** The shelter shares in hand-written SQL over the registered stays, apart from the rules. */
  async function staysBySql(from: string, to: string, only: string | null) {
    const r = await inSystem(database, (tx) =>
      sql<{ n: number; long: number; young_left: number; young_housed: number }>`
        select
          count(*) filter (where s.arrived_on <= ${to}::date and (s.left_on is null or s.left_on >= ${from}::date))::int as n,
          count(*) filter (where s.arrived_on <= ${to}::date and (s.left_on is null or s.left_on >= ${from}::date)
            and (least(coalesce(s.left_on, ${to}::date), ${to}::date) - s.arrived_on) > 120)::int as long,
          count(*) filter (where s.left_on between ${from}::date and ${to}::date
            and extract(year from age(s.arrived_on, c.birth_date)) between 18 and 24)::int as young_left,
          count(*) filter (where s.left_on between ${from}::date and ${to}::date
            and extract(year from age(s.arrived_on, c.birth_date)) between 18 and 24
            and s.outcome in ('own_home', 'housing_offer', 'transitional_home'))::int as young_housed
        from shelter_stay s
        join citizen c on c.municipality_id = s.municipality_id and c.id = s.citizen_id
        join municipality m on m.id = s.municipality_id
        where m.name = ${MUNICIPALITY.randers} and (${only}::text is null or s.shelter_name = ${only}::text)
      `.execute(tx),
    );
    return r.rows[0] as { n: number; long: number; young_left: number; young_housed: number };
  }

  it('stays over 120 days, measured from the registered stays, equal hand-written SQL (all shelters, note 9)', async () => {
    const g = goal(demo, 'Borgere med opholdstid');
    const m = (
      await analyst.send('POST', `/api/agreement-goals/${g.id}/measure`, { periodFrom: '2025-01-01', periodTo: '2025-12-31' })
    ).json() as Measurement;
    const expected = await staysBySql('2025-01-01', '2025-12-31', null);
    expect(expected.n).toBeGreaterThan(100);
    expect(m.denominator).toBe(expected.n);
    if (!m.suppressed) expect(m.numerator).toBe(expected.long);
    expect(m.breakdown.map((b) => b.label)).toContain('Hjørnestenen');
  });
  it('young people leaving Hjørnestenen with a housing solution equal hand-written SQL', async () => {
    const g = goal(demo, 'Andelen af unge, der afslutter ophold');
    const m = (
      await analyst.send('POST', `/api/agreement-goals/${g.id}/measure`, { periodFrom: '2025-01-01', periodTo: '2025-12-31' })
    ).json() as Measurement;
    const expected = await staysBySql('2025-01-01', '2025-12-31', 'Hjørnestenen');
    expect(expected.young_left).toBeGreaterThan(5);
    expect(m.denominator).toBe(expected.young_left);
    if (!m.suppressed) expect(m.numerator).toBe(expected.young_housed);
  });
});

describe(`dashboards for management on ${TEST_DB}`, () => {
  let leader: Session;
  beforeAll(async () => {
    leader = await loginAs(app, 'team_leader', MUNICIPALITY.randers);
  });
  const period = 'from=2026-01-01&to=2026-11-30';
  it('the team leader’s deadlines: met in the period as SQL counts them, median ≤ 90th percentile, caseload of open cases', async () => {
    const r = await leader.get(`/api/dashboards/deadlines?${period}`);
    expect(r.statusCode).toBe(200);
    const d = r.json() as DeadlineDashboard;
    const counted = await inSystem(database, (tx) =>
      sql<{ kind: string; n: number; in_time: number }>`
        select kind, count(*)::int as n, count(*) filter (where met_on <= due_date)::int as in_time
        from case_deadline dl join municipality m on m.id = dl.municipality_id
        where m.name = ${MUNICIPALITY.randers} and met_on between '2026-01-01' and '2026-11-30'
        group by kind`.execute(tx),
    );
    for (const k of d.kinds) {
      const row = counted.rows.find((x) => x.kind === k.kind);
      expect(k.met).toBe(row?.n ?? 0);
      if (k.metInTime !== null) expect(k.metInTime).toBe(row?.in_time ?? 0);
      if (k.medianDays !== null) expect(k.medianDays).toBeLessThanOrEqual(k.p90Days as number);
    }
    expect(d.kinds.find((k) => k.kind === 'receipt')?.met).toBeGreaterThan(0);
    const open = await inSystem(database, (tx) =>
      sql<{ n: number }>`select count(*)::int as n from case_file c join municipality m on m.id = c.municipality_id
        where m.name = ${MUNICIPALITY.randers} and c.status <> 'closed'`.execute(tx),
    );
    expect(d.caseload.reduce((s, c) => s + c.open, 0)).toBe(open.rows[0]?.n);
  });
  it('a period that ends before it starts is refused, naming the field', async () => {
    const r = await leader.get('/api/dashboards/deadlines?from=2026-06-01&to=2026-01-01');
    expect(r.statusCode).toBe(400);
    expect(fields(r.body)).toContain('to');
  });
  it('a council member reads the strategy indicators (not the team’s deadlines); each quarter, no count of 1–4', async () => {
    expect((await council.get(`/api/dashboards/deadlines?${period}`)).statusCode).toBe(403);
    const r = await council.get('/api/dashboards/strategy?from=2025-01-01&to=2025-12-31');
    expect(r.statusCode).toBe(200);
    const s = r.json() as StrategyDashboard;
    expect(s.quarters.map((q) => q.quarter)).toEqual(['2025 K1', '2025 K2', '2025 K3', '2025 K4']);
    for (const q of s.quarters)
      for (const n of [q.ownHome, q.temporary, q.longTerm, q.movedDown]) if (n !== null) expect(n === 0 || n >= 5).toBe(true);
    expect(s.quarters.some((q) => (q.ownHome ?? 0) > 0)).toBe(true);
    expect(s.centers.map((c) => c.name)).toContain('Center for Særlig Social Indsats');
  });
  it('filters by center and paragraph: § 85 only has no § 107 temporary housing', async () => {
    const all = (await council.get('/api/dashboards/strategy?from=2025-01-01&to=2025-12-31')).json() as StrategyDashboard;
    const csi = all.centers.find((c) => c.name === 'Center for Særlig Social Indsats')?.id;
    const only = (
      await council.get(`/api/dashboards/strategy?from=2025-01-01&to=2025-12-31&unitId=${csi}&paragraph=85`)
    ).json() as StrategyDashboard;
    for (const q of only.quarters) expect(q.temporary ?? 0).toBe(0);
    expect(only.byOffer.length).toBeLessThanOrEqual(all.byOffer.length);
  });
  it('exports the deadline table as CSV, audited', async () => {
    const r = await leader.get(`/api/dashboards/deadlines/export?${period}&format=csv`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Kvittering');
    expect(await auditOf(r.headers['x-request-id'] as string)).toContainEqual(
      expect.objectContaining({ action: 'export', record_type: 'dashboard_deadlines', citizen_id: null }),
    );
  });
});
