import type { Bundle, Condition } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import {
  buildReports,
  capture,
  deliverMunicipality,
  type SnapshotSource,
  sendDue,
} from '../../src/server/modules/ffb-reporting/ffb-delivery.service.ts';
import type { FfbCitizenSnapshot } from '../../src/server/modules/ffb-reporting/ffb-snapshot.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { startJobQueue } from '../../src/server/platform/jobs/job-queue.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { DeliveryDetail, DeliveryItem, ReportingSettingsView } from '../../src/shared/ffb-reporting/ffb-reporting.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { borgeAfterAppropriation } from '../support/ffb-fixtures.ts';
import { loginAs, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';
import { startTestGateway, type TestGateway } from '../support/test-gateway.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let admin: Session;
let gateway: TestGateway;
let municipalityId: string;
let citizenId: string;
/** That citizen's CPR: the tests above report it from their own source (one of them with a substitute number). */
let citizenCpr: string;

const day = (d: string, time = '10:00') => new Date(`${d}T${time}:00+02:00`);
const fixed = (d: Date) => () => d;

/** The snapshot source the tests control: Børge's data on one of the demo citizens. */
let current: FfbCitizenSnapshot[] = [];
const source: SnapshotSource = async () => current;

async function settings(patch: Record<string, unknown>) {
  const s = (await admin.get('/api/ffb-reporting/settings')).json() as ReportingSettingsView;
  const res = await admin.send('PUT', '/api/ffb-reporting/settings', {
    version: s.version,
    organisationCode: s.organisationCode ?? 'd4e3f4fb-6761-4d6c-9086-74c49231f11e',
    gatewayUrl: s.gatewayUrl,
    enabled: s.enabled,
    caseNumberSystem: s.caseNumberSystem,
    ...patch,
  });
  expect(res.statusCode).toBe(200);
}

const deliveries = async (query = '') =>
  ((await admin.get(`/api/ffb-reporting/deliveries?pageSize=100${query}`)).json() as { items: DeliveryItem[] }).items;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  admin = await loginAs(app, 'administrator');
  gateway = await startTestGateway();
  const ids = await inSystem(database, (tx) =>
    tx
      .selectFrom('app_user as u')
      .innerJoin('citizen as c', 'c.municipality_id', 'u.municipality_id')
      .select(['u.municipality_id', 'c.id', 'c.cpr'])
      .where('u.id', '=', admin.userId)
      // Not the citizen the case journeys use (NAMED_DEMO_CITIZENS[0]): this one's data comes from the test's source.
      .where('c.cpr', '!=', NAMED_DEMO_CITIZENS[0].cpr)
      .orderBy('c.created_at')
      .executeTakeFirstOrThrow(),
  );
  municipalityId = ids.municipality_id;
  citizenId = ids.id;
  citizenCpr = ids.cpr;
  await settings({ gatewayUrl: gateway.url, organisationCode: 'd4e3f4fb-6761-4d6c-9086-74c49231f11e' });
});
afterAll(async () => {
  await app.close();
  await gateway.close();
  await database.close();
});

describe('FFB delivery: the ledger, one report per citizen and day, the gateway', () => {
  it('captures each resource once, and a new version only when its content changes', async () => {
    current = [borgeAfterAppropriation(citizenId)];
    const first = await capture(database, municipalityId, day('2026-03-02'), source);
    expect(first.changed).toBe(first.resources);
    const again = await capture(database, municipalityId, day('2026-03-02', '11:00'), source);
    expect(again.changed).toBe(0);
  });

  it('after a gap sends one report per missed day, each with that day’s state, and the gateway gets them in order', async () => {
    // 3 March: Indgå i samspil og kontakt reassessed to Let (the guide's 6th encounter).
    const changed = borgeAfterAppropriation(citizenId);
    const cond = changed.requests[0]?.gatherings[0]?.conditions[2];
    if (cond) Object.assign(cond, { severityCode: '8328ce4a-6238-4f73-bf1a-74aadb68eff8', lastAssertedOn: '2026-03-03' });
    current = [changed];
    expect((await capture(database, municipalityId, day('2026-03-03'), source)).changed).toBe(1);

    const built = await buildReports(database, municipalityId, day('2026-03-05', '00:00'), day('2026-03-05', '00:30'));
    expect(built).toEqual({ reports: 2, refused: 0 });
    const sent = await sendDue(database, municipalityId, fixed(day('2026-03-05', '00:31')));
    expect(sent).toEqual({ accepted: 2, rejected: 0, failed: 0 });

    const [d2, d3] = gateway.received.slice(-2);
    const severity = (b: Bundle | undefined) =>
      (b?.entry ?? [])
        .map((e) => e.resource as Condition)
        .find((c) => c.resourceType === 'Condition' && c.code?.coding?.[0]?.code === '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7')
        ?.severity?.coding?.[0]?.code;
    // The 2 March report carries the whole first state; the 3 March one the changed condition (and what it needs).
    expect(severity(d2)).toBe('5bdde847-2837-416b-ab63-bbff8b7aa531');
    expect(severity(d3)).toBe('8328ce4a-6238-4f73-bf1a-74aadb68eff8');
    expect(d2?.entry?.length).toBeGreaterThan(d3?.entry?.length ?? 0);
    expect(d3?.entry?.map((e) => e.resource?.resourceType).sort()).toEqual(['Condition', 'Patient']);
    // Same record, same id in both reports: the second is an update.
    const idOf = (b: Bundle | undefined) =>
      b?.entry?.find((e) => (e.resource as Condition).code?.coding?.[0]?.code === '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7')
        ?.resource?.id;
    expect(idOf(d2)).toBe(idOf(d3));

    const list = await deliveries();
    expect(list.map((d) => [d.reportDay, d.status])).toEqual(
      expect.arrayContaining([
        ['2026-03-03', 'accepted'],
        ['2026-03-02', 'accepted'],
      ]),
    );
    expect(list[0]?.guideVersion).toBe('kl.dk.fhir.ffbreporting#1.0.0');
    expect(list[0]?.ffbVersion).toBe('20240530');
  });

  it('records a failure, retries it later, and records the gateway’s rejection with its codes', async () => {
    const changed = borgeAfterAppropriation(citizenId);
    if (changed.requests[0]?.carePlans[0]) changed.requests[0].carePlans[0].followUpOn = '2026-06-01';
    current = [changed];
    await capture(database, municipalityId, day('2026-03-06'), source);
    await buildReports(database, municipalityId, day('2026-03-07', '00:00'), day('2026-03-07', '00:30'));
    gateway.mode = 'fail';
    expect(await sendDue(database, municipalityId, fixed(day('2026-03-07', '00:31')))).toEqual({
      accepted: 0,
      rejected: 0,
      failed: 1,
    });
    // Not due yet: a minute later the retry waits.
    expect(await sendDue(database, municipalityId, fixed(day('2026-03-07', '00:31')))).toEqual({
      accepted: 0,
      rejected: 0,
      failed: 0,
    });
    gateway.mode = 'accept';
    expect(await sendDue(database, municipalityId, fixed(day('2026-03-07', '00:40')))).toEqual({
      accepted: 1,
      rejected: 0,
      failed: 0,
    });
    const item = (await deliveries('&day=2026-03-06'))[0];
    const detail = (await admin.get(`/api/ffb-reporting/deliveries/${item?.id}`)).json() as DeliveryDetail;
    expect(detail.history.map((h) => [h.outcome, h.httpStatus])).toEqual([
      ['failed', 503],
      ['accepted', 201],
    ]);
    expect(detail.attempts).toBe(2);

    // Resending by hand: the gateway now rejects, and its codes are kept.
    gateway.mode = 'reject';
    const resend = await admin.send('POST', `/api/ffb-reporting/deliveries/${item?.id}/resend`);
    expect(resend.json()).toMatchObject({ outcome: 'rejected', httpStatus: 422, codes: ['GW-CPR-001'] });
    const after = (await admin.get(`/api/ffb-reporting/deliveries/${item?.id}`)).json() as DeliveryDetail;
    expect(after.status).toBe('rejected');
    expect(after.gatewayCodes).toEqual(['GW-CPR-001']);
    expect(after.history.at(-1)?.sentBy).toBe('Camilla Brandt');
    gateway.mode = 'accept';
  });

  it('refuses a report that breaks a rule before sending, naming the rule, and never sends it', async () => {
    const broken = borgeAfterAppropriation(citizenId, '6101814321'); // a substitute number
    current = [broken];
    await capture(database, municipalityId, day('2026-03-09'), source);
    const before = gateway.received.length;
    const r = await deliverMunicipality(database, municipalityId, {
      until: day('2026-03-10', '00:00'),
      at: fixed(day('2026-03-10', '00:30')),
      source,
    });
    expect(r.built.refused).toBe(1);
    expect(gateway.received.length).toBe(before);
    const refused = (await deliveries('&status=refused'))[0];
    expect(refused?.rules).toContain('citizen.cpr');
    const detail = (await admin.get(`/api/ffb-reporting/deliveries/${refused?.id}`)).json() as DeliveryDetail;
    expect(detail.violations.find((v) => v.rule === 'citizen.cpr')?.message.da).toMatch(/erstatningspersonnummer/);
    expect((await admin.send('POST', `/api/ffb-reporting/deliveries/${refused?.id}/resend`)).statusCode).toBe(409);
  });

  it('writes an export row to the audit log for every report sent', async () => {
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'purpose', 'citizen_id', 'actor_name'])
        .where('municipality_id', '=', municipalityId)
        .where('record_type', '=', 'ffb_delivery')
        .where('action', '=', 'export')
        .execute(),
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.purpose === 'statutory_reporting' && r.citizen_id === citizenId)).toBe(true);
    expect(rows.map((r) => r.actor_name)).toContain('FFB-indberetning (planlagt job)');
  });
});

describe('FFB reporting from the cases themselves', () => {
  it('builds the report of an assessed case and refuses it while the assessment is by theme, naming the rule', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    await caseJourney(app, caseworker).assessed({ supportNeed: 'Moderat støttebehov' });
    const run = await admin.send('POST', '/api/ffb-reporting/run');
    expect(run.statusCode).toBe(200);
    const mette = NAMED_DEMO_CITIZENS[0].cpr;
    const refused = (await deliveries('&status=refused')).find((d) => d.cpr === mette);
    // VUM themes (e.g. "Relationer") are not FFB conditions: KL wants the conditions under them.
    expect(refused?.rules).toContain('condition.code');
    // Runs the delivery of the whole demo municipality (the generator's two years of history): a background job's work.
    // The generator records FFB conditions and target groups and invents CPR numbers KL accepts, so the demo day's
    // reports validate; only the named demo citizens' substitute numbers (erstatningspersonnumre) cannot be reported.
    // (The test citizen's own refused report above — a substitute number from the test's source — is not the demo's.)
    const named = new Set<string>([...NAMED_DEMO_CITIZENS.map((c) => c.cpr), citizenCpr]);
    const page = (await admin.get('/api/ffb-reporting/deliveries?pageSize=100&status=refused')).json() as {
      items: DeliveryItem[];
      total: number;
    };
    expect(page.items.filter((d) => !named.has(d.cpr)).map((d) => `${d.cpr}: ${d.rules.join(', ')}`)).toEqual([]);
    const all = (await admin.get('/api/ffb-reporting/deliveries?pageSize=1')).json() as { total: number };
    expect(all.total - page.total).toBeGreaterThan(50);
  }, 240_000);
});

describe('FFB reporting: access and settings', () => {
  it('is for administrators only, and a stale settings version is a conflict', async () => {
    const caseworker = await loginAs(app, 'caseworker');
    expect((await caseworker.get('/api/ffb-reporting/deliveries')).statusCode).toBe(403);
    const s = (await admin.get('/api/ffb-reporting/settings')).json() as ReportingSettingsView;
    expect(s.guideVersion).toBe('kl.dk.fhir.ffbreporting#1.0.0');
    const stale = await admin.send('PUT', '/api/ffb-reporting/settings', {
      version: s.version - 1,
      organisationCode: s.organisationCode,
      gatewayUrl: s.gatewayUrl,
      enabled: true,
      caseNumberSystem: s.caseNumberSystem,
    });
    expect(stale.statusCode).toBe(409);
    const bad = await admin.send('PUT', '/api/ffb-reporting/settings', { ...s, gatewayUrl: 'ftp://x' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('gatewayUrl');
  });
});

describe('the job queue (pg-boss) on this database', () => {
  it('runs a queued job through the project’s connection', async () => {
    let ran = 0;
    const queue = await startJobQueue(
      database,
      [
        {
          name: 'test-job',
          handler: async (data) => {
            ran += Number(data.n ?? 0);
          },
        },
      ],
      { pollingIntervalSeconds: 0.5 },
    );
    try {
      await queue.send('test-job', { n: 2 });
      for (let i = 0; i < 40 && ran === 0; i++) await new Promise((r) => setTimeout(r, 250));
      expect(ran).toBe(2);
    } finally {
      await queue.stop();
    }
  });
});
