import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMigrations, migrateDatabase } from '../../src/server/db/schema.ts';
import { seedCatalogue } from '../../src/server/db/seed/catalogue-seed.ts';
import { seedDemoData } from '../../src/server/db/seed/demo-seed.ts';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { importFfb } from '../../src/server/db/seed/ffb-import.ts';
import { seedOffers } from '../../src/server/db/seed/offer-seed.ts';
import { GENESIS_HASH, hashEntry, SYSTEM_CHAIN_ID } from '../../src/server/platform/audit/audit-chain.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { migrate } from '../../src/server/platform/db/migrate.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { ProviderOrder } from '../../src/shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../src/shared/plain-date.ts';
import { caseJourney } from '../support/case-journey.ts';
import { historyId, writeHistoryAt0011 } from '../support/schema-0011-history.ts';
import { loginAs, testApp } from '../support/test-app.ts';
import { openEmptyTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * A database created before the tenant keys: migrated to 0011, loaded with the demo data and case history in every
 * tenant table and audit rows in every chain (the platform chain with a null municipality, hashed as 0011's code did),
 * then upgraded by 0012. Nothing may be lost, every chain must still verify, and the app must work on it.
 */
const TENANT_KEYS = 12;
const MUNICIPALITIES = ['730', '760', '707'].map((code) => stableUuid(`municipality:${code}`));
const RKSK = stableUuid('municipality:760');
const CASES_PER_MUNICIPALITY = 4;
const PLATFORM_EVENTS = 3;

let database: Database;
let before: Map<string, number>;
let afterTenantKeys: Map<string, number>;
let platformChainBefore: { id: number; hash: string }[];

async function rowCounts(db: Database): Promise<Map<string, number>> {
  return db.adminTransaction(async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migration' order by 1`,
    );
    const counts = new Map<string, number>();
    for (const { name } of tables) {
      const [row] = await tx.query<{ n: number }>(`select count(*) as n from ${name}`);
      counts.set(name, row?.n ?? 0);
    }
    return counts;
  });
}

/** Platform events as 0011's code wrote them: municipality null, hashed with a null municipality. */
async function writePlatformEventsAt0011(db: Database, n: number): Promise<void> {
  await db.adminTransaction(async (tx) => {
    let prev = GENESIS_HASH;
    for (let i = 0; i < n; i++) {
      const fields = {
        municipalityId: SYSTEM_CHAIN_ID, // hashed as null, exactly as before 0012
        occurredAt: new Date(Date.UTC(2026, 5, 1 + i, 8, 0, 0, 123)),
        requestId: `req-${i}`,
        actorUserId: null,
        actorName: null,
        actorRole: null,
        actorUnitId: null,
        actorUnitName: null,
        action: 'login_failed',
        purpose: 'authentication',
        citizenId: null,
        recordType: 'oidc_subject',
        recordId: `unknown-${i}`,
        criterion: null,
        details: { method: 'oidc' },
      };
      const hash = hashEntry(prev, fields);
      await tx.query(
        `insert into audit_log (municipality_id, occurred_at, request_id, action, purpose, record_type, record_id, details, prev_hash, hash)
         values (null, $1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          fields.occurredAt,
          fields.requestId,
          fields.action,
          fields.purpose,
          fields.recordType,
          fields.recordId,
          '{"method":"oidc"}',
          prev,
          hash,
        ],
      );
      prev = hash;
    }
  });
}

/** A municipality's audit entries as 0011's code wrote them (no position in the chain yet: 0018 adds chain_seq). */
async function writeTenantEventsAt0011(db: Database, municipalityId: string, n: number): Promise<void> {
  await db.adminTransaction(async (tx) => {
    // After the demo history's entries, as 0011's writer continued a chain: from its newest entry by id.
    const [last] = await tx.query<{ hash: string }>(
      'select hash from audit_log where municipality_id = $1 order by id desc limit 1',
      [municipalityId],
    );
    let prev = last?.hash ?? GENESIS_HASH;
    for (let i = 0; i < n; i++) {
      const fields = {
        municipalityId,
        occurredAt: new Date(Date.UTC(2026, 5, 1 + i, 9, 0, 0, 456)),
        requestId: `r${i}`,
        actorUserId: null,
        actorName: 'Fixture',
        actorRole: 'caseworker',
        actorUnitId: null,
        actorUnitName: null,
        action: 'read',
        purpose: 'case_processing',
        citizenId: null,
        recordType: 'case',
        recordId: `case-${i}`,
        criterion: null,
        details: null,
      };
      const hash = hashEntry(prev, fields);
      await tx.query(
        `insert into audit_log (municipality_id, occurred_at, request_id, actor_name, actor_role, action, purpose, record_type, record_id, prev_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          municipalityId,
          fields.occurredAt,
          fields.requestId,
          fields.actorName,
          fields.actorRole,
          fields.action,
          fields.purpose,
          fields.recordType,
          fields.recordId,
          prev,
          hash,
        ],
      );
      prev = hash;
    }
  });
}

beforeAll(async () => {
  database = await openEmptyTestDatabase();
  const migrations = appMigrations();
  await migrate(
    database,
    migrations.filter((m) => m.version < TENANT_KEYS),
  );
  // The demo data as the seeds load it today (they still fit 0011).
  await importFfb(database);
  await seedDemoData(database, process.env.DEMO_TODAY as PlainDate);
  await seedCatalogue(database);
  await seedOffers(database);
  await database.adminTransaction(async (tx) => {
    for (const m of MUNICIPALITIES) await writeHistoryAt0011(tx, m, CASES_PER_MUNICIPALITY);
  });
  for (const m of MUNICIPALITIES) await writeTenantEventsAt0011(database, m, 3);
  await writePlatformEventsAt0011(database, PLATFORM_EVENTS);
  platformChainBefore = await database.adminTransaction((tx) =>
    tx.query<{ id: number; hash: string }>('select id, hash from audit_log where municipality_id is null order by id'),
  );
  before = await rowCounts(database);

  await migrate(
    database,
    migrations.filter((m) => m.version <= TENANT_KEYS),
  );
  afterTenantKeys = await rowCounts(database);
  await migrateDatabase(database); // and whatever came after
}, 120_000);
afterAll(async () => database?.close());

describe(`migration 0012 (tenant keys) on a database created at 0011, on ${TEST_DB}`, () => {
  it('started from a database with rows in every tenant table', async () => {
    const tenantTables = await database.adminTransaction((tx) =>
      tx.query<{ name: string }>(
        `select distinct table_name as name from information_schema.columns
         where table_schema = 'public' and column_name = 'municipality_id'`,
      ),
    );
    const at0011 = tenantTables.map((t) => t.name).filter((name) => before.has(name));
    expect(at0011.length).toBeGreaterThanOrEqual(25);
    for (const name of at0011) expect(before.get(name), name).toBeGreaterThan(0);
  });

  it('keeps every row: the same count in every table, and one more municipality (the system chain’s row)', () => {
    for (const [name, n] of before) {
      expect(afterTenantKeys.get(name), name).toBe(name === 'municipality' ? n + 1 : n);
    }
  });

  it('moves the platform events to the system chain, unchanged, and every chain still verifies', async () => {
    const moved = await database.adminTransaction((tx) =>
      tx.query<{ id: number; hash: string }>('select id, hash from audit_log where municipality_id = $1 order by id', [
        SYSTEM_CHAIN_ID,
      ]),
    );
    expect(moved.slice(0, PLATFORM_EVENTS)).toEqual(platformChainBefore);
    const result = await verifyAuditChain(database);
    expect(result).toMatchObject({ ok: true, entries: before.get('audit_log'), chains: MUNICIPALITIES.length + 1, findings: [] });
  });

  it('serves the old cases and runs the case flow and follow-up on the upgraded database', async () => {
    const app = await testApp(database);
    try {
      const caseworker = await loginAs(app, 'caseworker');
      const provider = await loginAs(app, 'provider_staff');
      // A case and an order written at 0011.
      const oldCaseId = historyId(RKSK, 'case', 1);
      const oldCase = await caseworker.get(`/api/cases/${oldCaseId}`);
      expect(oldCase.statusCode).toBe(200);
      expect((oldCase.json() as CaseDetail).status).toBe('ordered');
      const oldOrderId = historyId(RKSK, 'order', 1);
      const oldOrder = await provider.get(`/api/provider/orders/${oldOrderId}`);
      expect(oldOrder.statusCode).toBe(200);
      expect((oldOrder.json() as ProviderOrder).goals).toHaveLength(1);

      // A new case through to an accepted order, and hours registered twice for one week (the upsert's new key).
      const o = await caseJourney(app, caseworker).ordered({
        decision: { decidedOn: '2026-10-01', startDate: '2026-10-05' },
        orderedOn: '2026-10-01',
      });
      const view = (await provider.get(`/api/provider/orders/${o.orderId}`)).json() as ProviderOrder;
      const accept = await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, {
        version: view.version,
        startDate: '2026-10-05',
      });
      expect(accept.statusCode).toBe(204);
      for (const hours of [2, 3.5]) {
        const put = await provider.send('PUT', `/api/provider/orders/${o.orderId}/hours`, { weekStart: '2026-10-12', hours });
        expect(put.statusCode).toBe(204);
      }
      const hours = await database.adminTransaction((tx) =>
        tx.query<{ hours: string }>('select hours from delivered_hours where order_id = $1', [o.orderId]),
      );
      expect(hours).toEqual([{ hours: '3.50' }]);
    } finally {
      await app.close();
    }
  });

  it('writes a failed log-in after the upgrade to the system chain, which still verifies', async () => {
    const app = await testApp(database);
    try {
      const me = await app.inject({ method: 'GET', url: '/api/auth/me' });
      const csrf = (me.json() as { csrfToken: string }).csrfToken;
      const bad = await app.inject({
        method: 'POST',
        url: '/api/auth/demo-login',
        payload: { userId: '00000000-0000-4000-8000-000000000001' },
        headers: { 'x-csrf-token': csrf },
        cookies: { vt_csrf: csrf },
      });
      expect(bad.statusCode).toBe(401);
      const [row] = await database.adminTransaction((tx) =>
        tx.query<{ municipality_id: string; prev_hash: string }>(
          'select municipality_id, prev_hash from audit_log where request_id = $1',
          [String(bad.headers['x-request-id'])],
        ),
      );
      expect(row?.municipality_id).toBe(SYSTEM_CHAIN_ID);
      expect(row?.prev_hash).toBe(platformChainBefore.at(-1)?.hash);
      expect((await verifyAuditChain(database)).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});
