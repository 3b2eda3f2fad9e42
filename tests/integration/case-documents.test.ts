import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/rules/records/document-types.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Page } from '../../src/shared/api/page.ts';
import type { CaseDocument } from '../../src/shared/cases/document.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { multipart, PDF, PNG, upload } from '../support/multipart.ts';
import { pdfText } from '../support/pdf-text.ts';
import { loginAs, MUNICIPALITY, type Session, testAppAt } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/** Documents uploaded to a case by the caseworker and by the citizen, through the API on a fixed day. */
const TODAY = '2027-03-15';
const METTE = NAMED_DEMO_CITIZENS[0];
let database: Database;
let app: Awaited<ReturnType<typeof testAppAt>>;
let maria: Session;
let mette: Session;
let randers: Session;
let caseId: string;

const fieldsOf = (body: string) => (JSON.parse(body) as { fields?: { path: string; message: string }[] }).fields ?? [];

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testAppAt(database, `${TODAY}T10:00:00+01:00`);
  maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
  mette = await loginAs(app, 'citizen', MUNICIPALITY.rksk, `${METTE.firstName} ${METTE.lastName}`);
  randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
  caseId = (await caseJourney(app, maria).open({ receivedOn: '2027-03-10' }, METTE.cpr)).id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`uploading documents to a case on ${TEST_DB}`, () => {
  it('the caseworker uploads a PDF: journalised with its date and subject, listed, and every read audited', async () => {
    const res = await upload(
      maria,
      `/api/cases/${caseId}/documents`,
      multipart(
        { subject: 'Lægeerklæring', documentDate: '2027-03-12' },
        { name: 'erklæring.pdf', type: 'application/pdf', bytes: PDF },
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const list = ((await maria.get(`/api/cases/${caseId}/documents?pageSize=100`)).json() as Page<CaseDocument>).items;
    expect(list.find((d) => d.id === id)).toEqual({
      id,
      kind: 'upload',
      title: 'Lægeerklæring',
      journalisedOn: TODAY,
      documentDate: '2027-03-12',
      contentType: 'application/pdf',
      byteSize: PDF.length,
      fileName: 'erklæring.pdf',
      uploadedBy: 'caseworker',
      hasPreview: false,
    });
    const journal = (await maria.get(`/api/cases/${caseId}`)).json() as { events: { kind: string; subject: string }[] };
    expect(journal.events).toContainEqual(expect.objectContaining({ kind: 'document', subject: 'Lægeerklæring' }));

    for (let i = 0; i < 2; i++) {
      const read = await maria.get(`/api/cases/${caseId}/documents/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.headers['content-type']).toBe('application/pdf');
      expect(new Uint8Array(read.rawPayload)).toEqual(PDF);
    }
    const exports = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').select('id').where('action', '=', 'export').where('record_id', '=', id).execute(),
    );
    expect(exports).toHaveLength(2);
  });

  it('the citizen sends a photo from their own page; it is served as the image its content shows', async () => {
    const res = await upload(
      mette,
      `/api/me/cases/${caseId}/documents`,
      // The name and the browser's type say PDF; the content is a PNG, and that is what counts.
      multipart(
        { subject: 'Billede af brev fra lægen', documentDate: TODAY },
        { name: 'brev.pdf', type: 'application/pdf', bytes: PNG },
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const doc = ((await maria.get(`/api/cases/${caseId}/documents?pageSize=100`)).json() as Page<CaseDocument>).items.find(
      (d) => d.id === id,
    );
    expect(doc).toMatchObject({ contentType: 'image/png', uploadedBy: 'citizen' });
    const own = await mette.get(`/api/me/cases/${caseId}/documents/${id}`);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
  });

  it('uploads are not letters: not among the citizen’s letters, named but not printed in the case’s PDF', async () => {
    const detail = (await maria.get(`/api/cases/${caseId}`)).json() as { documents: { kind: string; title: string }[] };
    expect(detail.documents.filter((d) => d.kind === 'upload').map((d) => d.title)).toEqual([
      'Lægeerklæring',
      'Billede af brev fra lægen',
    ]);
    const own = (await mette.get('/api/me/overview')).json() as { cases: { id: string; documents: { title: string }[] }[] };
    const titles = own.cases.find((c) => c.id === caseId)?.documents.map((d) => d.title);
    expect(titles).not.toContain('Lægeerklæring');
    expect(titles).not.toContain('Billede af brev fra lægen');
    const text = pdfText((await maria.get(`/api/cases/${caseId}/export?purpose=case_meeting`)).rawPayload);
    expect(text).toContain('Dokumenter lagt på sagen');
    expect(text).toContain('Lægeerklæring Journaliseret 15.3.2027');
    expect(text).not.toContain('Brev: Lægeerklæring');
  });

  it.each([
    ['no file', {}, undefined, [['file', 'Choose a file.']]],
    [
      'an HTML page named .pdf',
      {},
      { name: 'x.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html><script>') },
      [['file', 'The file is not a PDF, PNG or JPEG (its content was checked, not its name).']],
    ],
    [
      'a file over 10 MB',
      {},
      (() => {
        const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
        big.set(PDF);
        return { name: 'big.pdf', type: 'application/pdf', bytes: big };
      })(),
      [['file', 'The file is too large: at most 10 MB.']],
    ],
    [
      'no subject and a date ahead',
      { subject: '', documentDate: '2027-03-16' },
      { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
      [['subject', 'This field is required.']],
    ],
    [
      'a date ahead',
      { documentDate: '2027-03-16' },
      { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
      [['documentDate', 'The date cannot be in the future.']],
    ],
  ] as const)('refuses %s at the field, in English, storing nothing', async (_label, over, file, expected) => {
    const before = ((await maria.get(`/api/cases/${caseId}/documents?pageSize=100`)).json() as Page<CaseDocument>).items.length;
    const res = await upload(
      maria,
      `/api/cases/${caseId}/documents`,
      multipart({ subject: 'Udtalelse', documentDate: TODAY, ...over }, file),
      'en',
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(
      fieldsOf(res.body).map((f) => [f.path, f.message]),
      res.body,
    ).toEqual(expected);
    expect(((await maria.get(`/api/cases/${caseId}/documents?pageSize=100`)).json() as Page<CaseDocument>).items.length).toBe(
      before,
    );
  });

  it('refuses another municipality and another citizen', async () => {
    const body = multipart({ subject: 'X', documentDate: TODAY }, { name: 'a.pdf', type: 'application/pdf', bytes: PDF });
    expect((await upload(randers, `/api/cases/${caseId}/documents`, body)).statusCode).toBe(404);
    expect((await randers.get(`/api/cases/${caseId}/documents`)).statusCode).toBe(404);
    const other = await loginAs(app, 'citizen', MUNICIPALITY.randers);
    expect((await upload(other, `/api/me/cases/${caseId}/documents`, body)).statusCode).toBe(404);
  });
});
