import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Assessment } from '../../src/shared/assessment/assessment.schema.ts';
import type { ImportView } from '../../src/shared/import/import.schema.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let admin: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  admin = await loginAs(app, 'administrator');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const HEADER =
  'kommunekode;cpr;fornavn;efternavn;sagsnummer;modtaget;henvendelse;vurderet;stoettebehov;tilstande;primaer_maalgruppe;maal1_tilstand;maal1_niveau;maal1_maaltype;afgoerelsesdato;paragraf;udfald;timer_pr_uge;startdato;begrundelse;partshoering;tilbud;bestilt;foerste_opfoelgning;ydelser';
const row = (o: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = {
    kommunekode: '760',
    cpr: '010181-4321',
    fornavn: 'Børge',
    efternavn: 'Mogensen',
    sagsnummer: 'IMP-1',
    modtaget: '26-05-2021',
    henvendelse: 'Ønsker støtte i hverdagen',
    vurderet: '29-05-2021',
    stoettebehov: 'Let støttebehov',
    tilstande: 'Indgå i samspil og kontakt:2|Købe ind:2|Spise:3|Bevidsthedstilstand',
    primaer_maalgruppe: 'Anden udviklingsforstyrrelse',
    maal1_tilstand: 'Indgå i samspil og kontakt',
    maal1_niveau: '1',
    maal1_maaltype: 'Fastholde funktionsevne',
    afgoerelsesdato: '29-05-2021',
    paragraf: 'SEL § 85',
    udfald: 'bevilget',
    timer_pr_uge: '3',
    startdato: '01-06-2021',
    begrundelse: 'Udredningen viser behov for støtte.',
    partshoering: 'udført',
    tilbud: 'bostoetten',
    bestilt: '29-05-2021',
    foerste_opfoelgning: '29-08-2021',
    ydelser: 'Støtte til daglige opgaver i hjemmet|Støtte til sund levevis',
    ...o,
  };
  return HEADER.split(';')
    .map((h) => v[h] ?? '')
    .join(';');
};
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\r\n')}\r\n`;

async function upload(kind: 'cases' | 'offers', body: string | Buffer, filename = 'fil.csv'): Promise<ImportView> {
  const res = await admin.send('POST', `/api/imports?kind=${kind}&filename=${encodeURIComponent(filename)}`, body as never, {
    'content-type': 'text/csv',
  });
  expect(res.statusCode).toBe(201);
  return res.json() as ImportView;
}

async function run(id: string) {
  const res = await admin.send('POST', `/api/imports/${id}/run`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('application/x-ndjson');
  return res.body
    .trim()
    .split('\n')
    .map(
      (l) => JSON.parse(l) as { kind: string; view?: ImportView; counts?: Record<string, number>; done?: number; stage?: string },
    );
}

const citizenCount = () =>
  inSystem(database, (tx) =>
    tx
      .selectFrom('citizen')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ).then((r) => Number(r.n));

describe('importing citizens and cases from a CSV file', () => {
  it('offers a template with every column of the documented format', async () => {
    const res = await admin.get('/api/imports/templates/cases');
    expect(res.statusCode).toBe(200);
    const header = res.body.replace('\uFEFF', '').split('\r\n')[0]?.split(';') ?? [];
    expect(header).toEqual(
      expect.arrayContaining(['kommunekode', 'cpr', 'sagsnummer', 'tilstande', 'maal3_stoettebehov_maal', 'ydelser']),
    );
  });

  it('checks the whole file and names every bad row by line, column and reason, and imports nothing', async () => {
    const before = await citizenCount();
    const view = await upload(
      'cases',
      csv(
        row({ sagsnummer: 'E-1', cpr: '320181-4321' }), // line 2: a CPR date that does not exist
        row({ sagsnummer: 'E-2', tilstande: 'Indgå i samspil og kontakt:2|Flyve' }), // line 3: unknown FFB name
        row({ sagsnummer: 'E-3', tilstande: 'Indgå i samspil og kontakt:2|Bevidsthedstilstand:2' }), // line 4: forbidden level
        row({ sagsnummer: 'E-4', kommunekode: '730' }), // line 5: another municipality's case
        row({ sagsnummer: 'E-5', afgoerelsesdato: '30-02-2021' }), // line 6: a date that does not exist
        row({ sagsnummer: 'E-5' }), // line 7: the same case number again
        row({ sagsnummer: 'E-7', tilbud: 'findes-ikke' }), // line 8: an offer not in the catalogue
      ),
    );
    expect(view.status).toBe('invalid');
    const at = (line: number) => view.errors.filter((e) => e.line === line).map((e) => `${e.field} ${e.key}`);
    expect(at(2)).toContain('cpr cpr.date');
    expect(at(3)).toContain('tilstande import.ffb.unknown');
    expect(at(4)).toContain('tilstande ffb.condition.levelForbidden');
    expect(at(5)).toContain('kommunekode import.municipality');
    expect(at(6)).toContain('afgoerelsesdato import.date.invalid');
    expect(at(7)).toContain('sagsnummer import.duplicate');
    expect(at(8)).toContain('tilbud import.offer.unknown');
    expect(view.errors.find((e) => e.line === 3)?.value).toBe('Flyve');
    expect(view.errors[0]?.message.da.length).toBeGreaterThan(5);
    expect(await citizenCount()).toBe(before);
    expect((await admin.send('POST', `/api/imports/${view.id}/run`)).statusCode).toBe(409);
  });

  it('refuses a file in the wrong encoding, and a file with a column missing or unknown', async () => {
    const mangled = await upload('cases', Buffer.from(csv(row()).replace('Børge', 'BÃ¸rge'), 'utf8'));
    expect(mangled.errors.map((e) => e.key)).toEqual(['import.file.doubleEncoded']);
    const noCpr = await upload('cases', csv(row()).replace('kommunekode;cpr;', 'kommunekode;cprnr;'));
    expect(noCpr.errors.map((e) => `${e.line} ${e.field} ${e.key}`)).toEqual([
      '1 cpr import.column.missing',
      '1 cprnr import.column.unknown',
    ]);
  });

  it('imports a clean Windows-1252 file in one transaction, with progress, through the case modules; twice adds nothing', async () => {
    const file = csv(
      row({ sagsnummer: 'IMP-1' }),
      row({
        sagsnummer: 'IMP-2',
        cpr: '020282-1234',
        fornavn: 'Åse',
        efternavn: 'Ærø',
        tilbud: '',
        bestilt: '',
        foerste_opfoelgning: '',
        ydelser: '',
      }),
      row({
        sagsnummer: 'IMP-3',
        cpr: '030383-2345',
        fornavn: 'Øjvind',
        afgoerelsesdato: '',
        paragraf: '',
        udfald: '',
        timer_pr_uge: '',
        startdato: '',
        begrundelse: '',
        partshoering: '',
        tilbud: '',
        bestilt: '',
        foerste_opfoelgning: '',
        ydelser: '',
      }),
    );
    const bytes = Buffer.from(file, 'latin1'); // Windows-1252 as Danish Excel writes it
    const view = await upload('cases', bytes, 'sager.csv');
    expect(view.encoding).toBe('windows-1252');
    expect(view.errors).toEqual([]);
    expect(view.status).toBe('valid');
    expect(view.counts).toMatchObject({ citizensNew: 3, casesNew: 3, assessments: 3, decisions: 2, orders: 1 });

    const lines = await run(view.id);
    expect(lines.some((l) => l.kind === 'progress' && l.stage === 'cases')).toBe(true);
    expect(lines.find((l) => l.kind === 'done')?.counts).toMatchObject({ citizensAdded: 3, casesAdded: 3, orders: 1 });
    expect(lines.at(-1)?.view?.status).toBe('imported');

    const cases = await inSystem(database, (tx) =>
      tx
        .selectFrom('case_file as c')
        .innerJoin('citizen as ci', 'ci.id', 'c.citizen_id')
        .select(['c.id', 'c.case_number', 'c.status', 'ci.first_name'])
        .where('c.case_number', 'in', ['IMP-1', 'IMP-2', 'IMP-3'])
        .orderBy('c.case_number')
        .execute(),
    );
    expect(cases.map((c) => [c.case_number, c.status, c.first_name])).toEqual([
      ['IMP-1', 'ordered', 'Børge'],
      ['IMP-2', 'decided', 'Åse'],
      ['IMP-3', 'assessment', 'Øjvind'],
    ]);
    const caseworker = await loginAs(app, 'caseworker');
    const a = (await caseworker.get(`/api/cases/${cases[0]?.id}/assessment`)).json() as Assessment;
    expect(a.conditions).toHaveLength(4);
    expect(a.goals[0]?.targetLevelCode).toBe('8328ce4a-6238-4f73-bf1a-74aadb68eff8');
    expect(a.targetGroups).toEqual([expect.objectContaining({ code: '5cfc9530-a193-4f66-9981-3b980ee9ea7b', rank: 1 })]);

    // The same file again: everything is already here.
    const again = await upload('cases', bytes, 'sager.csv');
    expect(again.sameFileImportedAt).not.toBeNull();
    expect(again.counts).toMatchObject({ casesNew: 0, casesExisting: 3, citizensNew: 0 });
    await run(again.id);
    const count = await inSystem(database, (tx) =>
      tx
        .selectFrom('case_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_number', 'like', 'IMP-%')
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(3);
  });

  it('writes a create row to the audit log for every imported case, with its citizen', async () => {
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['citizen_id', 'purpose'])
        .where('record_type', '=', 'case')
        .where('purpose', '=', 'data_import')
        .execute(),
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.citizen_id !== null)).toBe(true);
  });
});

describe('importing offers and rates keyed by Tilbudsportalen’s number', () => {
  const OFFERS = 'tilbudsnummer;navn;ejerform;paragraffer;tilbudstype;pladser;takst;takstenhed;adresse';
  it('reconciles with the catalogue: new, changed field by field, unchanged, missing', async () => {
    const first = await upload(
      'offers',
      `${OFFERS}\r\n901001;Solstrålen;anden_kommune;SEL § 85|ABL § 105;Almindeligt længerevarende botilbud til voksne;12;1.450,00;døgn;Solvej 1, 8800 Viborg\r\n901002;Måneskinnet;anden_kommune;§ 104;Aktivitets- og samværstilbud;20;650;døgn;\r\n`,
    );
    expect(first.errors).toEqual([]);
    expect(first.offers.map((o) => [o.tilbudsnummer, o.change])).toEqual([
      [901001, 'new'],
      [901002, 'new'],
    ]);
    await run(first.id);
    const changed = await upload(
      'offers',
      `${OFFERS}\r\n901001;Solstrålen;anden_kommune;SEL § 85|ABL § 105;Almindeligt længerevarende botilbud til voksne;14;1.512,50;døgn;Solvej 1, 8800 Viborg\r\n`,
    );
    expect(changed.offers.find((o) => o.tilbudsnummer === 901001)).toMatchObject({
      change: 'changed',
      fields: [
        { field: 'pladser', before: '12', after: '14' },
        { field: 'takst', before: '1450', after: '1512.5' },
      ],
    });
    expect(changed.offers.find((o) => o.tilbudsnummer === 901002)?.change).toBe('missing');
    await run(changed.id);
    const offer = (
      (await app.inject({ method: 'GET', url: '/api/public/catalogue/offers?municipality=760&pageSize=100' })).json() as {
        items: { key: string; places: number; rateDkk: number; owner: string }[];
      }
    ).items.find((o) => o.key === 'tp-901001');
    expect(offer).toMatchObject({ places: 14, rateDkk: 1512.5, owner: 'other_municipality' });
  });

  it('names the bad rows of an offers file', async () => {
    const view = await upload(
      'offers',
      `${OFFERS}\r\nabc;X;kommunal;SEL § 85;;;;;\r\n901003;Y;ukendt;SEL § 999;Dagtilbud til voksne;;12,5;;\r\n`,
    );
    const keys = view.errors.map((e) => `${e.line} ${e.field} ${e.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        '2 tilbudsnummer import.integer',
        '3 ejerform import.owner',
        '3 paragraffer import.legalBasis.unknown',
        '3 tilbudstype import.ffb.unknown',
        '3 takstenhed import.required',
      ]),
    );
  });
});
