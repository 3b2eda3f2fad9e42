import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/rules/records/document-types.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Page } from '../../src/shared/api/page.ts';
import type { CaseDocument } from '../../src/shared/cases/document.schema.ts';
import type { MyOverview } from '../../src/shared/self-service/self-service.schema.ts';
import type { TaskItem } from '../../src/shared/tasks/task.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { multipart, PDF, PNG, upload } from '../support/multipart.ts';
import { loginAs, MUNICIPALITY, type Session, testAppAt } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The citizen sends a document to one of their own cases from their own page (issue 16): the case file's upload
 * rules, a task in the caseworker's inbox, only their own cases, every read audited. Through the API on a fixed day.
 */
const TODAY = '2027-03-15';
const [METTE, SOEREN] = NAMED_DEMO_CITIZENS;
let database: Database;
let app: Awaited<ReturnType<typeof testAppAt>>;
let maria: Session;
let mette: Session;
let caseId: string;

const fieldsOf = (body: string) => (JSON.parse(body) as { fields?: { path: string; message: string }[] }).fields ?? [];
const mine = () => `/api/me/cases/${caseId}/documents`;
const big = () => {
  const bytes = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
  bytes.set(PDF);
  return { name: 'scanning.pdf', type: 'application/pdf', bytes };
};
const uploadsOnCase = async () =>
  ((await maria.get(`/api/cases/${caseId}/documents?pageSize=100`)).json() as Page<CaseDocument>).items.filter(
    (d) => d.kind === 'upload',
  );
const documentTasks = async () =>
  ((await maria.get('/api/tasks?pageSize=100')).json() as { items: TaskItem[] }).items.filter(
    (t) => t.kind === 'citizen_document' && t.caseId === caseId,
  );
const auditRows = (recordId: string, action: 'export') =>
  inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['actor_role', 'purpose'])
      .where('action', '=', action)
      .where('record_id', '=', recordId)
      .execute(),
  );

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testAppAt(database, `${TODAY}T10:00:00+01:00`);
  maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
  mette = await loginAs(app, 'citizen', MUNICIPALITY.rksk, `${METTE.firstName} ${METTE.lastName}`);
  caseId = (await caseJourney(app, maria).open({ receivedOn: '2027-03-10' }, METTE.cpr)).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`a citizen sends a document to their own case on ${TEST_DB}`, () => {
  it('is journalised with its date and subject, shown on their page, and a task in the caseworker’s inbox', async () => {
    const res = await upload(
      mette,
      mine(),
      multipart(
        { subject: 'Lægeerklæring fra egen læge', documentDate: '2027-03-12' },
        { name: 'laege.pdf', type: 'application/pdf', bytes: PDF },
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };

    expect((await uploadsOnCase()).find((d) => d.id === id)).toMatchObject({
      title: 'Lægeerklæring fra egen læge',
      journalisedOn: TODAY,
      documentDate: '2027-03-12',
      contentType: 'application/pdf',
      uploadedBy: 'citizen',
    });
    const detail = (await maria.get(`/api/cases/${caseId}`)).json() as {
      events: { kind: string; subject: string; body: string | null }[];
    };
    expect(detail.events).toContainEqual(
      expect.objectContaining({ kind: 'document', subject: 'Lægeerklæring fra egen læge', body: 'Indsendt af borgeren' }),
    );

    const own = ((await mette.get('/api/me/overview')).json() as MyOverview).cases.find((c) => c.id === caseId);
    expect(own?.sent).toEqual([
      {
        id,
        title: 'Lægeerklæring fra egen læge',
        documentDate: '2027-03-12',
        journalisedOn: TODAY,
        contentType: 'application/pdf',
        byteSize: PDF.length,
      },
    ]);
    // Uploads are not the municipality's letters to the citizen.
    expect(own?.documents.map((d) => d.id)).not.toContain(id);

    const tasks = await documentTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ source: 'event', summary: 'Lægeerklæring fra egen læge', canMarkDone: true });
  });

  it('audits every read of the document, the citizen’s and the caseworker’s, with its purpose', async () => {
    const id = (await uploadsOnCase())[0]?.id as string;
    const before = (await auditRows(id, 'export')).length;
    for (const s of [mette, mette, maria]) {
      const url = s === maria ? `/api/cases/${caseId}/documents/${id}` : `${mine()}/${id}`;
      const read = await s.get(url);
      expect(read.statusCode).toBe(200);
      expect(new Uint8Array(read.rawPayload)).toEqual(PDF);
    }
    const rows = (await auditRows(id, 'export')).slice(before);
    expect(rows.map((r) => r.actor_role).sort()).toEqual(['caseworker', 'citizen', 'citizen']);
    expect(rows.filter((r) => r.actor_role === 'citizen').map((r) => r.purpose)).toEqual([
      'citizen_self_service',
      'citizen_self_service',
    ]);
  });

  it.each([
    ['da', 'Filen er for stor: højst 10 MB.'],
    ['en', 'The file is too large: at most 10 MB.'],
  ] as const)('refuses a file over 10 MB with 400 at the field in %s, storing nothing and no task', async (lang, message) => {
    const [uploads, tasks] = [(await uploadsOnCase()).length, (await documentTasks()).length];
    const res = await upload(mette, mine(), multipart({ subject: 'Scanning', documentDate: TODAY }, big()), lang);
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.body).map((f) => [f.path, f.message])).toEqual([['file', message]]);
    expect((await uploadsOnCase()).length).toBe(uploads);
    expect((await documentTasks()).length).toBe(tasks);
  });

  it.each([
    ['da', 'Filen er hverken PDF, PNG eller JPEG (indholdet er tjekket, ikke filnavnet).'],
    ['en', 'The file is not a PDF, PNG or JPEG (its content was checked, not its name).'],
  ] as const)('refuses a file of another type (a Word file named .pdf) with 400 at the field in %s', async (lang, message) => {
    const before = (await uploadsOnCase()).length;
    const word = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]);
    const res = await upload(
      mette,
      mine(),
      multipart({ subject: 'Ansøgning', documentDate: TODAY }, { name: 'ansøgning.pdf', type: 'application/pdf', bytes: word }),
      lang,
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.body).map((f) => [f.path, f.message])).toEqual([['file', message]]);
    expect((await uploadsOnCase()).length).toBe(before);
  });

  it('answers 404 for another citizen’s case, audits the attempt, and stores nothing there', async () => {
    const soerensCase = (await caseJourney(app, maria).open({ receivedOn: '2027-03-10' }, SOEREN.cpr)).id;
    const body = multipart({ subject: 'Forkert sag', documentDate: TODAY }, { name: 'a.png', type: 'image/png', bytes: PNG });
    const res = await upload(mette, `/api/me/cases/${soerensCase}/documents`, body);
    expect(res.statusCode).toBe(404);
    const denied = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select('record_type')
        .where('action', '=', 'access_denied')
        .where('record_id', '=', soerensCase)
        .execute(),
    );
    expect(denied).toEqual([{ record_type: 'case' }]);
    const theirs = (
      (await maria.get(`/api/cases/${soerensCase}/documents?pageSize=100`)).json() as Page<CaseDocument>
    ).items.filter((d) => d.kind === 'upload');
    expect(theirs).toEqual([]);
    // A case id that does not exist at all reads the same.
    const none = await upload(mette, '/api/me/cases/00000000-0000-4000-8000-000000000000/documents', body);
    expect(none.statusCode).toBe(404);
  });

  it('does not serve the caseworker’s uploads on the citizen’s page (they go through aktindsigt)', async () => {
    const res = await upload(
      maria,
      `/api/cases/${caseId}/documents`,
      multipart(
        { subject: 'Udtalelse fra bostøtten', documentDate: TODAY },
        { name: 'u.pdf', type: 'application/pdf', bytes: PDF },
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    expect((await mette.get(`${mine()}/${id}`)).statusCode).toBe(404);
    const own = ((await mette.get('/api/me/overview')).json() as MyOverview).cases.find((c) => c.id === caseId);
    expect(own?.sent.map((d) => d.title)).toEqual(['Lægeerklæring fra egen læge']);
    // The caseworker's own upload puts nothing in their own inbox.
    expect(await documentTasks()).toHaveLength(1);
  });
});
