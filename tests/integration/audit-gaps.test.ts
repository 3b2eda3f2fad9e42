import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const [METTE, , JENS] = NAMED_DEMO_CITIZENS;
const RKSK = stableUuid('municipality:760');

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const rowsOf = (res: { headers: Record<string, unknown> }) =>
  inSystem(database, (tx) =>
    tx.selectFrom('audit_log').selectAll().where('request_id', '=', String(res.headers['x-request-id'])).orderBy('id').execute(),
  );

describe(`a search names the citizens it showed, on ${TEST_DB}`, () => {
  it('writes the search with its criterion and one row per citizen on the page, in one chain', async () => {
    const res = await caseworker.get('/api/citizens?q=k&pageSize=5');
    const shown = (res.json() as { items: { id: string }[] }).items.map((c) => c.id);
    expect(shown.length).toBeGreaterThan(1);
    const rows = await rowsOf(res);
    expect(rows[0]).toMatchObject({ action: 'search', criterion: 'k', citizen_id: null });
    expect(rows.slice(1).map((r) => r.citizen_id)).toEqual(shown);
    expect(rows.slice(1).every((r) => r.action === 'search' && r.criterion === 'k' && r.purpose === 'case_processing')).toBe(
      true,
    );
    // Consecutive positions, each linked to the one before.
    for (let i = 1; i < rows.length; i++) {
      expect(Number(rows[i]?.chain_seq)).toBe(Number(rows[i - 1]?.chain_seq) + 1);
      expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    }
  });

  it('shows the search in the citizen’s own access log and in the staff view of it', async () => {
    const search = await caseworker.get(`/api/citizens?q=${encodeURIComponent('Kjærsgaard')}`);
    const metteId = (search.json() as { items: { id: string }[] }).items[0]?.id ?? '';
    const mette = await loginAs(app, 'citizen', MUNICIPALITY.rksk, `${METTE.firstName} ${METTE.lastName}`);
    const own = (await mette.get('/api/me/access-log?pageSize=50')).json() as {
      items: { actions: string[]; unit: string | null; purpose: string }[];
    };
    // A visit's line names every action in it (the search may share a visit with the caseworker's other look-ups).
    expect(own.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actions: expect.arrayContaining(['search']),
          unit: 'Myndighed, Handicap og Psykiatri',
          purpose: 'case_processing',
        }),
      ]),
    );
    const admin = await loginAs(app, 'administrator');
    const staff = (await admin.get(`/api/citizens/${metteId}/access-log?pageSize=50`)).json() as {
      items: { action: string; criterion: string | null; actorRole: string }[];
    };
    expect(staff.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'search', criterion: 'Kjærsgaard', actorRole: 'caseworker' })]),
    );
  });
});

describe(`a probe by id writes a row in the prober’s municipality, on ${TEST_DB}`, () => {
  it('a citizen of another municipality: 404, and an access_denied row in the prober’s chain only', async () => {
    const randers = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    const jensId = ((await randers.get(`/api/citizens?q=${JENS.cpr}`)).json() as { items: { id: string }[] }).items[0]?.id;
    const probe = await caseworker.get(`/api/citizens/${jensId}`);
    expect(probe.statusCode).toBe(404);
    const rows = await rowsOf(probe);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      municipality_id: RKSK,
      action: 'access_denied',
      actor_user_id: caseworker.userId,
      record_type: 'route',
      record_id: 'GET /api/citizens/:id',
      details: { id: jensId, reason: 'not_found' },
      // Nothing about the other municipality's citizen leaks into the prober's log.
      citizen_id: null,
    });
  });

  it.each([
    ['a case', '/api/cases/00000000-0000-4000-8000-000000000001'],
    ['a case document', '/api/cases/00000000-0000-4000-8000-000000000001/documents/00000000-0000-4000-8000-000000000002'],
    ['a provider’s order', '/api/provider/orders/00000000-0000-4000-8000-000000000003'],
  ])('%s that is not there (or not ours): 404 and one audit row', async (_label, url) => {
    const session = url.includes('/provider/') ? await loginAs(app, 'provider_staff') : caseworker;
    const res = await session.get(url);
    expect(res.statusCode).toBe(404);
    const rows = await rowsOf(res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'access_denied', municipality_id: RKSK });
  });

  it('a refusal that was already audited is not written twice', async () => {
    const provider = await loginAs(app, 'provider_staff');
    const soerenId = (
      (await caseworker.get(`/api/citizens?q=${NAMED_DEMO_CITIZENS[1].cpr}`)).json() as { items: { id: string }[] }
    ).items[0]?.id;
    const res = await provider.get(`/api/citizens/${soerenId}`);
    expect(res.statusCode).toBe(404);
    expect(await rowsOf(res)).toHaveLength(1);
  });
});

describe(`a team leader’s purpose is one rule in every module, on ${TEST_DB}`, () => {
  it('is supervision for a citizen, a case and its letter alike', async () => {
    const journey = caseJourney(app, caseworker);
    const c = await journey.decided('granted');
    const leader = await loginAs(app, 'team_leader');
    const responses = [
      await leader.get(`/api/citizens/${c.citizen.id}`),
      await leader.get(`/api/cases/${c.id}`),
      await leader.get(`/api/cases/${c.id}/documents/${c.documents[0]?.id}`),
    ];
    for (const res of responses) expect(res.statusCode).toBe(200);
    const purposes = (await Promise.all(responses.map(rowsOf))).flat().map((r) => r.purpose);
    expect(purposes.length).toBeGreaterThanOrEqual(3);
    expect(new Set(purposes)).toEqual(new Set(['supervision']));
  });
});
