import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_JOURNAL_FORMAT, formatJournalNumber } from '../../src/rules/cases/journal-number.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const [METTE, SOEREN] = NAMED_DEMO_CITIZENS;

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;

async function citizenId(cpr: string): Promise<string> {
  const res = await caseworker.get(`/api/citizens?q=${cpr}`);
  return (res.json() as { items: { id: string }[] }).items[0]?.id ?? '';
}

async function openCase(body: Record<string, unknown>) {
  return caseworker.send('POST', '/api/cases', {
    channel: 'pre_visitation',
    requestedBy: 'citizen',
    title: 'Bostøtte: struktur og økonomi',
    what: 'Ønsker socialpædagogisk støtte i eget hjem (§ 85) – hjælp til struktur og økonomi.',
    ...body,
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`case flow: request and receipt on ${TEST_DB}`, () => {
  let id: string;

  it('opens a case from a request and stores its deadlines with the rule set that computed them', async () => {
    const res = await openCase({ citizenId: await citizenId(METTE.cpr), receivedOn: '2026-03-20' });
    expect(res.statusCode).toBe(201);
    id = (res.json() as { id: string }).id;
    const c = (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
    expect(c).toMatchObject({
      status: 'request_received',
      citizen: { name: 'Mette Kjærsgaard' },
      // The case's own short title, not the request text cut off; the caseworker who registered it is responsible.
      title: 'Bostøtte: struktur og økonomi',
      caseworker: { name: 'Maria Vestergaard' },
      allowedActions: ['send_receipt', 'send_deadline_notice', 'add_note', 'close'],
    });
    // Receipt: 14 days from Friday 20 March 2026 is Langfredag 3 April → Tuesday 7 April (after Easter).
    expect(c.deadlines).toEqual([
      expect.objectContaining({
        kind: 'receipt',
        fromDate: '2026-03-20',
        dueDate: '2026-04-07',
        ruleVersion: 'base-2026.2+760-2026.2',
        metOn: null,
        duty: 'municipality',
      }),
      expect.objectContaining({ kind: 'decision', fromDate: '2026-03-20', dueDate: '2026-06-22', metOn: null }),
    ]);
    expect(c.deadlines[0]?.source).toContain('14 dage');
    expect(c.events.map((e) => e.kind)).toEqual(['request']);
  });

  it('gives a day offer a 2-month decision deadline', async () => {
    const res = await openCase({
      citizenId: await citizenId(SOEREN.cpr),
      receivedOn: '2025-12-31',
      dayOffer: true,
      what: 'Aktivitets- og samværstilbud (§ 104)',
    });
    const c = (await caseworker.get(`/api/cases/${(res.json() as { id: string }).id}`)).json() as CaseDetail;
    // 31 December + 2 months = 28 February 2026 (month-end rule), a Saturday → Monday 2 March.
    expect(c.deadlines.find((d) => d.kind === 'decision_day_offer')?.dueDate).toBe('2026-03-02');
  });

  it('sends the receipt as a generated PDF letter in Danish, journalised on the case, and meets the deadline', async () => {
    const before = (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
    const res = await caseworker.send('POST', `/api/cases/${id}/receipt`, { version: before.version });
    expect(res.statusCode).toBe(200);
    const { documentId } = res.json() as { documentId: string };
    const c = (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
    expect(c.status).toBe('receipt_sent');
    // The request came on 20 March and the receipt goes out today, long after 7 April: met, but late (a bug once
    // showed such a deadline as simply met).
    expect(c.deadlines.find((d) => d.kind === 'receipt')?.status).toBe('met_late');
    expect(c.events.map((e) => e.kind)).toEqual(['request', 'receipt']);
    expect(c.documents).toMatchObject([{ id: documentId, kind: 'receipt_letter', title: 'Kvittering for henvendelse' }]);

    const pdf = await caseworker.get(`/api/cases/${id}/documents/${documentId}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'vt-pdf-'));
    const file = join(dir, 'receipt.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Kvittering for din henvendelse');
    expect(text).toContain('Ringkøbing-Skjern Kommune');
    expect(text).toContain('Mette Kjærsgaard');
    expect(text).toContain('22.6.2026');
    expect(text).toContain('Ønsker socialpædagogisk støtte');
    expect(text).toContain('retssikkerhedsloven § 3, stk. 2');
    // The case's journal number in the municipality's format, not an internal id (issue 12).
    expect(text).toContain(`Journalnummer: ${c.journalNumber}`);
    expect(text).not.toContain('Sagsnummer');
  });

  it('numbers every case in the municipality’s journal format, unique per municipality, as the rules format it', async () => {
    const year = Number(plainDateInCopenhagen(new Date()).slice(0, 4));
    const opened = async (s: Session, cpr: string) => {
      const res = await s.send('POST', '/api/cases', {
        citizenId: ((await s.get(`/api/citizens?q=${cpr}`)).json() as { items: { id: string }[] }).items[0]?.id ?? '',
        channel: 'letter',
        receivedOn: '2026-10-01',
        requestedBy: 'citizen',
        title: 'Bostøtte',
        what: 'Bostøtte',
      });
      return ((await s.get(`/api/cases/${(res.json() as { id: string }).id}`)).json() as CaseDetail).journalNumber;
    };
    const [a, b] = [await opened(caseworker, METTE.cpr), await opened(caseworker, SOEREN.cpr)];
    // Ringkøbing-Skjern's format is KLE-based: 27.24.00-P19-<running number>-<yy>.
    const seq = (n: string) => Number(/^27\.24\.00-P19-(\d+)-\d{2}$/.exec(n)?.[1]);
    expect(a).toBe(formatJournalNumber(EXAMPLE_JOURNAL_FORMAT, seq(a), year));
    expect(seq(b)).toBe(seq(a) + 1);
    // Randers counts on its own.
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    const randersCitizen = NAMED_DEMO_CITIZENS.find((p) => p.municipality === '730');
    const r = await opened(randers, randersCitizen?.cpr ?? '');
    expect(r).toMatch(/^27\.24\.00-P19-\d+-\d{2}$/);
    // The database refuses a second case with the same number in the municipality.
    const dup = inSystem(database, (tx) =>
      tx.updateTable('case_file').set({ journal_number: a }).where('journal_number', '=', b).execute(),
    );
    await expect(dup).rejects.toThrow(/case_file_journal_number_idx|duplicate|unique/i);
  });

  it('refuses a second receipt with 409 (the state machine), and a stale version with 409', async () => {
    const c = (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
    const again = await caseworker.send('POST', `/api/cases/${id}/receipt`, { version: c.version });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
    const fresh = await openCase({ citizenId: await citizenId(METTE.cpr), receivedOn: '2026-11-02' });
    const freshId = (fresh.json() as { id: string }).id;
    const stale = await caseworker.send('POST', `/api/cases/${freshId}/receipt`, { version: 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict' });
    const docs = await inSystem(database, (tx) =>
      tx.selectFrom('case_document').select('id').where('case_id', '=', freshId).execute(),
    );
    expect(docs).toEqual([]);
  });

  it('adds journal notes to the timeline', async () => {
    const res = await caseworker.send('POST', `/api/cases/${id}/notes`, {
      subject: 'Telefonsamtale med borger',
      body: 'Aftalt hjemmebesøg.',
    });
    expect(res.statusCode).toBe(204);
    const c = (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
    expect(c.events.at(-1)).toMatchObject({ kind: 'note', subject: 'Telefonsamtale med borger', actorName: 'Maria Vestergaard' });
  });

  it('lists my cases by next deadline and shows them on the citizen overview', async () => {
    const list = (await caseworker.get('/api/cases')).json() as {
      items: { id: string; nextDeadline: { kind: string } | null }[];
      total: number;
    };
    expect(list.total).toBeGreaterThanOrEqual(3);
    expect(list.items.find((i) => i.id === id)?.nextDeadline?.kind).toBe('decision');
    const overview = (await caseworker.get(`/api/citizens/${await citizenId(METTE.cpr)}`)).json() as { cases: { id: string }[] };
    expect(overview.cases.map((c) => c.id)).toContain(id);
  });

  it.each([
    ['an unknown channel', { channel: 'pigeon' }, 'channel'],
    ['no date', { receivedOn: undefined }, 'receivedOn'],
    ['an impossible date', { receivedOn: '2026-02-30' }, 'receivedOn'],
    ['nothing asked', { what: '' }, 'what'],
    ['no title', { title: undefined }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title over 80 characters', { title: 'x'.repeat(81) }, 'title'],
  ])('answers 400 for %s and saves nothing', async (_label, patch, path) => {
    const count = async () => (await inSystem(database, (tx) => tx.selectFrom('case_file').select('id').execute())).length;
    const before = await count();
    const res = await openCase({ citizenId: await citizenId(METTE.cpr), receivedOn: '2026-11-02', ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fields: [{ path }] });
    expect(await count()).toBe(before);
  });

  it('keeps cases inside the municipality and away from roles without case access', async () => {
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await randers.get(`/api/cases/${id}`)).statusCode).toBe(404);
    const provider = await loginAs(app, 'provider_staff');
    // Provider staff have no case access at all: a by-id case route answers 404 (not 403) and audits the denial.
    const denied = await provider.get(`/api/cases/${id}`);
    expect(denied.statusCode).toBe(404);
    const deniedRow = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'actor_role'])
        .where('request_id', '=', String(denied.headers['x-request-id']))
        .executeTakeFirst(),
    );
    expect(deniedRow).toEqual({ action: 'access_denied', actor_role: 'provider_staff' });
    const audit = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').select(['action']).where('record_type', '=', 'case').where('record_id', '=', id).execute(),
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'read', 'update']));
  });
});
