import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem, inTenant } from '../../src/server/platform/tx.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { LetterView } from '../../src/shared/cases/complaint.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * Issue 12: every letter can be previewed, its free text edited, before it is sent; what was sent is stored
 * unchanged. A preview runs the sending use case up to the letter and rolls back.
 */
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let journey: ReturnType<typeof caseJourney>;
const TODAY = plainDateInCopenhagen(new Date());

async function counts(caseId: string) {
  return inSystem(database, async (tx) => ({
    documents: (await tx.selectFrom('case_document').select('id').where('case_id', '=', caseId).execute()).length,
    decisions: (await tx.selectFrom('decision').select('id').where('case_id', '=', caseId).execute()).length,
    events: (await tx.selectFrom('case_event').select('id').where('case_id', '=', caseId).execute()).length,
  }));
}

async function storedLetter(caseId: string, documentId: string): Promise<LetterView> {
  return (await caseworker.get(`/api/cases/${caseId}/documents/${documentId}/letter`)).json() as LetterView;
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  journey = caseJourney(app, caseworker);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`letters previewed before they are sent, on ${TEST_DB}`, () => {
  it('the receipt: previewed with its free text edited, nothing saved; sent, it is stored exactly as previewed', async () => {
    const c = await journey.open();
    const before = await counts(c.id);
    const input = {
      version: c.version,
      what: 'Du har søgt om støtte i eget hjem til struktur og økonomi.',
      note: 'Jeg ringer til dig i næste uge for at aftale et møde. Venlig hilsen Maria',
    };
    const preview = await caseworker.send('POST', `/api/cases/${c.id}/receipt/preview`, input);
    expect(preview.statusCode).toBe(200);
    const { letter } = preview.json() as { letter: LetterView };
    expect(letter.subject).toBe('Kvittering for din henvendelse');
    expect(letter.paragraphs).toContain(input.note);
    expect(letter.paragraphs[0]).toContain(input.what);
    expect(letter.reference).toBe(c.journalNumber);
    // Nothing was sent, the case did not move, and the read of the letter is logged.
    expect(await counts(c.id)).toEqual(before);
    expect((await journey.get(c.id)).status).toBe('request_received');
    const audit = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').select(['action', 'record_type']).where('record_id', '=', c.id).execute(),
    );
    expect(audit).toContainEqual({ action: 'read', record_type: 'letter_preview' });

    const sent = await caseworker.send('POST', `/api/cases/${c.id}/receipt`, input);
    expect(sent.statusCode).toBe(200);
    const stored = await storedLetter(c.id, (sent.json() as { documentId: string }).documentId);
    expect(stored).toEqual(letter);
  });

  it('the decision: the letter before deciding, with the same checks; an impossible decision is refused in the preview too', async () => {
    const c = await journey.assessed();
    const body = {
      version: c.version,
      outcome: 'partly_granted',
      serviceDescriptionVersionId: await journey.versionOf('SEL § 85'),
      decidedOn: TODAY,
      weeklyHours: 2,
      startDate: TODAY,
      appliedFor: 'Bostøtte 4 timer om ugen.',
      refusedPart: '2 af de 4 timer.',
      reasons: 'Du har brug for støtte til økonomi, men indkøb klarer du selv.',
      partyHearing: 'done',
    };
    const before = await counts(c.id);
    const preview = await caseworker.send('POST', `/api/cases/${c.id}/decision/preview`, body);
    expect(preview.statusCode).toBe(200);
    const { letter } = preview.json() as { letter: LetterView };
    expect(letter.paragraphs).toContain('Du får afslag på: 2 af de 4 timer.');
    expect(letter.paragraphs.join(' ')).toContain('Klagevejledning');
    expect(await counts(c.id)).toEqual(before);

    const future = await caseworker.send('POST', `/api/cases/${c.id}/decision/preview`, {
      ...body,
      decidedOn: addDays(TODAY, 1),
      startDate: addDays(TODAY, 1),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ fields: [{ path: 'decidedOn' }] });

    const decided = await caseworker.send('POST', `/api/cases/${c.id}/decision`, body);
    expect(decided.statusCode).toBe(200);
    expect(await storedLetter(c.id, (decided.json() as { documentId: string }).documentId)).toEqual(letter);
  });

  it('the deadline notice and the forwarding letter preview; an upheld reconsideration sends no letter', async () => {
    const overdue = await journey.open({ receivedOn: '2026-06-01' });
    const notice = await caseworker.send('POST', `/api/cases/${overdue.id}/deadline-notices/preview`, {
      kind: 'decision',
      expectedBy: addDays(TODAY, 20),
      reason: 'Vi venter på en lægeerklæring.',
    });
    expect(notice.statusCode).toBe(200);
    expect((notice.json() as { letter: LetterView }).letter.paragraphs).toContain('Årsagen er: Vi venter på en lægeerklæring.');
    expect((await counts(overdue.id)).documents).toBe(0);

    const refused = await journey.decided('refused', 'SEL § 107', { decidedOn: '2026-10-02' });
    await caseworker.send('POST', `/api/cases/${refused.id}/complaints`, {
      form: 'written',
      receivedOn: '2026-10-12',
      text: 'Jeg er uenig.',
    });
    const complaint = (await journey.get(refused.id)).complaints[0];
    const url = `/api/cases/${refused.id}/complaints/${complaint?.id}/reconsideration/preview`;
    const body = { version: complaint?.version, decidedOn: '2026-10-19', reasons: 'Fastholdes.' };
    const forwarding = ((await caseworker.send('POST', url, { ...body, outcome: 'maintained' })).json() as { letter: LetterView })
      .letter;
    expect(forwarding.recipient.name).toBe('Ankestyrelsen');
    expect((await caseworker.send('POST', url, { ...body, outcome: 'upheld' })).json()).toEqual({ letter: null });
    expect((await journey.get(refused.id)).complaints[0]?.status).toBe('reconsideration');
  });

  it('stores what was sent unchanged: the app cannot change or delete a journalised letter', async () => {
    const c = await journey.decided('refused');
    const documentId = c.decisions[0]?.letterDocumentId ?? '';
    const municipalityId = await inSystem(
      database,
      async (tx) =>
        (await tx.selectFrom('case_file').select('municipality_id').where('id', '=', c.id).executeTakeFirstOrThrow())
          .municipality_id,
    );
    const before = await storedLetter(c.id, documentId);
    await expect(
      inTenant(database, municipalityId, (tx) =>
        tx.updateTable('case_document').set({ title: 'Ændret' }).where('id', '=', documentId).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenant(database, municipalityId, (tx) => tx.deleteFrom('case_document').where('id', '=', documentId).execute()),
    ).rejects.toThrow(/permission denied/);
    expect(await storedLetter(c.id, documentId)).toEqual(before);
    expect(((await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail).documents.map((d) => d.id)).toContain(documentId);
  });
});
