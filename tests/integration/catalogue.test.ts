import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FFB_FILE, flattenCodeSystem, importFfb } from '../../src/server/db/seed/ffb-import.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { CatalogueContent } from '../../src/shared/catalogue/catalogue.schema.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let admin: Session;
/** Four eyes: the second administrator approves what the first prepared. */
let approver: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  admin = await loginAs(app, 'administrator', MUNICIPALITY.rksk, 'Camilla Brandt');
  approver = await loginAs(app, 'administrator', MUNICIPALITY.rksk, 'Jens Holm');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const SEL85_FFB = async () => {
  const res = await app.inject({
    method: 'GET',
    url: `/api/public/catalogue/ffb-codes?root=${encodeURIComponent('Social indsats')}&q=${encodeURIComponent('Socialpædagogisk støtte')}`,
  });
  const items = (res.json() as { items: { code: string; display: string }[] }).items;
  const code = items.find((i) => i.display === 'Socialpædagogisk støtte')?.code;
  if (!code) throw new Error('no FFB code for Socialpædagogisk støtte');
  return code;
};

const content = (purpose: string, extra: Partial<CatalogueContent> = {}) => ({
  purpose,
  targetGroup:
    'Borgere over 18 år med betydelig og varigt nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer.',
  notCovered: ['Gåture, hvor formålet alene er at gå en tur'],
  profileBands: [
    { code: '1', above: 0, upTo: 1 },
    { code: '2', above: 1, upTo: 2.5 },
  ],
  ...extra,
});

const publicDetail = (id: string, query = '') =>
  app.inject({ method: 'GET', url: `/api/public/catalogue/service-descriptions/${id}${query}` });
const versionCount = () =>
  inSystem(database, async (tx) => (await tx.selectFrom('service_description_version').select('id').execute()).length);

describe(`FFB import on ${TEST_DB}`, () => {
  it('imports every concept with the code system version, plus local codes for §§ 97, 99 and 110', async () => {
    const { rows } = flattenCodeSystem(JSON.parse(readFileSync(FFB_FILE, 'utf8')));
    const stored = await inSystem(database, (tx) =>
      tx.selectFrom('ffb_code').select(['code', 'is_local', 'system_version', 'legal_basis']).execute(),
    );
    expect(stored.filter((r) => !r.is_local)).toHaveLength(rows.length);
    expect(new Set(stored.filter((r) => !r.is_local).map((r) => r.system_version))).toEqual(new Set(['20240530']));
    expect(
      stored
        .filter((r) => r.is_local)
        .map((r) => r.legal_basis)
        .sort(),
    ).toEqual(['SEL § 110', 'SEL § 97', 'SEL § 99']);
    const system = await inSystem(database, (tx) => tx.selectFrom('ffb_code_system').selectAll().execute());
    expect(system).toMatchObject([{ url: 'urn:oid:1.2.208.176.2.22', version: '20240530' }]);
    expect(await importFfb(database)).toEqual({ version: '20240530', imported: false });
  });

  it.each([
    ['Social indsats > Ydelse > Socialpædagogisk støtte > Støtte til praktiske opgaver > Støtte til administration', 'SEL § 85'],
    ['Social indsats > Ydelse > Beskyttet beskæftigelse > Service', 'SEL § 103'],
    ['Social indsats > Ydelse > Aktivitet og samvær > Social aktivitet', 'SEL § 104'],
  ])('%s is visitated under %s', async (path, legalBasis) => {
    const under = path.split(' > ').slice(0, -1).join(' > ');
    const res = await app.inject({
      method: 'GET',
      url: `/api/public/catalogue/ffb-codes?under=${encodeURIComponent(under)}&pageSize=100`,
    });
    const items = (res.json() as { items: { path: string; legalBasis: string | null }[] }).items;
    expect(items.find((i) => i.path === path)?.legalBasis).toBe(legalBasis);
  });
});

describe(`versioned service descriptions on ${TEST_DB}`, () => {
  let id: string;
  let v1: string;

  it('creates a draft that the public cannot see', async () => {
    const res = await admin.send('POST', '/api/catalogue/service-descriptions', {
      key: 'sel-85-test',
      kind: 'service_level',
      legalBasis: 'SEL § 85',
      title: 'Socialpædagogisk støtte',
      ffbCode: await SEL85_FFB(),
      content: content('Version 1'),
    });
    expect(res.statusCode).toBe(201);
    ({ id, versionId: v1 } = res.json() as { id: string; versionId: string });
    const pub = (await publicDetail(id)).json() as { shownVersion: unknown; versions: unknown[] };
    expect(pub.shownVersion).toBeNull();
    expect(pub.versions).toEqual([]);
  });

  it('refuses the preparer’s own approval (four eyes), saving nothing', async () => {
    const own = await admin.send('POST', `/api/catalogue/versions/${v1}/approve`, {
      inForceFrom: '2025-01-01',
      approvedByBody: 'Social- og Sundhedsudvalget',
      lockVersion: 1,
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({
      fields: [
        {
          path: 'approval',
          message: 'Du har selv udarbejdet kladden. En anden administrator skal godkende den (fire øjne).',
        },
      ],
    });
    const detail = (await admin.get(`/api/catalogue/service-descriptions/${id}`)).json() as {
      versions: { phase: string; preparedByName: string; lockVersion: number }[];
      fourEyes: { youPreparedTheDraft: boolean };
    };
    expect(detail.versions).toMatchObject([{ phase: 'draft', preparedByName: 'Camilla Brandt', lockVersion: 1 }]);
    expect(detail.fourEyes).toEqual({ youPreparedTheDraft: true });
    const theirs = (await approver.get(`/api/catalogue/service-descriptions/${id}`)).json() as {
      fourEyes: { youPreparedTheDraft: boolean };
    };
    expect(theirs.fourEyes).toEqual({ youPreparedTheDraft: false });
  });

  it('approves version 1 into force, naming who prepared it, who approved it and on whose authority', async () => {
    const res = await approver.send('POST', `/api/catalogue/versions/${v1}/approve`, {
      inForceFrom: '2025-01-01',
      approvedByBody: 'Social- og Sundhedsudvalget',
      lockVersion: 1,
    });
    expect(res.statusCode).toBe(200);
    const pub = (await publicDetail(id)).json() as { shownVersion: Record<string, unknown> };
    expect(pub.shownVersion).toMatchObject({
      number: 1,
      phase: 'in_force',
      inForceFrom: '2025-01-01',
      preparedByName: 'Camilla Brandt',
      approvedByName: 'Jens Holm',
      approvedByBody: 'Social- og Sundhedsudvalget',
      content: { purpose: 'Version 1' },
    });
    const audit = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').selectAll().where('record_id', '=', v1).where('action', '=', 'update').execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ change: 'approved', preparedByName: 'Camilla Brandt' });
  });

  it('refuses in the database too: no version can be approved by its preparer', async () => {
    const attempt = inSystem(database, (tx) =>
      tx
        .updateTable('service_description_version')
        .set((eb) => ({ approved_by: eb.ref('prepared_by') }))
        .where('id', '=', v1)
        .execute(),
    );
    await expect(attempt).rejects.toThrow(/four_eyes/);
  });

  it('refuses to edit an approved version, and a second draft while one is open', async () => {
    const edit = await admin.send('PUT', `/api/catalogue/versions/${v1}`, { content: content('changed'), lockVersion: 2 });
    expect(edit.statusCode).toBe(409);
    const first = await admin.send('POST', `/api/catalogue/service-descriptions/${id}/drafts`);
    expect(first.statusCode).toBe(201);
    const second = await admin.send('POST', `/api/catalogue/service-descriptions/${id}/drafts`);
    expect(second.statusCode).toBe(409);
  });

  it('edits the new draft with optimistic locking: the second of two saves gets 409', async () => {
    const detail = (await admin.get(`/api/catalogue/service-descriptions/${id}`)).json() as {
      versions: { id: string; number: number; phase: string; lockVersion: number }[];
    };
    const draft = detail.versions.find((v) => v.phase === 'draft');
    if (!draft) throw new Error('no draft');
    expect(draft.number).toBe(2);
    const other = await loginAs(app, 'administrator', MUNICIPALITY.rksk);
    const a = await admin.send('PUT', `/api/catalogue/versions/${draft.id}`, {
      content: content('Version 2'),
      changeNote: 'Nyt formål',
      lockVersion: draft.lockVersion,
    });
    const b = await other.send('PUT', `/api/catalogue/versions/${draft.id}`, {
      content: content('Lost update'),
      lockVersion: draft.lockVersion,
    });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(409);
  });

  it('refuses a version coming into force before its predecessor, then schedules it', async () => {
    const detail = (await admin.get(`/api/catalogue/service-descriptions/${id}`)).json() as {
      versions: { id: string; phase: string; lockVersion: number }[];
    };
    const draft = detail.versions.find((v) => v.phase === 'draft');
    if (!draft) throw new Error('no draft');
    const early = await approver.send('POST', `/api/catalogue/versions/${draft.id}/approve`, {
      inForceFrom: '2024-12-31',
      approvedByBody: 'Byrådet',
      lockVersion: draft.lockVersion,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ fields: [{ path: 'inForceFrom' }] });
    const ok = await approver.send('POST', `/api/catalogue/versions/${draft.id}/approve`, {
      inForceFrom: '2099-01-01',
      approvedByBody: 'Byrådet',
      lockVersion: draft.lockVersion,
    });
    expect(ok.statusCode).toBe(200);
  });

  it.each([
    ['', 1, 'in_force'],
    ['?on=2098-12-31', 1, 'in_force'],
    ['?on=2099-01-01', 2, 'in_force'],
    ['?version=2', 2, 'scheduled'],
  ])('shows the right version for %s', async (query, number, phase) => {
    const pub = (await publicDetail(id, query)).json() as { shownVersion: { number: number; phase: string } };
    expect(pub.shownVersion).toMatchObject({ number, phase });
  });

  it('shows what changed between two versions', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/public/catalogue/service-descriptions/${id}/diff?from=1&to=2` });
    expect(res.json()).toEqual({ from: 1, to: 2, changes: [{ path: 'purpose', before: 'Version 1', after: 'Version 2' }] });
  });

  it('lists the description publicly with the version in force and filters by municipality and legal basis', async () => {
    const list = (
      await app.inject({
        method: 'GET',
        url: `/api/public/catalogue/service-descriptions?municipality=760&legalBasis=${encodeURIComponent('SEL § 85')}`,
      })
    ).json() as {
      items: { id: string; inForce: { number: number } | null; municipalityName: string; ffbDisplay: string }[];
      total: number;
    };
    expect(list.items.find((i) => i.id === id)).toMatchObject({
      inForce: { number: 1 },
      municipalityName: 'Ringkøbing-Skjern Kommune',
      ffbDisplay: 'Socialpædagogisk støtte',
    });
    const other = (
      await app.inject({ method: 'GET', url: '/api/public/catalogue/service-descriptions?municipality=730&pageSize=100' })
    ).json() as { items: { id: string }[] };
    expect(other.items.map((i) => i.id)).not.toContain(id);
  });
});

describe(`catalogue bad input and access on ${TEST_DB}`, () => {
  it.each([
    [
      'overlapping hour bands',
      {
        profileBands: [
          { code: '1', above: 0, upTo: 2 },
          { code: '2', above: 1, upTo: 3 },
        ],
      },
      null,
      'content.profileBands.1.above',
    ],
    [
      'unordered hour bands',
      {
        profileBands: [
          { code: '2', above: 1, upTo: 2 },
          { code: '1', above: 0, upTo: 1 },
        ],
      },
      null,
      'content.profileBands.1.above',
    ],
    ['an empty hour band', { profileBands: [{ code: '1', above: 2, upTo: 2 }] }, null, 'content.profileBands.0.upTo'],
    ['an unknown FFB code', {}, 'no-such-code', 'ffbCode'],
  ])('answers 400 for %s and saves nothing', async (_label, extra, ffbCode, path) => {
    const before = await versionCount();
    const res = await admin.send('POST', '/api/catalogue/service-descriptions', {
      key: `bad-${path.length}-${Object.keys(extra).length}-${ffbCode ?? 'x'}`,
      kind: 'service_level',
      legalBasis: 'SEL § 85',
      title: 'Forkert',
      ffbCode,
      content: content('x', extra as Partial<CatalogueContent>),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fields: [{ path }] });
    expect(await versionCount()).toBe(before);
  });

  it('keeps keys unique per municipality: Norddjurs may use a key Ringkøbing-Skjern has (bug fixed)', async () => {
    const norddjurs = await loginAs(app, 'administrator', MUNICIPALITY.norddjurs);
    const body = {
      key: 'sel-85',
      kind: 'service_level',
      legalBasis: 'SEL § 85',
      title: 'Socialpædagogisk støtte',
      content: content('Norddjurs'),
    };
    expect((await norddjurs.send('POST', '/api/catalogue/service-descriptions', body)).statusCode).toBe(201);
    const again = await norddjurs.send('POST', '/api/catalogue/service-descriptions', body);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ fields: [{ path: 'key' }] });
  });

  it('lets only administrators change the catalogue, and only their own municipality’s', async () => {
    const caseworker = await loginAs(app, 'caseworker', MUNICIPALITY.rksk);
    const body = { key: 'x-1', kind: 'service_level', legalBasis: 'SEL § 85', title: 'X', content: content('x') };
    expect((await caseworker.send('POST', '/api/catalogue/service-descriptions', body)).statusCode).toBe(403);
    const list = (
      await app.inject({ method: 'GET', url: '/api/public/catalogue/service-descriptions?municipality=760' })
    ).json() as { items: { id: string }[] };
    const rkskId = list.items[0]?.id;
    const randersAdmin = await loginAs(app, 'administrator', MUNICIPALITY.randers);
    expect((await randersAdmin.send('POST', `/api/catalogue/service-descriptions/${rkskId}/drafts`)).statusCode).toBe(404);
    expect((await randersAdmin.get(`/api/catalogue/service-descriptions/${rkskId}`)).statusCode).toBe(404);
  });
});
