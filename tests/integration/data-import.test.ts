import type { Bundle } from '@medplum/fhirtypes';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { citizenImport, type ImportedCitizen } from '../../src/server/modules/citizens/index.ts';
import { importParts } from '../../src/server/modules/data-import/cases-import.ts';
import { UNKNOWN_NAME } from '../../src/server/modules/data-import/fhir-import.ts';
import { mapCitizen } from '../../src/server/modules/ffb-reporting/ffb-mapping.ts';
import { assembleReport, type LedgerResource } from '../../src/server/modules/ffb-reporting/ffb-report.ts';
import type { FfbCitizenSnapshot } from '../../src/server/modules/ffb-reporting/ffb-snapshot.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem, inTenant } from '../../src/server/platform/tx.ts';
import type { Assessment } from '../../src/shared/assessment/assessment.schema.ts';
import type { ReportingSettingsView } from '../../src/shared/ffb-reporting/ffb-reporting.schema.ts';
import type { ImportView } from '../../src/shared/import/import.schema.ts';
import { borgeAfterAppropriation } from '../support/ffb-fixtures.ts';
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
    // Written by one audit_append call (one insert, migration 0034): the chain still verifies from its first entry.
    const chain = await verifyAuditChain(database);
    expect(chain.findings).toEqual([]);
    expect(chain.ok).toBe(true);
  });
});

describe('the run checks and writes a file part by part (the next part is checked while this one is written)', () => {
  const caseNumbers = (prefix: string) =>
    inSystem(database, (tx) =>
      tx
        .selectFrom('case_file as c')
        .innerJoin('citizen as ci', 'ci.id', 'c.citizen_id')
        .select(['c.case_number', 'ci.cpr'])
        .where('c.case_number', 'like', `${prefix}%`)
        .orderBy('c.case_number')
        .execute(),
    );
  const withParts = async <T>(rows: number, fn: () => Promise<T>): Promise<T> => {
    const before = importParts.rows;
    importParts.rows = rows;
    try {
      return await fn();
    } finally {
      importParts.rows = before;
    }
  };

  it('writes every part, a citizen of two parts once, skips a case already here, and reports progress per part', async () => {
    await run((await upload('cases', csv(row({ sagsnummer: 'PRT-3', cpr: '050585-1111' })))).id);
    const file = csv(
      row({ sagsnummer: 'PRT-1', cpr: '040484-1111' }),
      row({ sagsnummer: 'PRT-2', cpr: '040484-2222' }),
      row({ sagsnummer: 'PRT-3', cpr: '050585-1111' }),
      row({ sagsnummer: 'PRT-4', cpr: '040484-1111' }), // the citizen of PRT-1, in the next part
      row({ sagsnummer: 'PRT-5', cpr: '040484-3333' }),
    );
    const view = await upload('cases', file);
    expect(view.status).toBe('valid');
    const citizensBefore = await citizenCount();
    const lines = await withParts(2, () => run(view.id));
    expect(lines.filter((l) => l.kind === 'progress' && l.stage === 'cases').map((l) => l.done)).toEqual([2, 4, 5]);
    expect(lines.find((l) => l.kind === 'done')?.counts).toEqual({
      citizensAdded: 3,
      casesAdded: 4,
      casesSkipped: 1,
      assessments: 4,
      decisions: 4,
      orders: 4,
    });
    expect(lines.at(-1)?.view?.status).toBe('imported');
    expect(await citizenCount()).toBe(citizensBefore + 3);
    expect((await caseNumbers('PRT-')).map((c) => `${c.case_number} ${c.cpr}`)).toEqual([
      'PRT-1 0404841111',
      'PRT-2 0404842222',
      'PRT-3 0505851111',
      'PRT-4 0404841111',
      'PRT-5 0404843333',
    ]);
    const chain = await verifyAuditChain(database);
    expect(chain.findings).toEqual([]);
  });

  it('finds a row that is no longer clean in a later part: names it, and undoes the parts it had written', async () => {
    const file = csv(
      row({ sagsnummer: 'UNDO-1', cpr: '060686-1111' }),
      row({ sagsnummer: 'UNDO-2', cpr: '060686-2222' }),
      row({ sagsnummer: 'UNDO-3', cpr: '060686-3333' }),
      row({ sagsnummer: 'UNDO-4', cpr: '060686-4444' }),
      row({ sagsnummer: 'UNDO-5', cpr: '060686-5555' }),
    );
    const view = await upload('cases', file);
    expect(view.status).toBe('valid');
    // Since the upload, case UNDO-5 has come in for another citizen (line 6 of the file is now wrong).
    await run((await upload('cases', csv(row({ sagsnummer: 'UNDO-5', cpr: '070787-1111' })))).id);
    const citizensBefore = await citizenCount();

    const lines = await withParts(2, () => run(view.id));
    // Parts 1 and 2 (lines 2–5) were written before part 3 was checked: their progress was reported.
    expect(lines.filter((l) => l.kind === 'progress' && l.stage === 'cases').map((l) => l.done)).toEqual([2, 4]);
    expect(lines.some((l) => l.kind === 'done')).toBe(false);
    const after = lines.at(-1)?.view;
    expect(after?.status).toBe('invalid');
    expect(after?.errors.map((e) => `${e.line} ${e.field} ${e.key}`)).toEqual(['6 sagsnummer import.caseNumber.otherCitizen']);

    // Nothing half saved: no citizen, case or audit entry of lines 2–5.
    expect((await caseNumbers('UNDO-')).map((c) => `${c.case_number} ${c.cpr}`)).toEqual(['UNDO-5 0707871111']);
    expect(await citizenCount()).toBe(citizensBefore);
    const audited = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(sql<string>`details->>'caseNumber'`.as('case_number'))
        .where('purpose', '=', 'data_import')
        .where('record_type', '=', 'case')
        .where(sql<boolean>`details->>'caseNumber' like 'UNDO-%'`)
        .execute(),
    );
    expect(audited.map((r) => r.case_number)).toEqual(['UNDO-5']);
    const chain = await verifyAuditChain(database);
    expect(chain.findings).toEqual([]);
  });
});

describe('a large import keeps each foreign-key check on the key (migration 0033, docs/PERFORMANCE.md)', () => {
  const RKSK = stableUuid('municipality:760');
  class Rollback extends Error {}

  it('refreshes the statistics of the citizens it wrote before the cases that refer to them, within its transaction', async () => {
    // 1,200 new citizens: over the threshold (1,000) from which a write refreshes the statistics.
    const citizens: ImportedCitizen[] = Array.from({ length: 1200 }, (_, i) => ({
      cpr: `${String(1 + (i % 28)).padStart(2, '0')}${String(1 + Math.floor(i / 28)).padStart(2, '0')}4${i % 10}${String(7000 + i)}`,
      substitute: false,
      birthDate: '1940-01-01',
      firstName: 'Statistik',
      lastName: `Borger ${i}`,
      address: null,
      postalCode: null,
      city: null,
      phone: null,
      email: null,
    }));
    // The statistics as a municipality moving in has them: a few dozen citizens (the demo's) known to the planner.
    await database.adminTransaction((tx) => tx.exec('analyze citizen'));
    const seen = await inTenant(database, RKSK, async (tx) => {
      const { added } = await citizenImport.addMissing(tx, RKSK, citizens);
      expect(added).toBe(1200);
      // ANALYZE in the transaction counts the rows it inserted (reltuples is the planner's row count).
      const stats = await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'citizen'`.execute(tx);
      // The check PostgreSQL runs for each case's citizen, as it runs once its plan is cached (generic, parameters).
      await sql`set local plan_cache_mode = force_generic_plan`.execute(tx);
      await sql`prepare import_fk_check(uuid, uuid) as
        select 1 from only citizen x where municipality_id = $1 and id = $2 for key share of x`.execute(tx);
      const plan = await sql<{
        'QUERY PLAN': string;
      }>`explain execute import_fk_check(${sql.lit(RKSK)}, ${sql.lit(RKSK)})`.execute(tx);
      await sql`deallocate import_fk_check`.execute(tx);
      throw new Rollback(JSON.stringify({ reltuples: stats.rows[0]?.reltuples, plan: plan.rows.map((r) => r['QUERY PLAN']) }));
    }).catch((e: unknown) => {
      if (e instanceof Rollback) return JSON.parse(e.message) as { reltuples: number; plan: string[] };
      throw e;
    });
    // By the primary key on both columns, not by another index on municipality_id filtered on id (every row read).
    expect(seen.plan.join('\n')).toMatch(
      /Index Scan using citizen_pkey[\s\S]*Index Cond: \(\(municipality_id = \$1\) AND \(id = \$2\)\)/,
    );
    expect(seen.plan.filter((line) => /^\s*Filter:/.test(line))).toEqual([]);
    expect(Number(seen.reltuples)).toBeGreaterThanOrEqual(1200);
  });

  it('lets the app role refresh only the tables imports fill', async () => {
    const refused = await inTenant(database, RKSK, (tx) => sql`select import_analyze('audit_log')`.execute(tx)).catch(
      (e: { code?: string }) => e.code,
    );
    expect(refused).toBe('42501');
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

describe('importing citizens and cases from FFB delivery reports (FHIR Bundles)', () => {
  const NS = '6f1c3a52-8d4e-4b7a-9c2f-1e0d7b6a5c43';
  const CPR = '1505814321';
  const ORG = 'd4e3f4fb-6761-4d6c-9086-74c49231f11e';
  /** A report as Visitator's FFB delivery builds it (the guide's worked example after the appropriation). */
  const report = (snapshot: FfbCitizenSnapshot, timestamp: string): Bundle => {
    const all: LedgerResource[] = mapCitizen(snapshot, NS).map((m) => ({
      id: m.resource.id ?? '',
      profile: m.profile,
      resource: m.resource,
      lastUpdated: timestamp,
    }));
    return assembleReport(all, new Set(all.map((r) => r.id)), timestamp);
  };
  const assessed = () => {
    const s = borgeAfterAppropriation('c-fhir', CPR);
    for (const r of s.requests) r.carePlans = [];
    return s;
  };
  const uploadFhir = async (body: string, filename = 'ffb.ndjson') => {
    const res = await admin.send('POST', `/api/imports?kind=fhir&filename=${filename}`, body as never, {
      'content-type': 'application/fhir+json',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as ImportView;
  };

  beforeAll(async () => {
    const s = (await admin.get('/api/ffb-reporting/settings')).json() as ReportingSettingsView;
    const res = await admin.send('PUT', '/api/ffb-reporting/settings', {
      version: s.version,
      organisationCode: ORG,
      gatewayUrl: s.gatewayUrl,
      enabled: s.enabled,
      caseNumberSystem: s.caseNumberSystem,
    });
    expect(res.statusCode).toBe(200);
  });

  it('validates every Bundle as a report is validated before sending, names each bad entry, and imports nothing', async () => {
    const before = await citizenCount();
    const bad = borgeAfterAppropriation('c-bad', '3102814321'); // 31 February does not exist
    const gathering = bad.requests[0]?.gatherings[0];
    if (!gathering) throw new Error('fixture');
    gathering.conditions[0] = { ...gathering.conditions[0], severityCode: '5bdde847-2837-416b-ab63-bbff8b7aa531' } as never; // a level on a Funktioner og forhold condition
    gathering.conditions[1] = { ...gathering.conditions[1], code: '00000000-0000-4000-8000-000000000000' } as never; // not an FFB code
    gathering.conditions[2] = { ...gathering.conditions[2], recordedOn: '2021-02-30' } as never;
    const other = {
      ...borgeAfterAppropriation('c-other', '1606814321'),
      organisationCode: 'a1b2c3d4-0000-4000-8000-000000000999',
    };
    const file = [
      JSON.stringify(report(bad, '2021-05-29T17:00:00Z')),
      JSON.stringify(report(other, '2021-05-29T17:00:00Z')),
    ].join('\n');
    const view = await uploadFhir(file);
    expect(view.kind).toBe('fhir');
    expect(view.status).toBe('invalid');
    const found = view.errors.map((e) => `${e.line} ${e.field.split(' ')[1]?.split('.')[0]} ${e.key}`);
    expect(found).toEqual(
      expect.arrayContaining([
        '1 Patient citizen.cpr',
        '1 Patient cpr.date',
        '1 Condition kl-reporting-ffb-condition-1',
        '1 Condition condition.code',
        '1 Condition import.date.invalid',
        '2 Patient import.fhir.organisation',
      ]),
    );
    // Each names the entry it is about: its index in the Bundle and its resource type.
    for (const e of view.errors.filter((x) => x.field !== 'Bundle')) expect(e.field).toMatch(/^entry\[\d+\] [A-Za-z]+/);
    expect(view.errors.find((e) => e.key === 'kl-reporting-ffb-condition-1')?.message.da).toBeTruthy();
    const notJson = await uploadFhir('{"resourceType": "Bundle", ', 'brudt.json');
    expect(notJson.errors.map((e) => e.key)).toEqual(['import.fhir.json']);
    expect(await citizenCount()).toBe(before);
  });

  it('imports the citizen and the case with its latest assessment, later Bundles updating earlier ones; twice adds nothing', async () => {
    // The worked example's first report (assessed) and the one after the appropriation (care plan, services, goal).
    const file = [
      JSON.stringify(report(assessed(), '2021-05-28T15:00:00Z')),
      JSON.stringify(report(borgeAfterAppropriation('c-fhir', CPR), '2021-05-29T17:13:41Z')),
    ].join('\n');
    const view = await uploadFhir(file);
    expect(view.errors).toEqual([]);
    expect(view.counts).toMatchObject({ citizensNew: 1, casesNew: 1, assessments: 1, decisions: 0, orders: 0 });
    const lines = await run(view.id);
    expect(lines.at(-1)?.view?.status).toBe('imported');

    const [c] = await inSystem(database, (tx) =>
      tx
        .selectFrom('case_file as c')
        .innerJoin('citizen as ci', 'ci.id', 'c.citizen_id')
        .select(['c.id', 'c.status', 'ci.cpr', 'ci.last_name'])
        .where('c.case_number', '=', 'Sag154689')
        .execute(),
    );
    expect(c).toMatchObject({ status: 'assessment', cpr: CPR, last_name: UNKNOWN_NAME });
    const caseworker = await loginAs(app, 'caseworker');
    const a = (await caseworker.get(`/api/cases/${c?.id}/assessment`)).json() as Assessment;
    expect(a.supportNeedCode).toBe('dd628e73-d6c9-4837-a2b8-aa62d73bd6ae');
    expect(a.conditions).toHaveLength(7);
    expect(a.conditions.find((x) => x.code === '464a2ab6-a7df-4b3a-b74d-7873f4cfe668')?.levelCode).toBe(
      'cae545f5-2813-4d79-98fc-0a7d770af3cd',
    );
    expect(a.goals).toEqual([
      expect.objectContaining({
        primaryConditionCode: '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7',
        targetLevelCode: '8328ce4a-6238-4f73-bf1a-74aadb68eff8',
      }),
    ]);
    expect(a.targetGroups.map((g) => [g.code, g.rank])).toEqual(
      expect.arrayContaining([
        ['5cfc9530-a193-4f66-9981-3b980ee9ea7b', 1],
        ['5e95db73-4d16-4084-93a3-595c0650b160', 2],
      ]),
    );
    const journal = await inSystem(database, (tx) =>
      tx
        .selectFrom('case_event')
        .select('body')
        .where('case_id', '=', c?.id ?? '')
        .where('kind', '=', 'imported')
        .execute(),
    );
    expect(journal[0]?.body).toContain('Indsatsforløb fra 2021-05-29');
    expect(journal[0]?.body).toContain('opfølgning 2021-08-29');
    const deadline = await inSystem(database, (tx) =>
      tx
        .selectFrom('case_deadline')
        .select('met_on')
        .where('case_id', '=', c?.id ?? '')
        .where('kind', '=', 'decision')
        .execute(),
    );
    expect(deadline.map((d) => String(d.met_on).slice(0, 10))).toEqual(['2021-05-29']);

    const again = await uploadFhir(file);
    expect(again.counts).toMatchObject({ citizensNew: 0, casesNew: 0, casesExisting: 1 });
    await run(again.id);
    const n = await inSystem(database, (tx) =>
      tx
        .selectFrom('case_file')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_number', '=', 'Sag154689')
        .executeTakeFirstOrThrow(),
    );
    expect(Number(n.n)).toBe(1);
  });
});
