import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Page } from '../../src/shared/api/page.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { LetterView } from '../../src/shared/cases/complaint.schema.ts';
import type { AwaitingApprovalItem } from '../../src/shared/cases/decision-approval.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * Issue 12: a grant above the highest citizen profile (95 hours a week in Ringkøbing-Skjern's § 85 level) is neither
 * refused nor sent: it waits for the team leader (src/rules/cases/decision-approval.ts), who approves it (the decision
 * is made and its letter sent) or sends it back with a reason.
 */
const TODAY = plainDateInCopenhagen(new Date());
const JUSTIFICATION = 'Mette har brug for 1:1-støtte i alle vågne timer efter hjerneskaden; nattevagt er ikke nødvendig.';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let maria: Session;
let leader: Session;
let journey: ReturnType<typeof caseJourney>;
let sel85: string;

const get = async (s: Session, id: string) => (await s.get(`/api/cases/${id}`)).json() as CaseDetail;
const proposal = (c: CaseDetail, patch: Record<string, unknown> = {}) => ({
  version: c.version,
  outcome: 'granted',
  serviceDescriptionVersionId: sel85,
  decidedOn: TODAY,
  weeklyHours: 112,
  startDate: addDays(TODAY, 14),
  reasons: 'Du har brug for støtte i alle vågne timer, jf. udredningen.',
  partyHearing: 'done',
  hoursJustification: JUSTIFICATION,
  ...patch,
});
const saved = (caseId: string) =>
  inSystem(database, async (tx) => ({
    decisions: await tx.selectFrom('decision').select(['id', 'decided_by', 'decided_on']).where('case_id', '=', caseId).execute(),
    letters: await tx
      .selectFrom('case_document')
      .select('id')
      .where('case_id', '=', caseId)
      .where('kind', '=', 'decision_letter')
      .execute(),
    approvals: await tx
      .selectFrom('decision_approval')
      .select(['id', 'status', 'requested_by', 'answered_by', 'decision_id', 'send_back_reason'])
      .where('case_id', '=', caseId)
      .orderBy('requested_at')
      .execute(),
  }));

/** A case in assessment, with a proposal of 112 hours a week waiting for approval. */
async function awaiting(by: Session = maria): Promise<CaseDetail> {
  const c = await journey.assessed();
  const res = await by.send('POST', `/api/cases/${c.id}/decision`, proposal(c));
  expect(res.statusCode).toBe(200);
  return get(by, c.id);
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
  leader = await loginAs(app, 'team_leader', MUNICIPALITY.rksk, 'Birgitte Lund');
  journey = caseJourney(app, maria);
  sel85 = await journey.versionOf('SEL § 85');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`decisions awaiting a team leader's approval on ${TEST_DB}`, () => {
  it('holds a grant above the highest profile for approval: a justification is required, no decision and no letter yet', async () => {
    const c = await journey.assessed();
    const unjustified = await maria.send('POST', `/api/cases/${c.id}/decision`, proposal(c, { hoursJustification: '' }));
    expect(unjustified.statusCode).toBe(400);
    expect((unjustified.json() as { fields: { path: string; message: string }[] }).fields).toEqual([
      { path: 'hoursJustification', message: expect.stringContaining('konkrete, individuelle begrundelse') },
    ]);

    const res = await maria.send('POST', `/api/cases/${c.id}/decision`, proposal(c));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ decisionId: null, documentId: null, approvalId: expect.any(String), version: c.version + 1 });

    const after = await get(maria, c.id);
    expect(after.status).toBe('awaiting_approval');
    expect(after.allowedActions).toEqual(['approve_decision', 'send_back_decision', 'send_deadline_notice', 'add_note']);
    // The caseworker sees what waits and why, but may not answer it.
    expect(after.approval).toMatchObject({
      status: 'pending',
      weeklyHours: 112,
      thresholdHours: 95,
      justification: JUSTIFICATION,
      requestedByName: 'Maria Vestergaard',
      youMayAnswer: false,
    });
    expect(after.events.map((e) => e.subject)).toContain(
      'Afgørelse (bevilget, 112 timer om ugen) sendt til teamlederens godkendelse',
    );
    // The decision deadline is not met by a proposal.
    expect(after.deadlines.find((d) => d.kind === 'decision')?.metOn ?? null).toBeNull();
    expect(await saved(c.id)).toMatchObject({ decisions: [], letters: [], approvals: [{ status: 'pending' }] });
  });

  it('refuses the letter before approval: no second decision, no preview, no order (409)', async () => {
    const c = await awaiting();
    const again = await maria.send('POST', `/api/cases/${c.id}/decision`, proposal(c));
    expect(again.statusCode).toBe(409);
    const preview = await maria.send('POST', `/api/cases/${c.id}/decision/preview`, proposal(c));
    expect(preview.statusCode).toBe(409);
    const closing = await maria.send('POST', `/api/cases/${c.id}/close`, { version: c.version, reason: 'Lukket' });
    expect(closing.statusCode).toBe(409);
    expect(await saved(c.id)).toMatchObject({ decisions: [], letters: [] });
  });

  it('previews the letter the approval will send, with the justification, and saves nothing', async () => {
    const c = await journey.assessed();
    const res = await maria.send('POST', `/api/cases/${c.id}/decision/preview`, proposal(c));
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify((res.json() as { letter: LetterView }).letter);
    expect(text).toContain('Omfang: 112 timer om ugen.');
    expect(text).toContain('Timetallet ligger over den højeste borgerprofil');
    expect(text).toContain('Det er fastsat efter en konkret, individuel vurdering af din situation');
    expect(text).toContain(JUSTIFICATION);
    expect((await get(maria, c.id)).status).toBe('assessment');
  });

  it('lets no caseworker approve (403), nor a team leader their own proposal (403, and the database refuses it)', async () => {
    const c = await awaiting();
    for (const path of ['approve', 'send-back']) {
      const res = await maria.send('POST', `/api/cases/${c.id}/decision/${path}`, { version: c.version, reason: 'Nej' });
      expect(res.statusCode).toBe(403);
    }
    const denied = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select('record_type')
        .where('action', '=', 'access_denied')
        .where('actor_user_id', '=', maria.userId)
        .where('record_id', '=', c.id)
        .execute(),
    );
    expect(denied).toEqual([{ record_type: 'decision_approval' }, { record_type: 'decision_approval' }]);
    expect((await maria.get('/api/decision-approvals')).statusCode).toBe(403);

    // The team leader proposes one herself: she cannot approve it, and it is not in her queue.
    const own = await awaiting(leader);
    expect(own.approval?.youMayAnswer).toBe(false);
    expect((await leader.send('POST', `/api/cases/${own.id}/decision/approve`, { version: own.version })).statusCode).toBe(403);
    const queue = (await leader.get('/api/decision-approvals?pageSize=100')).json() as Page<AwaitingApprovalItem>;
    expect(queue.items.map((i) => i.caseId)).not.toContain(own.id);
    const [row] = (await saved(own.id)).approvals;
    await expect(
      inSystem(database, (tx) =>
        tx
          .updateTable('decision_approval')
          .set({ status: 'sent_back', answered_by: row?.requested_by, answered_at: new Date(), send_back_reason: 'x' })
          .where('id', '=', row?.id ?? '')
          .execute(),
      ),
    ).rejects.toThrow(/decision_approval_four_eyes_check/);

    // A team leader of another municipality does not find the case at all.
    const other = await loginAs(app, 'team_leader', MUNICIPALITY.norddjurs);
    expect((await other.send('POST', `/api/cases/${c.id}/decision/approve`, { version: c.version })).statusCode).toBe(404);
    expect(await saved(c.id)).toMatchObject({ decisions: [], letters: [] });
  });

  it("lists it in the team leader's queue; approval makes the decision today, signed by the caseworker, and sends the letter", async () => {
    const c = await awaiting();
    const queue = (await leader.get('/api/decision-approvals?pageSize=100')).json() as Page<AwaitingApprovalItem>;
    expect(queue.items.find((i) => i.caseId === c.id)).toMatchObject({
      citizenName: c.citizen.name,
      journalNumber: c.journalNumber,
      legalBasis: 'SEL § 85',
      weeklyHours: 112,
      thresholdHours: 95,
      requestedByName: 'Maria Vestergaard',
      caseVersion: c.version,
    });
    const seen = await get(leader, c.id);
    expect(seen.approval?.youMayAnswer).toBe(true);

    const res = await leader.send('POST', `/api/cases/${c.id}/decision/approve`, { version: c.version });
    expect(res.statusCode).toBe(200);
    const { decisionId, documentId } = res.json() as { decisionId: string; documentId: string };

    const after = await get(maria, c.id);
    expect(after.status).toBe('decided');
    expect(after.decisions[0]).toMatchObject({ weeklyHours: 112, profileCode: null, decidedOn: TODAY });
    expect(after.deadlines.find((d) => d.kind === 'decision')?.metOn).toBe(TODAY);
    expect(after.events.map((e) => e.subject)).toContain('Afgørelsen er godkendt af teamleder Birgitte Lund');
    const letter = (await maria.get(`/api/cases/${c.id}/documents/${documentId}/letter`)).json() as LetterView;
    const text = JSON.stringify(letter);
    expect(text).toContain('Afgørelsen er godkendt af teamleder Birgitte Lund.');
    expect(text).toContain(JUSTIFICATION);
    expect(text).toContain('Maria Vestergaard');

    const rows = await saved(c.id);
    expect(rows.decisions).toEqual([{ id: decisionId, decided_by: maria.userId, decided_on: expect.anything() }]);
    expect(rows.approvals).toEqual([
      expect.objectContaining({ status: 'approved', answered_by: leader.userId, decision_id: decisionId }),
    ]);
    const audit = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id as user_id', 'purpose', 'details'])
        .where('record_type', '=', 'decision_approval')
        .where('record_id', '=', rows.approvals[0]?.id ?? '')
        .orderBy('id')
        .execute(),
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'create', user_id: maria.userId, purpose: 'case_processing' }),
      expect.objectContaining({
        action: 'update',
        user_id: leader.userId,
        purpose: 'supervision',
        details: { answer: 'approved', decisionId },
      }),
    ]);
    const later = (await leader.get('/api/decision-approvals?pageSize=100')).json() as Page<AwaitingApprovalItem>;
    expect(later.items.map((i) => i.caseId)).not.toContain(c.id);
  });

  it('sends it back with a reason the caseworker reads; nothing is sent, and the caseworker decides again', async () => {
    const c = await awaiting();
    const noReason = await leader.send('POST', `/api/cases/${c.id}/decision/send-back`, { version: c.version, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect((noReason.json() as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['reason']);

    const reason = 'Beskriv døgnrytmen: hvilke timer er der brug for 1:1-støtte?';
    const res = await leader.send('POST', `/api/cases/${c.id}/decision/send-back`, { version: c.version, reason });
    expect(res.statusCode).toBe(200);
    const back = await get(maria, c.id);
    expect(back.status).toBe('assessment');
    expect(back.approval).toMatchObject({ status: 'sent_back', sendBackReason: reason, answeredByName: 'Birgitte Lund' });
    expect(back.events.find((e) => e.subject === 'Afgørelsen er sendt tilbage af teamleder Birgitte Lund')?.body).toBe(reason);
    expect(await saved(c.id)).toMatchObject({ decisions: [], letters: [] });

    // Decided again inside the profiles, it is made at once.
    const again = await maria.send(
      'POST',
      `/api/cases/${back.id}/decision`,
      proposal(back, { weeklyHours: 90, hoursJustification: '' }),
    );
    expect(again.statusCode).toBe(200);
    expect((again.json() as { documentId: string | null }).documentId).toEqual(expect.any(String));
    expect((await get(maria, c.id)).status).toBe('decided');
  });

  it('answers 409 to two answers at once, to a stale version, and to an answer after the other', async () => {
    const c = await awaiting();
    const stale = await leader.send('POST', `/api/cases/${c.id}/decision/approve`, { version: c.version - 1 });
    expect(stale.statusCode).toBe(409);
    const [a, b] = await Promise.all([
      leader.send('POST', `/api/cases/${c.id}/decision/approve`, { version: c.version }),
      leader.send('POST', `/api/cases/${c.id}/decision/send-back`, { version: c.version, reason: 'For mange timer' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = await get(leader, c.id);
    const late = await leader.send('POST', `/api/cases/${c.id}/decision/approve`, { version: after.version });
    expect(late.statusCode).toBe(409);
    const rows = await saved(c.id);
    expect(rows.approvals).toHaveLength(1);
    expect(rows.letters.length).toBe(rows.approvals[0]?.status === 'approved' ? 1 : 0);
  });
});
