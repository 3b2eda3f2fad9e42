import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let admin: Session;
let openapi: OpenApi;

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};
type Operation = {
  parameters?: { in: 'query' | 'path'; name: string; schema: JsonSchema | string }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
type OpenApi = { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  // Two deliberate database errors, to show the one mapping answers them whatever the route.
  app.get('/api/test/duplicate-citizen', { config: { access: 'public' } }, async () =>
    inSystem(database, async (tx) => {
      const mette = await tx
        .selectFrom('citizen')
        .select(['municipality_id', 'cpr', 'substitute_cpr', 'birth_date', 'first_name', 'last_name'])
        .where('cpr', '=', NAMED_DEMO_CITIZENS[0].cpr)
        .executeTakeFirstOrThrow();
      await tx.insertInto('citizen').values(mette).execute();
    }),
  );
  app.get('/api/test/nul-in-database', { config: { access: 'public' } }, async () =>
    inSystem(database, async (tx) => {
      await tx.updateTable('citizen').set({ city: 'x\u0000y' }).where('cpr', '=', 'none').execute();
      await tx
        .insertInto('citizen')
        .values({
          municipality_id: (await tx.selectFrom('municipality').select('id').executeTakeFirstOrThrow()).id,
          cpr: '0101010101',
          substitute_cpr: false,
          birth_date: '2001-01-01',
          first_name: 'x\u0000y',
          last_name: 'z',
        } as never)
        .execute();
    }),
  );
  caseworker = await loginAs(app, 'caseworker');
  admin = await loginAs(app, 'administrator');
  openapi = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as OpenApi;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** Every string the schema accepts, as [path, a value putting NUL at that path]. */
function nulCases(schema: JsonSchema | undefined, path: string[] = []): { path: string[]; value: unknown }[] {
  if (!schema) return [];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length) {
    const seen = new Set<string>();
    return branches.flatMap((b) => nulCases(b, path)).filter((c) => !seen.has(c.path.join('.')) && seen.add(c.path.join('.')));
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string')) return [{ path, value: 'a\u0000b' }];
  if (types.includes('array')) {
    return nulCases(schema.items, [...path, '0']).map((c) => ({ path: c.path, value: [c.value] }));
  }
  if (types.includes('object') || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    if (!props.length && typeof schema.additionalProperties === 'object') props.push(['x', schema.additionalProperties]);
    return props.flatMap(([key, sub]) => nulCases(sub, [...path, key]).map((c) => ({ path: c.path, value: { [key]: c.value } })));
  }
  return [];
}

type NulRequest = { method: string; url: string; payload?: unknown; field: string };

/** One request per string a route takes (path, query and body), generated from the route table (OpenAPI). */
function nulRequests(): NulRequest[] {
  const out: NulRequest[] = [];
  for (const [template, operations] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const url = (nul?: string) =>
        template.replace(/\{(\w+)\}/g, (_m, name: string) =>
          name === nul ? '%00' : name === 'documentId' || name === 'id' ? '00000000-0000-4000-8000-000000000000' : 'x',
        );
      for (const name of pathParams) out.push({ method, url: url(name), field: name });
      for (const p of op.parameters ?? []) {
        if (p.in !== 'query' || typeof p.schema !== 'object') continue;
        if (nulCases(p.schema).length) out.push({ method, url: `${url()}?${p.name}=a%00b`, field: p.name });
      }
      const body = op.requestBody?.content['application/json']?.schema;
      for (const c of nulCases(body)) out.push({ method, url: url(), payload: c.value, field: c.path.join('.') });
    }
  }
  // The OIDC callback takes any query parameter (the identity provider's); its schema is a record.
  out.push({ method: 'get', url: '/api/auth/oidc/callback?code=a%00b&state=s', field: 'code' });
  return out;
}

describe(`NUL (U+0000) in any string on ${TEST_DB}`, () => {
  it('is refused with 400 naming the field, on every route that takes a string (generated from the route table)', async () => {
    const requests = nulRequests();
    // The generator found the routes the issue named, public ones included.
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'get /api/public/catalogue/offers?legalBasis=a%00b',
        'post /api/citizens',
        'get /api/citizens?q=a%00b',
      ]),
    );
    expect(requests.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const r of requests) {
      const res = await app.inject({
        method: r.method.toUpperCase() as 'GET',
        url: r.url,
        cookies: caseworker.cookies,
        headers: { 'x-csrf-token': caseworker.csrf, 'accept-language': 'en' },
        ...(r.payload === undefined ? {} : { payload: r.payload as Record<string, unknown> }),
      });
      const body = res.json() as { code?: string; fields?: { path: string; message: string }[] };
      const named = body.fields?.some((f) => f.path === r.field && f.message.includes('NUL'));
      if (res.statusCode !== 400 || body.code !== 'validation_failed' || !named) {
        wrong.push(`${r.method} ${r.url} ${JSON.stringify(r.payload)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    // One request per route and string field, so the time grows with the route table (the economy's routes took it
    // past 30 s on the shared machine under load).
  }, 120_000);

  it('is refused on a public route without a session, in Danish by default', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/catalogue/offers?legalBasis=%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'legalBasis', message: 'Feltet indeholder et tegn, der ikke er tilladt (NUL, U+0000).' }],
    });
  });

  it('names a NUL inside an object key by its parent, and nothing is saved', async () => {
    const before = await inSystem(database, async (tx) => (await tx.selectFrom('citizen').select('id').execute()).length);
    const res = await caseworker.send('POST', '/api/citizens', { cpr: '680299-1111', firstName: 'Ny\u0000', lastName: 'B' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ fields: [{ path: 'firstName' }] });
    const keyed = await caseworker.send('POST', '/api/citizens', { 'bad\u0000key': 1 });
    expect(keyed.statusCode).toBe(400);
    expect(await inSystem(database, async (tx) => (await tx.selectFrom('citizen').select('id').execute()).length)).toBe(before);
  });

  it('that reaches the database all the same answers 400, not 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/nul-in-database' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'bad_request' });
  });
});

describe(`unique violations answer 409, in one place, on ${TEST_DB}`, () => {
  it('maps a unique violation anywhere to 409 with the field and a clear message', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/test/duplicate-citizen', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'conflict',
      message: 'Someone else changed this meanwhile. Reload and try again.',
      fields: [{ path: 'cpr', message: 'A citizen with this CPR number already exists.' }],
    });
    // The key's values (a CPR number) stay in the server.
    expect(res.body).not.toContain(NAMED_DEMO_CITIZENS[0].cpr);
  });

  it('registers one complaint when eight arrive at once: the rest get 409, none 500', async () => {
    const journey = caseJourney(app, caseworker);
    const c: CaseDetail = await journey.decided('refused', 'SEL § 107');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        caseworker.send('POST', `/api/cases/${c.id}/complaints`, {
          form: 'written',
          receivedOn: '2026-11-30',
          text: 'Jeg klager over afslaget.',
        }),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json()).toMatchObject({
        fields: [{ path: 'complaint', message: 'Sagen har allerede en klage under behandling.' }],
      });
    }
    const open = await inSystem(database, (tx) => tx.selectFrom('complaint').select('id').where('case_id', '=', c.id).execute());
    expect(open).toHaveLength(1);
  });

  it('makes one new catalogue draft when eight administrators press at once: the rest get 409, none 500', async () => {
    const list = (
      await app.inject({ method: 'GET', url: '/api/public/catalogue/service-descriptions?municipality=760&pageSize=100' })
    ).json() as { items: { id: string; inForce: unknown }[] };
    const drafts = await inSystem(database, (tx) =>
      tx.selectFrom('service_description_version').select('service_description_id').where('status', '=', 'draft').execute(),
    );
    const id = list.items.find((d) => d.inForce && !drafts.some((x) => x.service_description_id === d.id))?.id;
    if (!id) throw new Error('no approved description without a draft');
    const results = await Promise.all(
      Array.from({ length: 8 }, () => admin.send('POST', `/api/catalogue/service-descriptions/${id}/drafts`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const after = await inSystem(database, (tx) =>
      tx
        .selectFrom('service_description_version')
        .select('id')
        .where('service_description_id', '=', id)
        .where('status', '=', 'draft')
        .execute(),
    );
    expect(after).toHaveLength(1);
  });
});

describe(`Cache-Control on ${TEST_DB}`, () => {
  it('is no-store on every authenticated GET the route table lists without an id', async () => {
    const gets = Object.entries(openapi.paths)
      .filter(([path, ops]) => ops.get && !path.includes('{') && !path.startsWith('/api/docs'))
      .map(([path]) => path);
    expect(gets.length).toBeGreaterThan(10);
    for (const url of gets) {
      for (const session of [caseworker, admin]) {
        const res = await session.get(url);
        expect([url, res.headers['cache-control']]).toEqual([url, 'no-store']);
      }
    }
  });

  it('is no-store on a citizen, a case, a letter PDF and on refusals', async () => {
    const journey = caseJourney(app, caseworker);
    const c = await journey.decided('granted');
    const citizenId = c.citizen.id;
    const doc = c.documents[0];
    if (!doc) throw new Error('the decision has no letter');
    for (const url of [
      `/api/citizens/${citizenId}`,
      `/api/cases/${c.id}`,
      `/api/cases/${c.id}/documents/${doc.id}`,
      `/api/cases/${c.id}/documents/${doc.id}/letter`,
      '/api/citizens/00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await caseworker.get(url);
      expect([url, res.statusCode < 500, res.headers['cache-control']]).toEqual([url, true, 'no-store']);
    }
    const pdf = await caseworker.get(`/api/cases/${c.id}/documents/${doc.id}`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('is no-store on the session answers, and absent from the public catalogue without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).headers['cache-control']).toBe('no-store');
    const pub = await app.inject({ method: 'GET', url: '/api/public/catalogue/offers?municipality=760' });
    expect(pub.headers['cache-control']).toBeUndefined();
  });
});
