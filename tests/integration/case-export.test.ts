import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import type { MyAccessEntry } from '../../src/shared/self-service/self-service.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { pdfText } from '../support/pdf-text.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The case page's header facts and the case printed as one PDF (issue 16): the journey's case, decided on 20
 * November 2026 and ordered, with a note (and an emoji) in its journal.
 */
const METTE = NAMED_DEMO_CITIZENS[0];
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let maria: Session;
let c: CaseDetail;
let refused: CaseDetail;

const exportRows = (caseId: string) =>
  inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['action', 'purpose', 'actor_name', 'citizen_id', 'details'])
      .where('record_type', '=', 'case')
      .where('record_id', '=', caseId)
      .where('action', '=', 'export')
      .orderBy('chain_seq')
      .execute(),
  );

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`the case header's facts on ${TEST_DB}`, () => {
  // The cases are made here, not in beforeAll: on a loaded machine two journeys can take longer than a hook may.
  it('names the caseworker and the title, and says who must meet each deadline', async () => {
    const journey = caseJourney(app, maria);
    const { case: ordered } = await journey.ordered({ cpr: METTE.cpr });
    await maria.send('POST', `/api/cases/${ordered.id}/notes`, {
      subject: 'Telefonsamtale',
      body: 'Mette er glad for støtten 🙂',
    });
    c = await journey.get(ordered.id);
    refused = await journey.decided(
      'refused',
      'SEL § 85',
      { decidedOn: addDays(plainDateInCopenhagen(new Date()), -40) },
      METTE.cpr,
    );
    expect(c.title).toBe('Bostøtte i eget hjem');
    expect(c.caseworker).toMatchObject({ name: 'Maria Vestergaard' });
    const duty = Object.fromEntries(c.deadlines.map((d) => [d.kind, d.duty]));
    expect(duty).toEqual({ receipt: 'municipality', decision: 'municipality', start: 'municipality' });
    // A refusal 40 days ago: its complaint deadline has passed, but it was the citizen's to use, not a missed step.
    expect(refused.deadlines.find((d) => d.kind === 'complaint')).toMatchObject({ status: 'overdue', duty: 'citizen' });
  }, 120_000);
});

describe(`a case printed as one PDF on ${TEST_DB}`, () => {
  it('holds the header, request, deadlines, assessment, decision, plan, journal and the letters’ text', async () => {
    const res = await maria.get(`/api/cases/${c.id}/export?purpose=case_meeting`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    for (const expected of [
      `Sagsudskrift ${c.journalNumber}: Bostøtte i eget hjem`,
      'Formål: Møde om sagen',
      'Borger: Mette Kjærsgaard',
      `CPR-nummer: ${METTE.cpr.slice(0, 6)}-${METTE.cpr.slice(6)}`,
      'Lovgrundlag: SEL § 85',
      'Sagsbehandler: Maria Vestergaard',
      'Iværksættelse (18.12.2026): Åben',
      'Afgørelse (1.12.2026): Overholdt 20.11.2026',
      'Samlet støttebehov: Moderat støttebehov',
      'Begrundelse: Begrundelse med æøå: udredningen viser et væsentligt behov.',
      'Mål 1: Mål 1: handler selv ind',
      'Mette er glad for støtten',
      'Brev: Kvittering for henvendelse',
      'Brev: Afgørelse',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('says a complaint deadline that ran out has expired, not that the municipality is late', async () => {
    const text = await pdfText((await maria.get(`/api/cases/${refused.id}/export?purpose=case_meeting`)).rawPayload);
    expect(text).toMatch(/Klagefrist \([\d.]+\): Udløbet/);
    expect(text).not.toMatch(/Klagefrist \([\d.]+\): Overskredet/);
  });

  it('is audited as an export with the purpose the user named, which the citizen reads in their access log', async () => {
    const before = (await exportRows(c.id)).length;
    const res = await maria.get(`/api/cases/${c.id}/export?purpose=access_request`);
    expect(res.statusCode).toBe(200);
    const rows = await exportRows(c.id);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      action: 'export',
      purpose: 'access_request',
      actor_name: 'Maria Vestergaard',
      citizen_id: c.citizen.id,
    });
    const mette = await loginAs(app, 'citizen', MUNICIPALITY.rksk, 'Mette Kjærsgaard');
    // The access log shows visits (rules/audit/access-visits.ts): Maria's sitting with the case names the export,
    // the case it printed, and the purpose of its latest access, the export's.
    const log = (await mette.get('/api/me/access-log?pageSize=100')).json() as { items: MyAccessEntry[] };
    const visit = log.items.find((e) => e.actions.includes('export'));
    expect(visit).toMatchObject({ purpose: 'access_request', role: 'caseworker' });
    expect(visit?.what).toContain('case');
  });

  it('answers 400 without a purpose or with one it does not know, and exports nothing', async () => {
    const before = (await exportRows(c.id)).length;
    for (const url of [`/api/cases/${c.id}/export`, `/api/cases/${c.id}/export?purpose=curiosity`]) {
      const res = await maria.get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ fields: [{ path: 'purpose' }] });
    }
    expect((await exportRows(c.id)).length).toBe(before);
  });

  it('is refused outside the municipality (404) and to a role without case access', async () => {
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await randers.get(`/api/cases/${c.id}/export?purpose=case_meeting`)).statusCode).toBe(404);
    const provider = await loginAs(app, 'provider_staff');
    expect((await provider.get(`/api/cases/${c.id}/export?purpose=case_meeting`)).statusCode).toBe(404);
  });
});
