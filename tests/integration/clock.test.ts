import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { LetterView } from '../../src/shared/cases/complaint.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, testAppAt } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The clock is read in one place and handed to every use case (`ctx.clock`), so the app can be run on a fixed day.
 * Tuesday 2 March 2027 is months from the day these tests run: every date below comes from the app's clock.
 */
const MORNING = '2027-03-02T09:30:00+01:00';
const AFTERNOON = '2027-03-02T15:30:00+01:00';
const NEXT_MORNING = '2027-03-03T09:30:00+01:00';

let database: Database;
let morning: Awaited<ReturnType<typeof testAppAt>>;
let afternoon: Awaited<ReturnType<typeof testAppAt>>;
let nextMorning: Awaited<ReturnType<typeof testAppAt>>;

beforeAll(async () => {
  database = await openTestDatabase();
  morning = await testAppAt(database, MORNING);
  afternoon = await testAppAt(database, AFTERNOON);
  nextMorning = await testAppAt(database, NEXT_MORNING);
});
afterAll(async () => {
  await morning.close();
  await afternoon.close();
  await nextMorning.close();
  await database.close();
});

describe(`a fixed clock, through the API, on ${TEST_DB}`, () => {
  it('judges deadlines on its day, and dates and meets the receipt on it', async () => {
    const caseworker = await loginAs(morning, 'caseworker');
    const journey = caseJourney(morning, caseworker);
    // Received Monday 15 February 2027: the receipt is due 14 days later, Monday 1 March.
    const c = await journey.open({ receivedOn: '2027-02-15' });
    const receipt = async () => (await journey.get(c.id)).deadlines.find((x) => x.kind === 'receipt');
    expect(await receipt()).toMatchObject({ dueDate: '2027-03-01', status: 'overdue', metOn: null });

    const sent = await caseworker.send('POST', `/api/cases/${c.id}/receipt`, { version: c.version });
    expect(sent.statusCode).toBe(200);
    const { documentId } = sent.json() as { documentId: string };
    expect(await receipt()).toMatchObject({ metOn: '2027-03-02', status: 'met_late' });
    const after: CaseDetail = await journey.get(c.id);
    expect(after.documents.find((d) => d.id === documentId)?.journalisedOn).toBe('2027-03-02');
    const letter = (await caseworker.get(`/api/cases/${c.id}/documents/${documentId}/letter`)).json() as LetterView;
    expect(letter.date).toBe('2.3.2027');
  });

  it('receives a citizen’s digital complaint at its date and time: in time at 09:30 and at 15:30 on the last day, late the next morning', async () => {
    const caseworker = await loginAs(morning, 'caseworker');
    const journey = caseJourney(morning, caseworker);
    // Refused Tuesday 2 February 2027: the complaint deadline is Tuesday 2 March. A written or digital complaint is in
    // time until midnight (retssikkerhedsloven § 67); RKSK's close of office hours (15:00) ends only an oral one.
    const first = await journey.decided('refused', 'SEL § 85', { decidedOn: '2027-02-02' });
    const second = await journey.decided('refused', 'SEL § 85', { decidedOn: '2027-02-02' });
    const third = await journey.decided('refused', 'SEL § 85', { decidedOn: '2027-02-02' });
    expect(first.deadlines.find((d) => d.kind === 'complaint')).toMatchObject({ dueDate: '2027-03-02', endsAtTime: '23:59:59' });

    const inTheMorning = await loginAs(morning, 'citizen');
    const early = await inTheMorning.send('POST', `/api/me/cases/${first.id}/complaints`, { text: 'Jeg klager.' });
    expect(early.statusCode).toBe(201);
    expect(early.json()).toEqual({ timeliness: 'in_time' });

    const inTheAfternoon = await loginAs(afternoon, 'citizen');
    const afterHours = await inTheAfternoon.send('POST', `/api/me/cases/${second.id}/complaints`, { text: 'Jeg klager.' });
    expect(afterHours.statusCode).toBe(201);
    expect(afterHours.json()).toEqual({ timeliness: 'in_time' });

    const theNextMorning = await loginAs(nextMorning, 'citizen');
    const late = await theNextMorning.send('POST', `/api/me/cases/${third.id}/complaints`, { text: 'Jeg klager.' });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toEqual({ timeliness: 'late' });

    const received = async (id: string) => (await journey.get(id)).complaints[0];
    expect(await received(first.id)).toMatchObject({ form: 'digital', receivedOn: '2027-03-02', receivedAt: '09:30' });
    expect(await received(second.id)).toMatchObject({ form: 'digital', receivedOn: '2027-03-02', receivedAt: '15:30' });
    expect(await received(third.id)).toMatchObject({ form: 'digital', receivedOn: '2027-03-03', receivedAt: '09:30' });
  });
});
