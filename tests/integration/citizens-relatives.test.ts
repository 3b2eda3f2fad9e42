import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import { DEMO_CPR_PERSONS } from '../../src/server/modules/citizens/cpr-register/demo-cpr-register.ts';
import { fixedClock } from '../../src/server/platform/clock.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Page } from '../../src/shared/api/page.ts';
import type { CitizenDetail, CitizenSummary } from '../../src/shared/citizens/citizen.schema.ts';
import { foldName } from '../../src/shared/citizens/citizen-search.ts';
import type { CprLookupView, RelativeView } from '../../src/shared/citizens/relative.schema.ts';
import { loginAs, MUNICIPALITY, type Session, testConfig } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/** Citizens, relatives and consents through the API on a fixed day (15 March 2027). */
const NOW = '2027-03-15T10:00:00+01:00';
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let maria: Session;
let randers: Session;
let provider: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig(), database, clock: fixedClock(NOW) });
  maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
  randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
  provider = await loginAs(app, 'provider_staff', MUNICIPALITY.rksk);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const create = (s: Session, body: Record<string, unknown>, lang = 'da') =>
  s.send('POST', '/api/citizens', body, { 'accept-language': lang });
const fieldsOf = (body: string) => (JSON.parse(body) as { fields?: { path: string; message: string }[] }).fields ?? [];
const search = async (s: Session, q: string) => {
  const res = await s.get(`/api/citizens?${new URLSearchParams({ q, pageSize: '50' })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page<CitizenSummary>;
};

/** Modulus 11 over the ten digits with CPR's weights: 0 when the control digit "fits". */
const mod11 = (cpr: string) => [...cpr].reduce((sum, d, i) => sum + Number(d) * ([4, 3, 2, 7, 6, 5, 4, 3, 2, 1][i] ?? 0), 0) % 11;

describe(`creating a citizen and changing contact details on ${TEST_DB}`, () => {
  it('creates a citizen, refuses a date that does not exist and a number already taken, at the field, in Danish and English', async () => {
    // Born 3 February 2008: since 2007 CPR issues numbers that fail modulus 11, so it is not demanded.
    const cpr = '0302084321';
    expect(mod11(cpr)).not.toBe(0);
    const ok = await create(maria, {
      cpr: '030208-4321',
      firstName: 'Liv',
      lastName: 'Kjærsgaard',
      postalCode: '6950',
      city: 'Ringkøbing',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const { id } = ok.json() as { id: string };
    const read = (await maria.get(`/api/citizens/${id}`)).json() as CitizenDetail;
    expect(read).toMatchObject({ cpr, birthDate: '2008-02-03', substituteCpr: false, lastName: 'Kjærsgaard' });

    const bad = await create(maria, { cpr: '310485-1234', firstName: 'A', lastName: 'B' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([{ path: 'cpr', message: 'CPR-nummerets dato findes ikke.' }]);
    const badEn = await create(maria, { cpr: '310485-1234', firstName: 'A', lastName: 'B' }, 'en');
    expect(fieldsOf(badEn.body)).toEqual([{ path: 'cpr', message: 'The date in the CPR number does not exist.' }]);

    const taken = await create(maria, { cpr, firstName: 'Liv', lastName: 'Kjærsgaard' });
    expect(taken.statusCode).toBe(400);
    expect(fieldsOf(taken.body)[0]?.path).toBe('cpr');

    const missing = await create(maria, { cpr: '0302084322', firstName: '', lastName: 'B' }, 'en');
    expect(fieldsOf(missing.body)).toEqual([{ path: 'firstName', message: 'This field is required.' }]);
  });

  it('changes contact details with optimistic locking, and refuses a bad postal code at the field', async () => {
    const { id } = (await create(maria, { cpr: '7101854411', firstName: 'Åse', lastName: 'Ålborg' })).json() as { id: string };
    const put = (body: Record<string, unknown>) => maria.send('PUT', `/api/citizens/${id}/contact`, body);
    const changed = await put({ version: 1, address: 'Torvet 1', postalCode: '6900', city: 'Skjern', phone: '12345678' });
    expect(changed.json()).toEqual({ version: 2 });
    expect(((await maria.get(`/api/citizens/${id}`)).json() as CitizenDetail).city).toBe('Skjern');
    expect((await put({ version: 1, city: 'Tarm' })).statusCode).toBe(409);
    const bad = await put({ version: 2, postalCode: '69' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual([{ path: 'postalCode', message: 'Postnummeret skal have 4 cifre.' }]);
  });
});

describe(`searching as people type on ${TEST_DB}`, () => {
  it.each([['14.03.1985'], ['14031985'], ['140385'], ['14-03-1985']])(
    'the birth date %s finds the citizen born 14 March 1985 (a substitute number 740385-…)',
    async (typed) => {
      const METTE = NAMED_DEMO_CITIZENS.find((c) => c.cpr.startsWith('740385'));
      const hits = await search(maria, typed);
      expect(hits.items.map((c) => c.cpr)).toContain(METTE?.cpr);
      expect(hits.items.every((c) => c.birthDate === '1985-03-14')).toBe(true);
    },
  );

  it.each([
    ['Kjaersgaard', 'Kjærsgaard'],
    ['kjærsgård', 'Kjærsgaard'],
    ['Aalborg', 'Ålborg'],
    ['Aase Aalborg', 'Ålborg'],
  ])('%s finds %s', async (typed, lastName) => {
    const hits = await search(maria, typed);
    expect(hits.items.map((c) => c.lastName)).toContain(lastName);
  });

  it('the database folds names exactly as the search box does', async () => {
    const names = ['Kjærsgaard', 'ÅLBORG', 'Søren Østergård', 'René Müller', 'Björk Æbelø', 'Nuñez-García', 'O’Brien'];
    const folded = await inSystem(database, (tx) =>
      Promise.all(names.map(async (n) => (await sql<{ f: string }>`select fold_name(${n}) as f`.execute(tx)).rows[0]?.f)),
    );
    expect(folded).toEqual(names.map(foldName));
  });
});

describe(`the CPR register on ${TEST_DB}`, () => {
  const lookup = (s: Session, cpr: string) => s.send('POST', '/api/citizens/cpr-lookup', { cpr });

  it('answers from the demo register until one is configured; an existing citizen is named instead', async () => {
    const person = DEMO_CPR_PERSONS[0];
    const found = (await lookup(maria, person?.cpr ?? '')).json() as CprLookupView;
    expect(found).toEqual({ source: 'demo', status: 'found', citizenId: null, person });
    expect(((await lookup(maria, '0101011234')).json() as CprLookupView).status).toBe('not_found');
    const mette = NAMED_DEMO_CITIZENS[0];
    const exists = (await lookup(maria, mette?.cpr ?? '')).json() as CprLookupView;
    expect(exists.status).toBe('exists');
    expect(exists.citizenId).not.toBeNull();
    const bad = await lookup(maria, '320185-1234');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)[0]?.path).toBe('cpr');
    expect((await lookup(provider, person?.cpr ?? '')).statusCode).toBe(403);
  });

  it('asks Serviceplatformen (SF1520) when configured: a local stand-in answers; one that fails is "unavailable"', async () => {
    const received: string[] = [];
    let answer: 'person' | 'error' = 'person';
    const standIn: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push(body);
        if (answer === 'error') {
          res
            .writeHead(500, { 'content-type': 'text/xml' })
            .end('<soap:Envelope><soap:Body><soap:Fault/></soap:Body></soap:Envelope>');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/xml' }).end(`<?xml version="1.0"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:PersonLookupResponse xmlns:ns2="urn:x">
<ns2:persondata><ns2:navn><ns3:PersonGivenName xmlns:ns3="urn:y">Jens</ns3:PersonGivenName><ns3:PersonMiddleName xmlns:ns3="urn:y">Peter</ns3:PersonMiddleName>
<ns3:PersonSurnameName xmlns:ns3="urn:y">Ærø &amp; Co</ns3:PersonSurnameName></ns2:navn></ns2:persondata>
<ns2:adresse><StreetName>Algade</StreetName><StreetBuildingIdentifier>4</StreetBuildingIdentifier><FloorIdentifier>2</FloorIdentifier><SuiteIdentifier>tv</SuiteIdentifier>
<PostCodeIdentifier>6950</PostCodeIdentifier><DistrictName>Ringkøbing</DistrictName></ns2:adresse></ns2:PersonLookupResponse></soap:Body></soap:Envelope>`);
      });
    });
    await new Promise<void>((r) => standIn.listen(0, '127.0.0.1', r));
    const { port } = standIn.address() as AddressInfo;
    const sp = await buildApp({
      config: testConfig({
        cprRegister: {
          kind: 'serviceplatformen',
          url: `http://127.0.0.1:${port}/sf1520`,
          pfxPath: undefined,
          pfxPassphrase: undefined,
          serviceAgreementUuid: '11111111-1111-4111-8111-111111111111',
          userSystemUuid: '22222222-2222-4222-8222-222222222222',
          userUuid: '33333333-3333-4333-8333-333333333333',
          serviceUuid: '44444444-4444-4444-8444-444444444444',
          timeoutMs: 2000,
        },
      }),
      database,
      clock: fixedClock(NOW),
    });
    try {
      const caseworker = await loginAs(sp, 'caseworker', MUNICIPALITY.rksk);
      const found = (await lookup(caseworker, '0101901234')).json() as CprLookupView;
      expect(found).toEqual({
        source: 'serviceplatformen',
        status: 'found',
        citizenId: null,
        person: {
          cpr: '0101901234',
          firstName: 'Jens Peter',
          lastName: 'Ærø & Co',
          address: 'Algade 4, 2. tv',
          postalCode: '6950',
          city: 'Ringkøbing',
        },
      });
      expect(received[0]).toContain('<PNR>0101901234</PNR>');
      expect(received[0]).toContain('<inv:ServiceAgreementUUID>11111111-1111-4111-8111-111111111111</inv:ServiceAgreementUUID>');
      answer = 'error';
      expect(((await lookup(caseworker, '0101901234')).json() as CprLookupView).status).toBe('unavailable');
      standIn.close();
      expect(((await lookup(caseworker, '0101901234')).json() as CprLookupView).status).toBe('unavailable');
    } finally {
      standIn.close();
      await sp.close();
    }
  });
});

describe(`relatives and consent on ${TEST_DB}`, () => {
  it('records a relative with the citizen’s consent; what may be shared follows it until it is withdrawn', async () => {
    const { id: citizenId } = (await create(maria, { cpr: '6506804455', firstName: 'Bo', lastName: 'Thygesen' })).json() as {
      id: string;
    };
    const base = `/api/citizens/${citizenId}/relatives`;
    const added = await maria.send('POST', base, { name: 'Hanne Thygesen', relation: 'parent', phone: '20304050' });
    expect(added.statusCode, added.body).toBe(201);
    const { id: relativeId } = added.json() as { id: string };
    const list = async () => (await maria.get(base)).json() as RelativeView[];
    expect((await list())[0]?.sharing).toEqual({ contact: false, information: false, letters: false, meetings: false });

    const consent = await maria.send('POST', `${base}/${relativeId}/consents`, {
      scopes: ['letters', 'meetings'],
      form: 'written',
      givenOn: '2027-03-01',
      expiresOn: '2028-03-01',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const { id: consentId } = consent.json() as { id: string };
    const [hanne] = await list();
    expect(hanne?.sharing).toEqual({ contact: false, information: false, letters: true, meetings: true });
    expect(hanne?.consents[0]).toMatchObject({
      state: 'active',
      givenOn: '2027-03-01',
      expiresOn: '2028-03-01',
      recordedBy: 'Maria Vestergaard',
    });

    const withdraw = (withdrawnOn: string) =>
      maria.send('POST', `${base}/${relativeId}/consents/${consentId}/withdraw`, { withdrawnOn });
    const early = await withdraw('2027-02-01');
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early.body)).toEqual([
      { path: 'withdrawnOn', message: 'Samtykket kan ikke trækkes tilbage, før det blev givet.' },
    ]);
    expect((await withdraw('2027-03-15')).statusCode).toBe(204);
    const [after] = await list();
    expect(after?.sharing.letters).toBe(false);
    expect(after?.consents[0]?.state).toBe('withdrawn');
    expect((await withdraw('2027-03-15')).statusCode).toBe(409);

    // The read, the consent and its withdrawal are in the citizen's access log.
    const actions = await inSystem(database, (tx) =>
      tx.selectFrom('audit_log').select(['action', 'record_type']).where('citizen_id', '=', citizenId).execute(),
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: 'create', record_type: 'relative' },
        { action: 'create', record_type: 'consent' },
        { action: 'update', record_type: 'consent' },
        { action: 'read', record_type: 'relative' },
      ]),
    );
  });

  it('refuses a consent dated ahead, one that ends before it begins, and one that covers nothing, naming each field', async () => {
    const { id: citizenId } = (await create(maria, { cpr: '6606804455', firstName: 'Ib', lastName: 'Holm' })).json() as {
      id: string;
    };
    const { id: relativeId } = (
      await maria.send('POST', `/api/citizens/${citizenId}/relatives`, { name: 'Per Holm', relation: 'sibling' })
    ).json() as { id: string };
    const post = (body: Record<string, unknown>) =>
      maria.send('POST', `/api/citizens/${citizenId}/relatives/${relativeId}/consents`, body, { 'accept-language': 'en' });
    const future = await post({ scopes: ['contact'], form: 'oral', givenOn: '2027-03-16' });
    expect(fieldsOf(future.body)).toEqual([
      { path: 'givenOn', message: 'The consent cannot be given in the future. Enter the day the citizen gave it.' },
    ]);
    const backwards = await post({ scopes: ['contact'], form: 'oral', givenOn: '2027-03-01', expiresOn: '2027-03-01' });
    expect(fieldsOf(backwards.body)).toEqual([
      { path: 'expiresOn', message: 'The consent must last until a day after it was given.' },
    ]);
    const nothing = await post({ scopes: [], form: 'oral', givenOn: '2027-03-01' });
    expect(fieldsOf(nothing.body)).toEqual([{ path: 'scopes', message: 'Choose at least one thing the consent covers.' }]);
    const noRelation = await maria.send('POST', `/api/citizens/${citizenId}/relatives`, { name: 'X', relation: 'cousin' });
    expect(fieldsOf(noRelation.body).map((f) => f.path)).toEqual(['relation']);
  });

  it('shows relatives only to the authority’s staff of the citizen’s municipality', async () => {
    const mette = (await search(maria, NAMED_DEMO_CITIZENS[0]?.cpr ?? '')).items[0];
    expect((await provider.get(`/api/citizens/${mette?.id}/relatives`)).statusCode).toBe(404);
    expect((await randers.get(`/api/citizens/${mette?.id}/relatives`)).statusCode).toBe(404);
    expect(
      (await randers.send('POST', `/api/citizens/${mette?.id}/relatives`, { name: 'X', relation: 'friend' })).statusCode,
    ).toBe(404);
  });
});
