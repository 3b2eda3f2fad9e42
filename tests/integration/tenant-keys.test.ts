import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../src/rules/cases/case-state-machine.ts';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { authService } from '../../src/server/modules/auth/index.ts';
import { SYSTEM_CHAIN_ID } from '../../src/server/platform/audit/audit-chain.ts';
import type { AdminTx, Database } from '../../src/server/platform/db/database.ts';
import { startJobQueue } from '../../src/server/platform/jobs/job-queue.ts';
import { inPublic } from '../../src/server/platform/tx.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The tenant keys, read from the catalogue so a new table cannot forget them (docs/SCALING.md): every table is either
 * tenant data (a municipality_id column) or named below as shared. Tenant data is under row-level security, keyed by
 * (municipality_id, …) in its primary key, every unique constraint and index, and every foreign key to other tenant
 * data; no policy holds a subquery (Citus refuses those). Then the database itself, not row-level security, refuses a
 * row that points at another municipality's row.
 */

/** Tables that are not tenant data, and why. A new one belongs here only with a reason (and a line in SCALING.md). */
const SHARED_TABLES: Record<string, string> = {
  municipality: 'the tenants themselves (a reference table under Citus)',
  ffb_code: 'KL’s national FFB code list (reference table)',
  ffb_code_system: 'the imported FFB version (reference table)',
  schema_migration: 'the migration ledger of this database',
  seed_state: 'a fingerprint per demo seed of this installation, so a start skips unchanged seeds (migration 0037)',
  rate_limit: 'counts requests per client address before anyone, so any municipality, is known (issue 10; unlogged)',
};

/** Schemas besides public, and why they hold no tenant data. A new one belongs here only with a reason. */
const SHARED_SCHEMAS: Record<string, string> = {
  pgboss:
    'pg-boss’s job queue (jobs, schedules, its version): platform work; a job carries no personal data and runs per municipality inside that tenant’s transaction',
};

const RANDERS = stableUuid('municipality:730');
const RKSK = stableUuid('municipality:760');
const NORDDJURS = stableUuid('municipality:707');

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const catalogue = <R>(text: string, params: unknown[] = []) => database.adminTransaction((tx) => tx.query<R>(text, params));

async function tenantTables(): Promise<string[]> {
  const rows = await catalogue<{ name: string }>(
    `select c.relname as name from pg_class c
     join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return rows.map((r) => r.name);
}

describe(`tenant keys in the catalogue on ${TEST_DB}`, () => {
  it('knows every table: tenant data (municipality_id) or a shared table named with its reason', async () => {
    const tables = await catalogue<{ name: string; tenant: boolean }>(
      `select c.relname as name,
              exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped) as tenant
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    expect(tables.filter((t) => t.tenant).length).toBeGreaterThanOrEqual(26);
    const unexplained = tables.filter((t) => !t.tenant && !(t.name in SHARED_TABLES)).map((t) => t.name);
    expect(unexplained, 'a table without municipality_id must be named in SHARED_TABLES with its reason').toEqual([]);
    const shared = tables.filter((t) => !t.tenant).map((t) => t.name);
    expect(shared.sort()).toEqual(Object.keys(SHARED_TABLES).sort());
  });

  it('knows every schema: public, or a shared schema named with its reason (pg-boss’s own)', async () => {
    // The app starts the job queue, which creates its schema; start it here as the app does.
    const queue = await startJobQueue(database, []);
    await queue.stop();
    const schemas = await catalogue<{ name: string }>(
      `select nspname as name from pg_namespace
       where nspname not like 'pg\\_%' and nspname not in ('public', 'information_schema') order by 1`,
    );
    expect(schemas.map((s) => s.name)).toEqual(Object.keys(SHARED_SCHEMAS).sort());
  });

  it('has municipality_id NOT NULL and row-level security with a tenant policy on every tenant table', async () => {
    const rows = await catalogue<{ name: string; rls: boolean; not_null: boolean; tenant_policies: number }>(
      `select c.relname as name, c.relrowsecurity as rls, a.attnotnull as not_null,
              (select count(*) from pg_policies p
               where p.schemaname = 'public' and p.tablename = c.relname
                 and (p.qual like '%municipality_id = app_current_municipality()%'
                      or p.with_check like '%municipality_id = app_current_municipality()%'))::int as tenant_policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped
       where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    expect(rows.length).toBe((await tenantTables()).length);
    const wrong = rows.filter((r) => !r.rls || !r.not_null || r.tenant_policies === 0);
    expect(wrong, 'enable row level security and add a tenant_isolation policy; municipality_id not null').toEqual([]);
  });

  it('has no subquery in any row-level security policy (Citus refuses them)', async () => {
    const policies = await catalogue<{ table: string; policy: string; qual: string | null; with_check: string | null }>(
      `select tablename as table, policyname as policy, qual, with_check from pg_policies where schemaname = 'public'`,
    );
    expect(policies.length).toBeGreaterThan(26);
    const withSubquery = policies.filter((p) => /\bselect\b/i.test(`${p.qual ?? ''} ${p.with_check ?? ''}`));
    expect(withSubquery).toEqual([]);
  });

  it('leads every tenant table’s primary key with municipality_id', async () => {
    const keys = await catalogue<{ table: string; columns: string[] | null }>(
      `select c.relname as table,
              (select array_agg(a.attname::text order by k.ord) from pg_constraint p
               cross join lateral unnest(p.conkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.attnum
               where p.conrelid = c.oid and p.contype = 'p') as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id')
       order by 1`,
    );
    expect(keys.length).toBe((await tenantTables()).length);
    const wrong = keys.filter((k) => k.columns?.[0] !== 'municipality_id' || k.columns.length < 2);
    expect(wrong, 'primary key (municipality_id, id)').toEqual([]);
  });

  it('makes every foreign key between tenant tables composite: municipality_id to municipality_id', async () => {
    const fks = await catalogue<{ table: string; name: string; pairs: string[] }>(
      `select c.conrelid::regclass::text as table, c.conname as name,
              array_agg(fa.attname::text || '->' || ta.attname::text order by k.ord) as pairs
       from pg_constraint c
       join pg_namespace n on n.oid = c.connamespace
       cross join lateral unnest(c.conkey, c.confkey) with ordinality k(fk_att, ref_att, ord)
       join pg_attribute fa on fa.attrelid = c.conrelid and fa.attnum = k.fk_att
       join pg_attribute ta on ta.attrelid = c.confrelid and ta.attnum = k.ref_att
       where n.nspname = 'public' and c.contype = 'f'
         and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'municipality_id')
         and exists (select 1 from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'municipality_id')
       group by 1, 2 order by 1, 2`,
    );
    // 43 when the keys were made (migration 0012); more as tables are added.
    expect(fks.length).toBeGreaterThanOrEqual(43);
    const wrong = fks.filter((fk) => !fk.pairs.includes('municipality_id->municipality_id'));
    expect(wrong, '(municipality_id, x_id) references x (municipality_id, id)').toEqual([]);
  });

  it('leads every tenant row to an existing municipality: by its own key to municipality, or by a NOT NULL composite key to a parent that does (ADR 0006)', async () => {
    const keys = await catalogue<{ table: string; parent: string; not_null: boolean }>(
      `select c.conrelid::regclass::text as table, c.confrelid::regclass::text as parent,
              bool_and(a.attnotnull) as not_null
       from pg_constraint c
       join pg_namespace n on n.oid = c.connamespace
       cross join lateral unnest(c.conkey) k(attnum)
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
       where n.nspname = 'public' and c.contype = 'f'
         and exists (select 1 from pg_attribute m where m.attrelid = c.conrelid and m.attname = 'municipality_id'
                     and m.attnum = any (c.conkey))
       group by c.oid, 1, 2`,
    );
    const tables = await tenantTables();
    // A row's municipality exists if its table keys municipality_id to municipality, or if it must have a parent
    // (every column of the key NOT NULL) in a table whose rows' municipality exists: a fixpoint over the keys.
    const grounded = new Set(keys.filter((k) => k.parent === 'municipality' && k.not_null).map((k) => k.table));
    for (let changed = true; changed; ) {
      changed = false;
      for (const k of keys) {
        if (!grounded.has(k.table) && k.not_null && grounded.has(k.parent)) {
          grounded.add(k.table);
          changed = true;
        }
      }
    }
    expect(tables.filter((t) => !grounded.has(t))).toEqual([]);
    // The roots keep their own key (ADR 0006 takes it only from rows under a case).
    for (const root of ['citizen', 'app_user', 'org_unit', 'offer', 'audit_log'])
      expect(keys.some((k) => k.table === root && k.parent === 'municipality')).toBe(true);
  });

  it('includes municipality_id in every unique constraint and unique index of tenant data', async () => {
    const unique = await catalogue<{ table: string; index: string; definition: string; has_tenant: boolean }>(
      `select c.relname as table, i.relname as index, pg_get_indexdef(x.indexrelid) as definition,
              exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'municipality_id' and a.attnum = any (x.indkey)) as has_tenant
       from pg_index x
       join pg_class c on c.oid = x.indrelid
       join pg_class i on i.oid = x.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and x.indisunique
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id')
       order by 1, 2`,
    );
    // 26 primary keys and 13 unique constraints or indexes when the keys were made (migration 0012).
    expect(unique.length).toBeGreaterThanOrEqual(39);
    expect(unique.filter((u) => !u.has_tenant)).toEqual([]);
  });

  it('keeps an OIDC subject unique per municipality; one found in two municipalities logs in nowhere', async () => {
    const subject = 'shared-subject-in-two-municipalities';
    const settings = { secret: 'tenant-keys-test-secret', maxHours: 8, idleMinutes: 30 };
    const meta = { requestId: 'tenant-keys-oidc', method: 'oidc' as const, settings };
    await catalogue(`insert into app_user (municipality_id, name, role, oidc_subject) values ($1, 'A', 'caseworker', $2)`, [
      RKSK,
      subject,
    ]);
    expect((await authService.oidcLogin(database, subject, meta))?.actor.municipalityId).toBe(RKSK);
    await expect(
      catalogue(`insert into app_user (municipality_id, name, role, oidc_subject) values ($1, 'A2', 'caseworker', $2)`, [
        RKSK,
        subject,
      ]),
    ).rejects.toThrow(/app_user_municipality_id_oidc_subject_key/);
    await catalogue(`insert into app_user (municipality_id, name, role, oidc_subject) values ($1, 'B', 'caseworker', $2)`, [
      NORDDJURS,
      subject,
    ]);
    expect(await authService.oidcLogin(database, subject, meta)).toBeNull();
    const failed = await catalogue<{ municipality_id: string; record_id: string }>(
      `select municipality_id, record_id from audit_log where request_id = $1 and action = 'login_failed'`,
      [meta.requestId],
    );
    expect(failed).toEqual([{ municipality_id: SYSTEM_CHAIN_ID, record_id: subject }]);
  });

  it('keeps the system chain’s municipality out of public reads', async () => {
    const visible = await inPublic(database, (tx) => tx.selectFrom('municipality').select(['id', 'code']).execute());
    expect(visible.length).toBeGreaterThanOrEqual(3);
    expect(visible.map((m) => m.id)).not.toContain(SYSTEM_CHAIN_ID);
    const system = await catalogue<{ is_system: boolean }>('select is_system from municipality where id = $1', [SYSTEM_CHAIN_ID]);
    expect(system).toEqual([{ is_system: true }]);
  });
});

/** A citizen, unit, user, case and service-description version of a municipality, read as the owner. */
async function rowsOf(tx: AdminTx, municipalityId: string) {
  const one = async (text: string) => {
    const [row] = await tx.query<{ id: string }>(text, [municipalityId]);
    if (!row) throw new Error(`nothing for ${text}`);
    return row.id;
  };
  return {
    citizen: await one('select id from citizen where municipality_id = $1 order by cpr limit 1'),
    unit: await one('select id from org_unit where municipality_id = $1 order by name limit 1'),
    user: await one(`select id from app_user where municipality_id = $1 and role = 'caseworker' order by name limit 1`),
    description: await one('select id from service_description where municipality_id = $1 order by key limit 1'),
  };
}
type Rows = Awaited<ReturnType<typeof rowsOf>>;

describe(`the schema and the rules agree on ${TEST_DB}`, () => {
  // Issue 11: the check still allowed 'reconsideration' and 'forwarded' from before the complaint track, and a case
  // stored in either answered 500. The check and the state machine must list the same statuses.
  it('allows in case_file.status exactly the statuses of the case state machine', async () => {
    const [row] = await catalogue<{ def: string }>(
      `select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'case_file_status_check'`,
    );
    const allowed = [...(row?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...CASE_STATUSES].sort());
  });
});

describe(`a row pointing at another municipality’s row, on ${TEST_DB}`, () => {
  /**
   * Each insert is written as the owner, whom row-level security does not restrict: only the composite foreign key
   * can refuse it. The same insert pointing at its own municipality's row succeeds, so the key is what refuses it.
   */
  const cases: [string, string, (m: string, own: Rows, other: Rows) => [string, unknown[]]][] = [
    [
      'a case for another municipality’s citizen',
      'case_file_citizen_id_fkey',
      (m, _own, other) => [
        `insert into case_file (municipality_id, citizen_id, status, title, opened_on) values ($1, $2, 'request_received', 'x', date '2026-11-01')`,
        [m, other.citizen],
      ],
    ],
    [
      'a case handled by another municipality’s caseworker',
      'case_file_caseworker_id_fkey',
      (m, own, other) => [
        `insert into case_file (municipality_id, citizen_id, caseworker_id, status, title, opened_on) values ($1, $2, $3, 'request_received', 'x', date '2026-11-01')`,
        [m, own.citizen, other.user],
      ],
    ],
    [
      'a unit under another municipality’s unit',
      'org_unit_parent_id_fkey',
      (m, _own, other) => [
        `insert into org_unit (municipality_id, parent_id, kind, name) values ($1, $2, 'department', 'x')`,
        [m, other.unit],
      ],
    ],
    [
      'a user bound to another municipality’s citizen',
      'app_user_citizen_id_fkey',
      (m, _own, other) => [
        `insert into app_user (municipality_id, name, role, citizen_id) values ($1, 'x', 'citizen', $2)`,
        [m, other.citizen],
      ],
    ],
    [
      'provider staff bound to another municipality’s offer unit',
      'app_user_offer_unit_id_fkey',
      (m, own, other) => [
        `insert into app_user_offer (municipality_id, user_id, unit_id) values ($1, $2, $3)`,
        [m, own.user, other.unit],
      ],
    ],
    [
      'a version of another municipality’s service description',
      'service_description_version_service_description_id_fkey',
      (m, _own, other) => [
        `insert into service_description_version (municipality_id, service_description_id, number, status, content) values ($1, $2, 99, 'draft', '{}'::jsonb)`,
        [m, other.description],
      ],
    ],
    [
      'an offer at another municipality’s unit',
      'offer_org_unit_id_fkey',
      (m, _own, other) => [
        `insert into offer (municipality_id, org_unit_id, key, name, owner, legal_bases, content, source) values ($1, $2, 'x-' || md5(random()::text), 'x', 'own', array['SEL § 85'], '{}'::jsonb, 'test')`,
        [m, other.unit],
      ],
    ],
  ];

  it.each(cases)('refuses %s (%s)', async (_label, constraint, build) => {
    const [own, other] = await database.adminTransaction(async (tx) => [await rowsOf(tx, RKSK), await rowsOf(tx, NORDDJURS)]);
    if (!own || !other) throw new Error('no rows');
    const [crossSql, crossParams] = build(RKSK, own, other);
    const error = await database
      .adminTransaction((tx) => tx.query(crossSql, crossParams))
      .then(
        () => null,
        (e: unknown) => e as { code?: string; message?: string },
      );
    expect(error?.code).toBe('23503');
    expect(error?.message).toContain(constraint);

    const [ownSql, ownParams] = build(RKSK, own, own);
    await expect(database.adminTransaction((tx) => tx.query(ownSql, ownParams))).resolves.toBeDefined();
  });

  it('refuses a case row of one municipality on another municipality’s case (request, deadline, journal)', async () => {
    const caseId = stableUuid('tenant-keys:case');
    await database.adminTransaction(async (tx) => {
      const rksk = await rowsOf(tx, RKSK);
      await tx.query(
        `insert into case_file (id, municipality_id, citizen_id, status, title, opened_on) values ($1, $2, $3, 'request_received', 'x', date '2026-11-01')`,
        [caseId, RKSK, rksk.citizen],
      );
    });
    const attempts: [string, string, unknown[]][] = [
      [
        'case_request_case_id_fkey',
        `insert into case_request (municipality_id, case_id, channel, received_on, requested_by, what) values ($1, $2, 'letter', date '2026-11-01', 'citizen', 'x')`,
        [RANDERS, caseId],
      ],
      [
        'case_deadline_case_id_fkey',
        `insert into case_deadline (municipality_id, case_id, kind, from_date, due_date, ends_at_time, rule_version, source) values ($1, $2, 'receipt', date '2026-11-01', date '2026-11-08', '23:59', 'v', 's')`,
        [RANDERS, caseId],
      ],
      [
        'case_event_case_id_fkey',
        `insert into case_event (municipality_id, case_id, kind, subject) values ($1, $2, 'note', 'x')`,
        [RANDERS, caseId],
      ],
    ];
    for (const [constraint, text, params] of attempts) {
      const error = await database
        .adminTransaction((tx) => tx.query(text, params))
        .then(
          () => null,
          (e: unknown) => e as { code?: string; message?: string },
        );
      expect(error?.code, constraint).toBe('23503');
      expect(error?.message).toContain(constraint);
    }
    // A municipality that does not exist is refused by the same composite keys (ADR 0006: these tables have no key
    // of their own to municipality).
    for (const [constraint, text, params] of attempts) {
      const error = await database
        .adminTransaction((tx) => tx.query(text, [stableUuid('tenant-keys:no-such-municipality'), ...params.slice(1)]))
        .then(
          () => null,
          (e: unknown) => e as { code?: string; message?: string },
        );
      expect(error?.code, constraint).toBe('23503');
      expect(error?.message).toContain(constraint);
    }
    // The same rows in the case's own municipality are accepted.
    for (const [, text, params] of attempts) {
      await database.adminTransaction((tx) => tx.query(text, [RKSK, ...params.slice(1)]));
    }
    const n = await database.db
      .selectFrom('case_event')
      .select(sql<number>`count(*)`.as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });
});
