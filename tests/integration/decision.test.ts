import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Assessment } from '../../src/shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import { JOURNEY_DATES } from '../support/case-journey.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const TODAY = plainDateInCopenhagen(new Date());

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let sel85Version: string;
let sel107Version: string;

async function versionOf(basis: string): Promise<string> {
  const list = (
    await app.inject({
      method: 'GET',
      url: `/api/public/catalogue/service-descriptions?municipality=760&legalBasis=${encodeURIComponent(basis)}`,
    })
  ).json() as {
    items: { inForce: { id: string } | null }[];
  };
  return list.items[0]?.inForce?.id ?? '';
}

/** A case in assessment; with `complete`, every activity theme levelled and a support need set. */
async function caseInAssessment(complete: boolean): Promise<CaseDetail> {
  const citizenId = (
    (await caseworker.get(`/api/citizens?q=${NAMED_DEMO_CITIZENS[0].cpr}`)).json() as { items: { id: string }[] }
  ).items[0]?.id;
  const id = (
    (
      await caseworker.send('POST', '/api/cases', {
        citizenId,
        channel: 'letter',
        receivedOn: '2026-09-01',
        requestedBy: 'citizen',
        title: 'Bostøtte',
        what: 'Bostøtte',
      })
    ).json() as { id: string }
  ).id;
  const get = async () => (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
  await caseworker.send('POST', `/api/cases/${id}/receipt`, { version: (await get()).version });
  await caseworker.send('POST', `/api/cases/${id}/assessment/start`, { version: (await get()).version });
  if (complete) {
    const a = (await caseworker.get(`/api/cases/${id}/assessment`)).json() as Assessment;
    await caseworker.send('PUT', `/api/cases/${id}/assessment`, {
      version: a.version,
      supportNeedCode: SUPPORT_NEED_LEVELS[2]?.code,
      themes: ASSESSMENT_THEMES.filter((t) => t.group === 'activity').map((t) => ({
        themeCode: t.code,
        levelCode: FUNCTION_LEVELS[2]?.code,
      })),
    });
  }
  return get();
}

const decision = (c: CaseDetail, patch: Record<string, unknown> = {}) => ({
  version: c.version,
  outcome: 'granted',
  serviceDescriptionVersionId: sel85Version,
  decidedOn: '2026-11-20',
  weeklyHours: 3,
  startDate: '2026-12-01',
  reasons: 'Du har et væsentligt behov for støtte til struktur og økonomi, jf. udredningen.',
  partyHearing: 'done',
  ...patch,
});

async function pdfText(c: CaseDetail, documentId: string): Promise<string> {
  const pdf = await caseworker.get(`/api/cases/${c.id}/documents/${documentId}`);
  const file = join(mkdtempSync(join(tmpdir(), 'vt-decision-')), 'd.pdf');
  writeFileSync(file, pdf.rawPayload);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  sel85Version = await versionOf('SEL § 85');
  sel107Version = await versionOf('SEL § 107');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`decisions on ${TEST_DB}`, () => {
  it('refuses to decide on an incomplete assessment, naming what is missing (409)', async () => {
    const c = await caseInAssessment(false);
    const res = await caseworker.send('POST', `/api/cases/${c.id}/decision`, decision(c));
    expect(res.statusCode).toBe(409);
    expect((res.json() as { fields: unknown[] }).fields).toHaveLength(7);
    expect((res.json() as { fields: { path: string; message: string }[] }).fields.at(-1)).toEqual({
      path: 'assessment.supportNeed',
      message: 'Vælg det samlede støttebehov i udredningen, før der træffes afgørelse.',
    });
  });

  it('answers 409 to a decision saved on a stale version of the case, and saves no decision and no letter', async () => {
    const c = await caseInAssessment(true);
    const res = await caseworker.send('POST', `/api/cases/${c.id}/decision`, decision(c, { version: c.version - 1 }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict' });
    const saved = await inSystem(database, async (tx) => ({
      decisions: await tx.selectFrom('decision').select('id').where('case_id', '=', c.id).execute(),
      letters: await tx
        .selectFrom('case_document')
        .select('id')
        .where('case_id', '=', c.id)
        .where('kind', '=', 'decision_letter')
        .execute(),
    }));
    expect(saved).toEqual({ decisions: [], letters: [] });
  });

  it.each([
    ['no reasons', { reasons: '' }, 'reasons'],
    ['hours above every profile band without a justification', { weeklyHours: 120 }, 'hoursJustification'],
    ['"abc" as hours', { weeklyHours: 'abc' }, 'weeklyHours'],
    ['no party hearing answer (nothing is assumed)', { partyHearing: undefined }, 'partyHearing'],
    ['a partial grant without what was applied for', { outcome: 'partly_granted', refusedPart: '1 time' }, 'appliedFor'],
    ['a partial grant without what is refused', { outcome: 'partly_granted', appliedFor: '4 timer' }, 'refusedPart'],
    // Dates that cannot be true (src/rules/records/date-constraints.ts).
    ['a decision before the request was received', { decidedOn: '2026-08-31', startDate: '2026-09-01' }, 'decidedOn'],
    ['a decision in the future', { decidedOn: addDays(TODAY, 1), startDate: addDays(TODAY, 1) }, 'decidedOn'],
    ['a start date before the decision date', { startDate: '2026-11-19' }, 'startDate'],
    ['a time limit that ends before the start', { timeLimitUntil: '2026-11-30' }, 'timeLimitUntil'],
    ['a § 107 grant without an end date', { serviceDescriptionVersionId: 'S107', weeklyHours: 20 }, 'timeLimitUntil'],
    ['no party hearing and no reason why', { partyHearing: 'not_needed' }, 'partyHearingNote'],
    [
      'a service level not in force on the decision date',
      { decidedOn: '2023-12-31', startDate: '2024-01-02' },
      'serviceDescriptionVersionId',
    ],
    [
      '§ 107 beyond three years',
      { serviceDescriptionVersionId: 'S107', weeklyHours: 20, timeLimitUntil: '2029-12-02' },
      'timeLimitUntil',
    ],
  ])('answers 400 for %s, naming %s, and saves nothing', async (_label, patch, path) => {
    const c = await caseInAssessment(true);
    const p: Record<string, unknown> = patch;
    const body = decision(c, {
      ...p,
      ...(p.serviceDescriptionVersionId === 'S107' ? { serviceDescriptionVersionId: sel107Version } : {}),
    });
    const res = await caseworker.send('POST', `/api/cases/${c.id}/decision`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fields: [{ path }] });
    // Named in Danish and in English.
    const en = await caseworker.send('POST', `/api/cases/${c.id}/decision`, body, { 'accept-language': 'en' });
    const [da, english] = [res.json(), en.json()] as { fields: { message: string }[] }[];
    expect(english?.fields[0]?.message).toMatch(/^[A-Z"]/);
    expect(english?.fields[0]?.message).not.toBe(da?.fields[0]?.message);
    const rows = await inSystem(database, (tx) => tx.selectFrom('decision').select('id').where('case_id', '=', c.id).execute());
    expect(rows).toEqual([]);
    expect(((await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail).status).toBe('assessment');
  });

  it('grants: stores the version applied and the profile, writes the letter, meets the decision deadline, starts the start deadline', async () => {
    const c = await caseInAssessment(true);
    const res = await caseworker.send('POST', `/api/cases/${c.id}/decision`, decision(c));
    expect(res.statusCode).toBe(200);
    const { decisionId, documentId } = res.json() as { decisionId: string; documentId: string };
    const stored = await inSystem(database, (tx) =>
      tx.selectFrom('decision').selectAll().where('id', '=', decisionId).executeTakeFirstOrThrow(),
    );
    expect(stored).toMatchObject({
      outcome: 'granted',
      service_description_version_id: sel85Version,
      profile_code: '3',
      legal_basis: 'SEL § 85',
    });
    const after = (await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail;
    expect(after.status).toBe('decided');
    expect(after.deadlines.find((d) => d.kind === 'decision')?.metOn).toBe('2026-11-20');
    // Start within 4 weeks of Friday 20 November 2026: Friday 18 December.
    expect(after.deadlines.find((d) => d.kind === 'start')?.dueDate).toBe('2026-12-18');
    expect(after.deadlines.find((d) => d.kind === 'complaint')).toBeUndefined();
    const text = await pdfText(after, documentId);
    expect(text).toContain('Du får bevilget socialpædagogisk støtte efter SEL § 85 (serviceloven § 85');
    expect(text).toContain('3 timer om ugen. Det svarer til borgerprofil 3 (den gruppe i kommunens serviceniveau');
    expect(text).toContain('version 1, gældende fra 1.1.2024');
    expect(text).not.toContain('Klagevejledning');
  });

  it('refuses with complaint guidance: 4 weeks, to the municipality, reconsidered first, then Ankestyrelsen', async () => {
    const c = await caseInAssessment(true);
    const res = await caseworker.send(
      'POST',
      `/api/cases/${c.id}/decision`,
      decision(c, { outcome: 'refused', weeklyHours: null, startDate: null }),
    );
    expect(res.statusCode).toBe(200);
    const after = (await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail;
    expect(after.status).toBe('refused');
    // Complaint: 4 weeks from 20 November 2026 = 18 December; a written or digital complaint runs to midnight.
    expect(after.deadlines.find((d) => d.kind === 'complaint')).toMatchObject({ dueDate: '2026-12-18', endsAtTime: '23:59:59' });
    const text = await pdfText(after, (res.json() as { documentId: string }).documentId);
    expect(text).toContain('Du får afslag på socialpædagogisk støtte efter SEL § 85 (serviceloven § 85: socialpædagogisk støtte');
    expect(text).toContain('Klagevejledning');
    expect(text).toContain('Fristen er 4 uger');
    expect(text).toContain(
      'den udløber den 18.12.2026. En skriftlig eller digital klage er kommet i tide, hvis vi har den senest den dag inden midnat.',
    );
    // Only an oral complaint ends at the close of office hours in Ringkøbing-Skjern (seed 001; rsl. § 67).
    expect(text).toContain(
      'En mundtlig klage, hvor du ringer eller møder op, skal du give inden kontortids ophør kl. 15:00 den dag.',
    );
    // The complaint address of the service level, not the town hall's (seed 001 "Klage").
    expect(text).toContain('Skriv til Ringkøbing-Skjern Kommune, Handicap og Psykiatri, Rødkløvervej 4, 6950 Ringkøbing');
    expect(text).toContain('med Digital Post til Ringkøbing-Skjern Kommune, Handicap og Psykiatri');
    expect(text).toContain('genvurdering (vi ser på sagen igen');
    expect(text).toContain('Ankestyrelsen inden for 4 uger, normalt inden for 14 dage');
    expect(text).toContain('partshørt (du har fået lov at se og kommentere');
  });

  it('partly grants: the letter says what was applied for and what is refused, and names the version applied', async () => {
    const c = await caseInAssessment(true);
    const res = await caseworker.send(
      'POST',
      `/api/cases/${c.id}/decision`,
      decision(c, {
        outcome: 'partly_granted',
        weeklyHours: 2,
        appliedFor: 'Bostøtte 4 timer om ugen.',
        refusedPart: '2 af de 4 timer; støtten til indkøb gives som gruppeforløb.',
      }),
    );
    expect(res.statusCode).toBe(200);
    const after = (await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail;
    const text = await pdfText(after, (res.json() as { documentId: string }).documentId);
    expect(text).toContain('Du får delvist bevilget socialpædagogisk støtte');
    expect(text).toContain('Du har søgt om: Bostøtte 4 timer om ugen.');
    expect(text).toContain('Du får afslag på: 2 af de 4 timer; støtten til indkøb gives som gruppeforløb.');
    expect(text).toContain('Det svarer til borgerprofil 2 (den gruppe i kommunens serviceniveau');
    expect(text).toContain('serviceniveau for SEL § 85, version 1, gældende fra 1.1.2024');
    expect(text).toContain('Klagevejledning');
  });

  it('lets only one of two caseworkers saving the same decision at once succeed (409)', async () => {
    const c = await caseInAssessment(true);
    const other = await loginAs(app, 'team_leader');
    const [a, b] = [
      await caseworker.send('POST', `/api/cases/${c.id}/decision`, decision(c)),
      await other.send('POST', `/api/cases/${c.id}/decision`, decision(c)),
    ];
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const rows = await inSystem(database, (tx) => tx.selectFrom('decision').select('id').where('case_id', '=', c.id).execute());
    expect(rows).toHaveLength(1);
  });
});

describe(`orders on ${TEST_DB}`, () => {
  const GOAL_TYPE_DEVELOP = 'd41c8072-52f8-42b5-9375-ddbea454d27f';
  const GOAL_TYPE_MAINTAIN = '10752a63-00b4-4958-b7f4-9f3a18f74266';
  const PRACTICAL = ASSESSMENT_THEMES.find((t) => t.display === 'Praktiske opgaver')?.code;
  const goal = (n: number, patch: Record<string, unknown> = {}) => ({
    text: `Mål ${n}: Borgeren handler selv ind én gang om ugen`,
    indicator: 'Antal indkøb pr. uge uden støtte',
    targetDate: JOURNEY_DATES.goalTarget,
    conditionCode: PRACTICAL,
    goalTypeCode: GOAL_TYPE_DEVELOP,
    baselineSupportNeedCode: SUPPORT_NEED_LEVELS[3]?.code,
    targetSupportNeedCode: SUPPORT_NEED_LEVELS[2]?.code,
    ...patch,
  });
  async function offerId(municipality: string, key: string): Promise<string> {
    const list = (
      await app.inject({ method: 'GET', url: `/api/public/catalogue/offers?municipality=${municipality}&pageSize=100` })
    ).json() as {
      items: { id: string; key: string }[];
    };
    return list.items.find((o) => o.key === key)?.id ?? '';
  }
  async function decided(outcome: 'granted' | 'refused'): Promise<CaseDetail> {
    const c = await caseInAssessment(true);
    const patch = outcome === 'refused' ? { outcome, weeklyHours: null, startDate: null } : {};
    await caseworker.send('POST', `/api/cases/${c.id}/decision`, decision(c, patch));
    return (await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail;
  }
  const order = async (c: CaseDetail, patch: Record<string, unknown> = {}) =>
    caseworker.send('POST', `/api/cases/${c.id}/order`, {
      version: c.version,
      offerId: await offerId('760', 'bostoetten'),
      orderedOn: '2026-11-23',
      firstFollowUp: JOURNEY_DATES.firstFollowUp,
      goals: [goal(1), goal(2)],
      actionPlan: {
        purpose: 'At mestre egen økonomi og hverdag',
        services: 'Socialpædagogisk støtte 3 timer/uge',
        expectedDuration: '6 måneder',
      },
      ...patch,
    });

  it('orders from a granting decision with SMART goals, FKO baseline and target, and the § 141 plan', async () => {
    const c = await decided('granted');
    const res = await order(c);
    expect(res.statusCode).toBe(200);
    const after = (await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail;
    expect(after.status).toBe('ordered');
    const goals = await inSystem(database, (tx) =>
      tx
        .selectFrom('order_goal')
        .selectAll()
        .where('order_id', '=', (res.json() as { orderId: string }).orderId)
        .orderBy('position')
        .execute(),
    );
    expect(goals.map((g) => [g.position, g.condition_code, g.goal_type_code])).toEqual([
      [1, PRACTICAL, GOAL_TYPE_DEVELOP],
      [2, PRACTICAL, GOAL_TYPE_DEVELOP],
    ]);
  });

  it('refuses an order without a granting decision (409)', async () => {
    const c = await decided('refused');
    expect((await order(c)).statusCode).toBe(409);
  });

  it.each([
    ['more than 3 goals', { goals: [goal(1), goal(2), goal(3), goal(4)] }, 'goals'],
    ['a goal without an FFB condition', { goals: [goal(1, { conditionCode: 'x' })] }, 'goals.0.conditionCode'],
    ['a target date before the order', { goals: [goal(1, { targetDate: '2026-11-01' })] }, 'goals.0.targetDate'],
    ['a target date already past', { goals: [goal(1, { targetDate: addDays(TODAY, -1) })] }, 'goals.0.targetDate'],
    ['an order dated before its decision', { orderedOn: '2026-11-19' }, 'orderedOn'],
    ['an order dated in the future', { orderedOn: addDays(TODAY, 1) }, 'orderedOn'],
    ['a follow-up already past at ordering', { firstFollowUp: addDays(TODAY, -1) }, 'firstFollowUp'],
    [
      'an FKO target worse than the baseline on a goal to develop',
      { goals: [goal(1, { targetSupportNeedCode: SUPPORT_NEED_LEVELS[4]?.code })] },
      'goals.0.targetSupportNeedCode',
    ],
    [
      'an FKO target better than the baseline on a goal to maintain',
      { goals: [goal(1, { goalTypeCode: GOAL_TYPE_MAINTAIN })] },
      'goals.0.targetSupportNeedCode',
    ],
    ['an offer of another municipality', { offerId: 'RANDERS' }, 'offerId'],
    ['an offer that does not deliver § 85 (a day offer)', { offerId: 'DROSSELVEJ' }, 'offerId'],
    ['a follow-up before the order', { firstFollowUp: '2026-11-01' }, 'firstFollowUp'],
  ])('answers 400 for %s and saves nothing', async (_label, patch, path) => {
    const c = await decided('granted');
    const p: Record<string, unknown> = patch;
    const other: Record<string, [string, string]> = { RANDERS: ['730', 'blommevej'], DROSSELVEJ: ['760', 'drosselvej'] };
    const ref = other[String(p.offerId)];
    const res = await order(c, ref ? { offerId: await offerId(...ref) } : p);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fields: [{ path }] });
    const rows = await inSystem(database, (tx) => tx.selectFrom('case_order').select('id').where('case_id', '=', c.id).execute());
    expect(rows).toEqual([]);
  });
});
