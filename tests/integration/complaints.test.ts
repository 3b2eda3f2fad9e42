import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { LetterView, ProposalView } from '../../src/shared/cases/complaint.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let journey: ReturnType<typeof caseJourney>;

async function pdfText(c: CaseDetail, documentId: string): Promise<string> {
  const pdf = await caseworker.get(`/api/cases/${c.id}/documents/${documentId}`);
  const file = join(mkdtempSync(join(tmpdir(), 'vt-complaint-')), 'd.pdf');
  writeFileSync(file, pdf.rawPayload);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * The journey's dates, all in the past so none is refused as still to come: decided Friday 2 October 2026, the
 * complaint deadline 4 weeks on is Friday 30 October (no holiday), the complaint arrives Monday 12 October.
 */
const DECIDED = { decidedOn: '2026-10-02', startDate: '2026-10-05' };
const COMPLAINED = '2026-10-12';
/** The date a deadline notice promises instead: one still to come. */
const EXPECTED = addDays(plainDateInCopenhagen(new Date()), 30);
const danishDate = (iso: string) => iso.split('-').reverse().map(Number).join('.');

const complaint = (_c: CaseDetail, patch: Record<string, unknown> = {}) => ({
  form: 'written',
  receivedOn: COMPLAINED,
  text: 'Jeg er uenig i afslaget på midlertidigt botilbud. Jeg kan ikke klare mig i egen bolig.',
  ...patch,
});

async function countRows(caseId: string) {
  return inSystem(database, async (tx) => ({
    complaints: (await tx.selectFrom('complaint').select('id').where('case_id', '=', caseId).execute()).length,
    documents: (await tx.selectFrom('case_document').select('id').where('case_id', '=', caseId).execute()).length,
    events: (await tx.selectFrom('case_event').select('id').where('case_id', '=', caseId).execute()).length,
  }));
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

describe(`complaints on ${TEST_DB}`, () => {
  it('refused § 107 → written complaint in time → maintained → forwarding package PDF → Ankestyrelsen confirms', async () => {
    const c = await journey.decided('refused', 'SEL § 107', { decidedOn: DECIDED.decidedOn });
    expect(c.status).toBe('refused');
    const reg = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c));
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ timeliness: 'in_time' });
    let detail = await journey.get(c.id);
    expect(detail.status).toBe('refused');
    const [registered] = detail.complaints;
    expect(registered).toMatchObject({ status: 'reconsideration', allowedActions: ['uphold', 'maintain'] });
    expect(detail.deadlines.find((d) => d.kind === 'complaint')?.metOn).toBe(COMPLAINED);
    // 4 weeks from Monday 12.10.2026 is Monday 9.11.2026, a working day.
    expect(detail.deadlines.find((d) => d.kind === 'forward_to_ankestyrelsen')).toMatchObject({
      dueDate: '2026-11-09',
      metOn: null,
    });

    const kept = await caseworker.send('POST', `/api/cases/${c.id}/complaints/${registered?.id}/reconsideration`, {
      version: registered?.version,
      outcome: 'maintained',
      decidedOn: '2026-10-19',
      reasons: 'Klagen giver ikke nye oplysninger; støtte i egen bolig er fortsat det mindst indgribende.',
    });
    expect(kept.statusCode).toBe(200);
    const { documentId } = kept.json() as { documentId: string };
    detail = await journey.get(c.id);
    expect(detail.complaints[0]).toMatchObject({
      status: 'forwarded',
      forwardedOn: '2026-10-19',
      forwardingDocumentId: documentId,
    });
    expect(detail.deadlines.find((d) => d.kind === 'forward_to_ankestyrelsen')?.metOn).toBe('2026-10-19');
    const text = await pdfText(detail, documentId);
    expect(text).toContain('Ankestyrelsen');
    expect(text).toContain('fastholder');
    expect(text).toContain('Begrundelse med æøå');
    expect(text).toContain('Jeg er uenig i afslaget på midlertidigt botilbud');
    expect(text).toContain('inden for klagefristen');
    expect(text).toContain('Genvurdering 19.10.2026');
    // The decision letter itself travels with the package, as enclosure 1, complaint guidance included.
    expect(text).toContain('Bilag 1: Afgørelse om midlertidigt botilbud');
    expect(text).toContain('Klagevejledning');

    const preview = (await caseworker.get(`/api/cases/${c.id}/documents/${documentId}/letter`)).json() as LetterView;
    expect(preview.recipient.name).toBe('Ankestyrelsen');
    expect(preview.paragraphs.join(' ')).toContain('retssikkerhedsloven § 66, stk. 2');

    const result = await caseworker.send('POST', `/api/cases/${c.id}/complaints/${registered?.id}/appeal-result`, {
      version: detail.complaints[0]?.version ?? 0,
      outcome: 'confirmed',
      decidedOn: '2026-11-20',
      note: 'Ankestyrelsen stadfæster kommunens afgørelse.',
    });
    expect(result.statusCode).toBe(204);
    detail = await journey.get(c.id);
    expect(detail.complaints[0]).toMatchObject({ status: 'appeal_decided', appealOutcome: 'confirmed', allowedActions: [] });
    expect(detail.status).toBe('refused');
    const close = await caseworker.send('POST', `/api/cases/${c.id}/close`, {
      version: detail.version,
      reason: 'Afslaget er stadfæstet af Ankestyrelsen.',
    });
    expect(close.statusCode).toBe(204);
    detail = await journey.get(c.id);
    expect(detail.status).toBe('closed');
    expect(detail.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['decision', 'complaint', 'complaint_forwarded', 'appeal_result', 'closed']),
    );
  });

  it('refuses a complaint on a case with no decision (409 naming the decision) and saves nothing', async () => {
    const c = await journey.assessed();
    const before = await countRows(c.id);
    const res = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'invalid_transition',
      fields: [{ path: 'decision', message: 'Der er ingen afgørelse at klage over på sagen.' }],
    });
    expect(await countRows(c.id)).toEqual(before);
  });

  it.each([
    // Ringkøbing-Skjern: only an oral complaint at the office ends at the close of office hours (seed 001, rsl. § 67).
    [
      'oral, last day before 15:00 (RKSK close of office hours)',
      { form: 'oral', receivedOn: '2026-10-30', receivedAt: '14:30' },
      'in_time',
    ],
    ['oral, last day after 15:00', { form: 'oral', receivedOn: '2026-10-30', receivedAt: '15:10' }, 'late'],
    [
      'digital, the citizen’s own at 20:00 on the last day',
      { form: 'digital', receivedOn: '2026-10-30', receivedAt: '20:00' },
      'in_time',
    ],
    ['written, received on the last day', { receivedOn: '2026-10-30' }, 'in_time'],
    ['written, the day after', { receivedOn: '2026-10-31' }, 'late'],
    ['digital, just after midnight', { form: 'digital', receivedOn: '2026-10-31', receivedAt: '00:01' }, 'late'],
  ])('checks the 4-week deadline: %s → %s', async (_n, patch, expected) => {
    const c = await journey.decided('partly_granted', 'SEL § 85', DECIDED);
    // Stored with the general end (a written or digital complaint: midnight); the oral end applies to oral ones.
    expect(c.deadlines.find((d) => d.kind === 'complaint')).toMatchObject({ dueDate: '2026-10-30', endsAtTime: '23:59:59' });
    const res = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c, patch));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ timeliness: expected });
  });

  it('answers 400 naming the field for bad complaints and keeps one complaint under way at a time (409)', async () => {
    const c = await journey.decided('refused', 'SEL § 107', { decidedOn: DECIDED.decidedOn });
    const noText = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c, { text: ' ' }));
    expect(noText.statusCode).toBe(400);
    expect(noText.json()).toMatchObject({ fields: [{ path: 'text', message: 'Skriv hvad klagen går ud på.' }] });
    const early = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c, { receivedOn: '2026-10-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      fields: [{ path: 'receivedOn', message: 'Klagen kan ikke være modtaget før afgørelsen.' }],
    });
    const future = await caseworker.send(
      'POST',
      `/api/cases/${c.id}/complaints`,
      complaint(c, { receivedOn: addDays(plainDateInCopenhagen(new Date()), 1) }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ fields: [{ path: 'receivedOn', message: /ikke være modtaget i fremtiden/ }] });
    const badTime = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c, { receivedAt: '25:00' }));
    expect(badTime.statusCode).toBe(400);
    expect((await countRows(c.id)).complaints).toBe(0);
    expect((await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c))).statusCode).toBe(201);
    const second = await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ fields: [{ path: 'complaint' }] });
    // Nor can the case be closed while the complaint runs.
    const close = await caseworker.send('POST', `/api/cases/${c.id}/close`, {
      version: (await journey.get(c.id)).version,
      reason: 'Afsluttet',
    });
    expect(close.statusCode).toBe(409);
    expect((await journey.get(c.id)).status).toBe('refused');
    expect((await countRows(c.id)).complaints).toBe(1);
  });

  it('upholds a complaint: the case returns for a new decision, which replaces the old start and complaint deadlines', async () => {
    const c = await journey.decided('partly_granted', 'SEL § 85', DECIDED);
    await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c));
    const reg = (await journey.get(c.id)).complaints[0];
    const res = await caseworker.send('POST', `/api/cases/${c.id}/complaints/${reg?.id}/reconsideration`, {
      version: reg?.version,
      outcome: 'upheld',
      decidedOn: '2026-10-14',
      reasons: 'Nye lægelige oplysninger viser et større behov.',
    });
    expect(res.statusCode).toBe(200);
    let detail = await journey.get(c.id);
    expect(detail.status).toBe('assessment');
    expect(detail.complaints[0]?.status).toBe('upheld');
    expect(detail.deadlines.some((d) => d.kind === 'forward_to_ankestyrelsen')).toBe(false);
    const redo = await caseworker.send('POST', `/api/cases/${c.id}/decision`, {
      version: detail.version,
      outcome: 'granted',
      serviceDescriptionVersionId: await journey.versionOf('SEL § 85'),
      decidedOn: '2026-10-15',
      weeklyHours: 4,
      startDate: '2026-10-19',
      reasons: 'Klagen gives medhold; timetallet øges.',
      partyHearing: 'done',
    });
    expect(redo.statusCode).toBe(200);
    detail = await journey.get(c.id);
    expect(detail.decisions.map((d) => d.outcome)).toEqual(['granted', 'partly_granted']);
    expect(detail.deadlines.filter((d) => d.kind === 'start').map((d) => d.fromDate)).toEqual(['2026-10-15']);
    expect(detail.deadlines.some((d) => d.kind === 'complaint' && d.metOn === null)).toBe(false);
  });

  it('reopens the case when Ankestyrelsen remits, and refuses a stale reconsideration (409) without saving it', async () => {
    const c = await journey.decided('refused', 'SEL § 107', { decidedOn: DECIDED.decidedOn });
    await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c));
    const reg = (await journey.get(c.id)).complaints[0];
    const body = { version: reg?.version, outcome: 'maintained', decidedOn: '2026-10-19', reasons: 'Fastholdes.' };
    const url = `/api/cases/${c.id}/complaints/${reg?.id}/reconsideration`;
    expect((await caseworker.send('POST', url, body)).statusCode).toBe(200);
    const before = await countRows(c.id);
    const stale = await caseworker.send('POST', url, body);
    expect(stale.statusCode).toBe(409);
    expect(await countRows(c.id)).toEqual(before);
    const early = await caseworker.send('POST', `/api/cases/${c.id}/complaints/${reg?.id}/appeal-result`, {
      version: (reg?.version ?? 0) + 1,
      outcome: 'remitted',
      decidedOn: '2026-10-18',
    });
    expect(early.statusCode).toBe(400);
    const remitted = await caseworker.send('POST', `/api/cases/${c.id}/complaints/${reg?.id}/appeal-result`, {
      version: (reg?.version ?? 0) + 1,
      outcome: 'remitted',
      decidedOn: '2026-11-20',
    });
    expect(remitted.statusCode).toBe(204);
    expect((await journey.get(c.id)).status).toBe('assessment');
  });

  it('audits the complaint, the reconsideration and the letter preview', async () => {
    const c = await journey.decided('refused', 'SEL § 107', { decidedOn: DECIDED.decidedOn });
    const { complaintId } = (await caseworker.send('POST', `/api/cases/${c.id}/complaints`, complaint(c))).json() as {
      complaintId: string;
    };
    const letterId = c.decisions[0]?.letterDocumentId;
    await caseworker.get(`/api/cases/${c.id}/documents/${letterId}/letter`);
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'record_type', 'record_id', 'purpose'])
        .where('record_id', 'in', [complaintId, letterId ?? ''])
        .execute(),
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'create', record_type: 'complaint', record_id: complaintId, purpose: 'case_processing' },
        { action: 'read', record_type: 'case_document', record_id: letterId, purpose: 'case_processing' },
      ]),
    );
  });
});

describe(`"my cases" filters on ${TEST_DB}`, () => {
  it('filters by overdue deadlines and by deadlines within 7 days', async () => {
    const today = plainDateInCopenhagen(new Date());
    const overdue = await journey.open({ receivedOn: '2026-06-01' });
    const soon = await journey.open({ receivedOn: addDays(today, -10) });
    const later = await journey.open({ receivedOn: today });
    const ids = async (due: string) =>
      ((await caseworker.get(`/api/cases?due=${due}&pageSize=100`)).json() as { items: { id: string }[] }).items.map((i) => i.id);
    const [o, s, all] = [await ids('overdue'), await ids('due_soon'), await ids('all')];
    expect(o).toContain(overdue.id);
    expect(o).not.toContain(soon.id);
    expect(s).toContain(soon.id);
    expect(s).not.toContain(overdue.id);
    expect(s).not.toContain(later.id);
    expect(all).toEqual(expect.arrayContaining([overdue.id, soon.id, later.id]));
    expect((await caseworker.get('/api/cases?due=someday')).statusCode).toBe(400);
  });
});

describe(`deadline notices, outreach advice and the proposal on ${TEST_DB}`, () => {
  it('drafts the § 3, stk. 2 notice for an open decision deadline, as PDF and preview, and records it', async () => {
    const c = await journey.open({ receivedOn: '2026-06-01' });
    const decisionDeadline = c.deadlines.find((d) => d.kind === 'decision');
    expect(decisionDeadline).toMatchObject({ dueDate: '2026-09-01', status: 'overdue', noticeAllowed: true });
    const res = await caseworker.send('POST', `/api/cases/${c.id}/deadline-notices`, {
      kind: 'decision',
      expectedBy: EXPECTED,
      reason: 'Vi venter på en lægeerklæring fra egen læge.',
    });
    expect(res.statusCode).toBe(201);
    const { documentId } = res.json() as { documentId: string };
    const detail = await journey.get(c.id);
    expect(detail.deadlines.find((d) => d.kind === 'decision')?.noticeSentOn).not.toBeNull();
    const text = await pdfText(detail, documentId);
    expect(text).toContain('Vi kan ikke overholde fristen i din sag');
    expect(text).toContain('Vi har lovet at træffe afgørelse i din sag senest den 1.9.2026');
    // The municipality decides; the citizen can expect its decision (not "expect to decide").
    expect(text).toContain(
      `Vi forventer nu at træffe afgørelse i din sag senest den ${danishDate(EXPECTED)}, så du kan forvente vores afgørelse i din sag senest den dag.`,
    );
    expect(text).toContain('lægeerklæring');
    const letter = (await caseworker.get(`/api/cases/${c.id}/documents/${documentId}/letter`)).json() as LetterView;
    expect(letter.subject).toBe('Vi kan ikke overholde fristen i din sag');
    expect(detail.documents.find((d) => d.id === documentId)?.hasPreview).toBe(true);
  });

  it.each([
    ['a deadline that binds the citizen', { kind: 'complaint' }, 'kind'],
    ['an expected date before the deadline', { expectedBy: '2026-08-01' }, 'expectedBy'],
    ['an expected date already past', { expectedBy: addDays(plainDateInCopenhagen(new Date()), -1) }, 'expectedBy'],
    ['an expected date of today', { expectedBy: plainDateInCopenhagen(new Date()) }, 'expectedBy'],
    ['no reason', { reason: '' }, 'reason'],
  ])('refuses a notice with %s (400 naming %s)', async (_n, patch, field) => {
    const c = await journey.open({ receivedOn: '2026-06-01' });
    const res = await caseworker.send('POST', `/api/cases/${c.id}/deadline-notices`, {
      kind: 'decision',
      expectedBy: EXPECTED,
      reason: 'Afventer oplysninger.',
      ...patch,
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { fields: { path: string }[] }).fields[0]?.path).toBe(field);
    expect((await countRows(c.id)).documents).toBe(0);
  });

  it('counts outreach talks, warns at the third and refuses a fourth (409); the advice course runs ½ year', async () => {
    const c = await journey.open({ channel: 'outreach_advice', receivedOn: '2026-10-01' });
    expect(c.outreach).toMatchObject({ talks: 0, talksLeft: 3, warnings: [] });
    for (const day of ['2026-10-01', '2026-10-08', '2026-10-15']) {
      const r = await caseworker.send('POST', `/api/cases/${c.id}/outreach`, { kind: 'clarifying_talk', heldOn: day });
      expect(r.statusCode).toBe(204);
    }
    expect((await journey.get(c.id)).outreach).toMatchObject({ talks: 3, talksLeft: 0, warnings: ['talks_at_limit'] });
    const fourth = await caseworker.send('POST', `/api/cases/${c.id}/outreach`, {
      kind: 'clarifying_talk',
      heldOn: '2026-10-22',
    });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ fields: [{ path: 'kind' }] });
    await caseworker.send('POST', `/api/cases/${c.id}/outreach`, { kind: 'course_start', heldOn: '2026-10-22' });
    expect((await journey.get(c.id)).outreach).toMatchObject({ courseStartedOn: '2026-10-22', courseEndsOn: '2027-04-22' });
    const again = await caseworker.send('POST', `/api/cases/${c.id}/outreach`, { kind: 'course_start', heldOn: '2026-11-01' });
    expect(again.statusCode).toBe(409);
    const letterCase = await journey.open();
    expect(letterCase.outreach).toBeNull();
    const notOutreach = await caseworker.send('POST', `/api/cases/${letterCase.id}/outreach`, {
      kind: 'clarifying_talk',
      heldOn: '2026-10-01',
    });
    expect(notOutreach.statusCode).toBe(409);
  });

  it.each([
    ['Moderat støttebehov', 0, 'own_home', 'SEL § 85', '2'],
    ['Moderat støttebehov', 6, 'own_home', 'SEL § 85', '4'],
    ['Fuldstændigt støttebehov', 3, 'temporary_housing', 'SEL § 107', '6'],
  ])(
    'proposes from the versions in force: %s, %i severe themes → %s under %s, profile %s',
    async (need, severe, step, basis, profile) => {
      const c = await journey.assessed({ supportNeed: need, severeThemes: severe });
      const p = (await caseworker.get(`/api/cases/${c.id}/proposal?on=2026-11-20`)).json() as ProposalView;
      expect(p.step).toBe(step);
      expect(p.service?.legalBasis).toContain(basis);
      expect(p.service?.versionId).toBe(await journey.versionOf(basis));
      expect(p.profile?.code).toBe(profile);
      expect(p.reasons.at(-1)?.key).toBe('proposal.reason.personDecides');
    },
  );
});
