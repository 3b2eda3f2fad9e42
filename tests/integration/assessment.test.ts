import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import type { Assessment } from '../../src/shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, INFORMANTS, SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let caseId: string;

const MODERATE = FUNCTION_LEVELS[2]?.code ?? '';
const HIGH = SUPPORT_NEED_LEVELS[3]?.code ?? '';
const CITIZEN = INFORMANTS[0]?.code ?? '';
const ACTIVITY = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  const citizenId = (
    (await caseworker.get(`/api/citizens?q=${NAMED_DEMO_CITIZENS[0].cpr}`)).json() as { items: { id: string }[] }
  ).items[0]?.id;
  const opened = await caseworker.send('POST', '/api/cases', {
    citizenId,
    channel: 'phone',
    receivedOn: '2026-11-02',
    requestedBy: 'relative_with_consent',
    requesterName: 'Karen Kjærsgaard (mor)',
    title: 'Bostøtte',
    what: 'Bostøtte efter § 85',
  });
  caseId = (opened.json() as { id: string }).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const detail = async () => (await caseworker.get(`/api/cases/${caseId}`)).json() as CaseDetail;

describe(`VUM assessment on ${TEST_DB}`, () => {
  it('cannot start before the receipt (409), then starts after it', async () => {
    const early = await caseworker.send('POST', `/api/cases/${caseId}/assessment/start`, { version: (await detail()).version });
    expect(early.statusCode).toBe(409);
    await caseworker.send('POST', `/api/cases/${caseId}/receipt`, { version: (await detail()).version });
    const start = await caseworker.send('POST', `/api/cases/${caseId}/assessment/start`, { version: (await detail()).version });
    expect(start.statusCode).toBe(200);
    expect((await detail()).status).toBe('assessment');
  });

  it('lists every FFB theme, and what is missing: the six activity themes and the support need', async () => {
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    expect(a.themes).toHaveLength(11);
    expect(a.themes.filter((t) => t.levelRequired).map((t) => t.display)).toEqual(ACTIVITY.map((t) => t.display));
    expect(a.completeness).toMatchObject({ complete: false });
    expect(a.completeness.missing).toHaveLength(7);
  });

  it('saves levels, wishes and informants; complete once every activity theme and the support need are set', async () => {
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    const partial = await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
      version: a.version,
      supportNeedCode: HIGH,
      themes: ACTIVITY.slice(0, 4).map((t) => ({
        themeCode: t.code,
        levelCode: MODERATE,
        wishes: 'Vil gerne klare mere selv',
        informantCode: CITIZEN,
      })),
    });
    expect(partial.statusCode).toBe(200);
    const p = partial.json() as Assessment;
    expect(p.completeness.missing.map((m) => ASSESSMENT_THEMES.find((t) => t.code === m.themeCode)?.display)).toEqual([
      'Samfundsliv',
      'Relationer',
    ]);
    const full = await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
      version: p.version,
      supportNeedCode: HIGH,
      themes: ACTIVITY.map((t) => ({ themeCode: t.code, levelCode: MODERATE, informantCode: CITIZEN })),
    });
    expect((full.json() as Assessment).completeness).toEqual({ complete: true, missing: [] });
    const stored = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    expect(stored.themes.find((t) => t.display === 'Praktiske opgaver')).toMatchObject({
      levelCode: MODERATE,
      informantCode: CITIZEN,
    });
  });

  it('answers 409 to a stale version and 400 to a code that is not FFB, saving nothing', async () => {
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    const stale = await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
      version: a.version - 1,
      supportNeedCode: HIGH,
      themes: [],
    });
    expect(stale.statusCode).toBe(409);
    const bad = await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
      version: a.version,
      supportNeedCode: HIGH,
      themes: [{ themeCode: ACTIVITY[0]?.code, levelCode: 'not-a-level' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      fields: [{ path: 'themes.0.levelCode', message: 'Vælg et funktionsevneniveau på listen.' }],
    });
    // Nothing filled in: refused at a field the form shows (the overall support need), not as a bare message.
    const empty = await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
      version: a.version,
      supportNeedCode: null,
      themes: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      fields: [{ path: 'supportNeedCode', message: 'Udfyld mindst ét tema eller det samlede støttebehov, før du gemmer.' }],
    });
    const after = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    expect(after.version).toBe(a.version);
    expect(after.completeness.complete).toBe(true);
  });
});
