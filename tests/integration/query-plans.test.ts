import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../src/rules/cases/case-state-machine.ts';
import { MUNICIPALITY_DEADLINE_KINDS } from '../../src/rules/deadlines/deadline-duty.ts';
import type { DB } from '../../src/server/db/database.types.ts';
import { stableUuid } from '../../src/server/db/seed/deterministic.ts';
import { agreementsRepository } from '../../src/server/modules/agreements/agreements.repository.ts';
import { dashboardsRepository } from '../../src/server/modules/agreements/dashboards.repository.ts';
import {
  caseFileRepository,
  type WorklistFilter,
  type WorklistOrder,
} from '../../src/server/modules/case-file/case-file.repository.ts';
import { caseImport } from '../../src/server/modules/case-file/case-import.repository.ts';
import { citizenImport } from '../../src/server/modules/citizens/citizen-import.repository.ts';
import { type CitizenCriterion, citizensRepository } from '../../src/server/modules/citizens/citizens.repository.ts';
import { decisionApprovalsRepository } from '../../src/server/modules/decisions/decision-approvals.repository.ts';
import { decisionsRepository } from '../../src/server/modules/decisions/decisions.repository.ts';
import { followUpRepository } from '../../src/server/modules/follow-up/follow-up.repository.ts';
import { shelterRepository } from '../../src/server/modules/shelter/shelter.repository.ts';
import { tasksRepository } from '../../src/server/modules/tasks/tasks.repository.ts';
import { usersRepository } from '../../src/server/modules/users/users.repository.ts';
import { auditRepository } from '../../src/server/platform/audit/audit.repository.ts';
import { SYSTEM_CHAIN_ID } from '../../src/server/platform/audit/audit-chain.ts';
import { identityRepository } from '../../src/server/platform/auth/identity.repository.ts';
import { sessionRepository } from '../../src/server/platform/auth/session.repository.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inPublic, inSystem, inTenant, type Tx } from '../../src/server/platform/tx.ts';
import { writeHistoryAt0011 } from '../support/schema-0011-history.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

const RKSK = stableUuid('municipality:760');
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  // A municipality-sized population with many distinct names, and fresh statistics, so the planner's choice
  // reflects production rather than the 60 demo citizens.
  await database.adminTransaction(async (tx) => {
    await tx.query(
      `insert into citizen (municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name)
       select $1, lpad((6101000000 + g)::text, 10, '0'), true, date '1930-01-01' + (g * 7) % 30000,
              'fornavn' || g, 'efternavn' || g
       from generate_series(1, 5000) g`,
      [RKSK],
    );
    // Staff as a large municipality has them: with only the demo's hundred users on two pages, any index on
    // municipality_id costs the same as the keys, and the planner's pick between them says nothing.
    await tx.query(
      `insert into app_user (municipality_id, name, role)
       select $1, 'medarbejder ' || g, 'caseworker' from generate_series(1, 1000) g`,
      [RKSK],
    );
    // Case history (cases through orders, goals and follow-ups) so the by-id plans below face real statistics.
    await writeHistoryAt0011(tx, RKSK, 300);
    // Staff of a large municipality, each with a live session: the session look-up and the demo log-in's users
    // face a table where a full index scan costs what it would in production.
    await tx.query(
      `insert into app_user (municipality_id, name, role)
       select $1, 'medarbejder ' || g, 'caseworker' from generate_series(1, 2000) g`,
      [RKSK],
    );
    await tx.query(
      `insert into app_session (municipality_id, id, user_id, expires_at)
       select municipality_id, encode(sha256(convert_to(id::text, 'UTF8')), 'hex'), id, now() + interval '8 hours'
       from app_user where municipality_id = $1`,
      [RKSK],
    );
    await tx.exec('analyze');
  });
});
afterAll(async () => database.close());

/**
 * Every query uses an index we can name. The demo data is small enough that the planner would rightly scan,
 * so seq scans are priced out: if the index could not serve the query (as LIKE could not under row-level
 * security, see migration 0002) the plan would still show a Seq Scan.
 */
async function planOf(criterion: CitizenCriterion): Promise<string> {
  return inTenant(database, RKSK, async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const compiled = citizensRepository.searchQuery(tx, criterion).compile();
    const r = await tx.executeQuery<Record<string, string>>({
      ...compiled,
      sql: `explain ${compiled.sql}`,
    });
    return r.rows.map((row) => Object.values(row)[0]).join('\n');
  });
}

/** Rows [label, what, indexes] as [label, 'index, index', what, indexes]: a test's name says the indexes it checks. */
function named<const R extends readonly (readonly [string, unknown, readonly string[]])[]>(rows: R) {
  type Row = R[number];
  return rows.map(([label, what, indexes]) => [label, indexes.join(', '), what, indexes] as [string, string, Row[1], Row[2]]);
}

describe(`query plans under row-level security on ${TEST_DB}`, () => {
  it.each(
    named([
      ['a name token', { kind: 'name', tokens: ['kjær'] }, ['citizen_search_first_name_idx', 'citizen_search_last_name_idx']],
      ['two name tokens', { kind: 'name', tokens: ['mette', 'kjær'] }, ['citizen_search_last_name_idx']],
      ['a CPR number', { kind: 'cpr', cpr: '7403851234' }, ['citizen_municipality_id_cpr_key']],
      ["a substitute number's start", { kind: 'cprPrefix', ddmmyy: '740385' }, ['citizen_municipality_id_cpr_key']],
      // 14.03.1985, 14031985 or 140385 as typed: one or two dates, real and substitute numbers alike.
      ['a birth date', { kind: 'birth', dates: ['1985-03-14'] }, ['citizen_birth_date_idx']],
      ['a birth date in either century', { kind: 'birth', dates: ['1919-03-14', '2019-03-14'] }, ['citizen_birth_date_idx']],
      ['a name typed without æøå', { kind: 'name', tokens: ['kjaersgaard'] }, ['citizen_search_last_name_idx']],
    ] as const),
  )('searching by %s uses %s', async (_label, _names, criterion, indexes) => {
    const plan = await planOf(criterion as CitizenCriterion);
    expect(plan).not.toContain('Seq Scan');
    for (const index of indexes) expect(plan).toContain(index);
  });
});

/**
 * The follow-up and case queries, exactly as the repositories build them: a plugin captures each query a
 * repository function runs, and each is explained with sequential scans priced out. A Seq Scan left in a plan
 * means no index could serve it (bench/provider-orders.bench.ts found one such: statuses read by order).
 */
async function plansOf(run: (tx: Tx) => Promise<unknown>, as: 'tenant' | 'system' | 'public' = 'tenant'): Promise<string[]> {
  const scope = (fn: (tx: Tx) => Promise<string[]>) =>
    as === 'tenant' ? inTenant(database, RKSK, fn) : as === 'system' ? inSystem(database, fn) : inPublic(database, fn);
  return scope(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const captured: import('kysely').CompiledQuery[] = [];
    const capturing = tx.withPlugin({
      transformQuery: (args) => {
        captured.push(tx.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    await run(capturing as typeof tx);
    const plans: string[] = [];
    for (const q of captured) {
      const r = await tx.executeQuery<Record<string, string>>({ ...q, sql: `explain ${q.sql}` });
      plans.push(r.rows.map((row) => Object.values(row)[0]).join('\n'));
    }
    return plans;
  });
}

const worklistFilter = (f: Partial<WorklistFilter>): WorklistFilter => ({
  caseworkerId: null,
  unitId: null,
  status: null,
  paragraph: null,
  due: null,
  kinds: MUNICIPALITY_DEADLINE_KINDS,
  search: null,
  ...f,
});
const worklistOrder: WorklistOrder = { sort: 'deadline', dir: 'asc', statusOrder: CASE_STATUSES };

describe(`follow-up and case query plans on ${TEST_DB}`, () => {
  const ids = [stableUuid('plan:order:1'), stableUuid('plan:order:2')];
  const caseId = stableUuid('plan:case');
  it.each(
    named([
      [
        // "Our citizens" by name, the count capped on the offers' orders. On a provider's few orders the planner sorts
        // them; at Copenhagen's size it walks citizen_name_idx and stops after the page (docs/PERFORMANCE.md).
        'the provider’s page of orders, with its capped count',
        (tx: Tx) => followUpRepository.listForUnits(tx, ids, 'active', '2026-11-22', 20, 0),
        ['case_order_offer_status_idx'],
      ],
      ['goals of a page', (tx: Tx) => followUpRepository.goals(tx, ids), ['order_goal_municipality_id_order_id_position_key']],
      ['FKO statuses of a page', (tx: Tx) => followUpRepository.statuses(tx, ids), ['fko_status_order_idx']],
      [
        'hours of a page',
        (tx: Tx) => followUpRepository.hours(tx, ids, '2026-08-24'),
        ['delivered_hours_municipality_id_order_id_week_start_key'],
      ],
      [
        'an order’s journal',
        (tx: Tx) => followUpRepository.journal(tx, ids[0] as string, { limit: 20, offset: 40 }),
        ['order_journal_order_idx'],
      ],
      [
        'messages on a case',
        (tx: Tx) => caseFileRepository.messages(tx, { caseIds: [caseId], channel: 'provider' }),
        ['case_message_case_idx'],
      ],
      [
        'a page of a case’s follow-ups, and their number',
        async (tx: Tx) => {
          await followUpRepository.followUps(tx, caseId, { limit: 20, offset: 20 });
          await followUpRepository.countFollowUps(tx, caseId);
        },
        ['follow_up_case_idx'],
      ],
      [
        'an open complaint on a case (closing)',
        (tx: Tx) => caseFileRepository.hasOpenComplaint(tx, caseId),
        ['complaint_open_idx'],
      ],
      [
        "a team leader's decisions awaiting approval",
        (tx: Tx) => decisionApprovalsRepository.awaiting(tx, stableUuid('plan:unit'), stableUuid('plan:user'), 20, 0),
        ['decision_approval_queue_idx'],
      ],
      [
        'the decision waiting on a case',
        (tx: Tx) => decisionApprovalsRepository.pendingOfCase(tx, caseId),
        // Either of the table's case-led indexes serves it (the planners of PGlite and PostgreSQL 15 differ).
        ['using decision_approval_'],
      ],
      [
        "a case's latest proposal for approval",
        (tx: Tx) => decisionApprovalsRepository.latestOfCase(tx, caseId),
        ['decision_approval_case_idx'],
      ],
      [
        'cases by their numbers (an import checking a file)',
        (tx: Tx) => caseImport.byCaseNumber(tx, RKSK, ['SAG-1', 'SAG-2']),
        ['case_file_case_number_idx'],
      ],
      [
        'citizens by CPR number (an import checking a file)',
        (tx: Tx) => citizenImport.idsByCpr(tx, RKSK, ['0101811234', '0202821234']),
        ['citizen_municipality_id_cpr_key'],
      ],
      // The lists that were cut at 100 cases, 1,000 journal entries and 200 deadlines are paged (issue 11).
      [
        'a page of a citizen’s cases, and their number',
        (tx: Tx) => caseFileRepository.forCitizen(tx, stableUuid('plan:citizen'), 20, 20),
        ['case_file_citizen_idx'],
      ],
      [
        'a page of a case’s journal, newest first',
        (tx: Tx) => caseFileRepository.events(tx, caseId, 50, { offset: 50 }),
        ['case_event_case_idx'],
      ],
      [
        'the journal before an entry (the printed case)',
        (tx: Tx) => caseFileRepository.events(tx, caseId, 1000, { beforeId: 5000 }),
        ['case_event_case_idx'],
      ],
      ['the number of a case’s journal entries', (tx: Tx) => caseFileRepository.countEvents(tx, caseId), ['case_event_case_idx']],
      [
        'a case’s deadlines, every open one first',
        (tx: Tx) => caseFileRepository.deadlines(tx, caseId),
        ['case_deadline_case_idx'],
      ],
      [
        'a page of a case’s deadlines, and their number',
        (tx: Tx) => caseFileRepository.deadlinePage(tx, caseId, 50, 50),
        ['case_deadline_case_idx'],
      ],
      [
        'whether a case has had an order (revisitation)',
        (tx: Tx) => decisionsRepository.hasOrder(tx, caseId),
        ['case_order_case_idx'],
      ],
      [
        'a request’s session and user (one statement)',
        (tx: Tx) => identityRepository.actorBySession(tx, RKSK, 'a'.repeat(64), { idleSeconds: 1800, touchSeconds: 60 }),
        ['app_session_pkey'],
      ],
      [
        'the live sessions of a page of users',
        (tx: Tx) => sessionRepository.liveByUser(tx, RKSK, ids, 1800),
        ['app_session_user_idx'],
      ],
      [
        'users by name prefix',
        (tx: Tx) => usersRepository.page(tx, { q: 'mar', page: 1, pageSize: 20 }, 20, 0),
        ['app_user_search_name_idx'],
      ],
      [
        'running orders of a caseworker',
        (tx: Tx) => followUpRepository.runningForCaseworker(tx, caseId, '2026-11-22', 20, 0),
        ['case_file_caseworker_idx'],
      ],
      [
        'a caseworker’s work list (next deadline, decision, citizen)',
        (tx: Tx) => caseFileRepository.worklist(tx, worklistFilter({ caseworkerId: caseId }), worklistOrder, 20, 0),
        ['case_file_caseworker_idx', 'case_deadline_case_idx', 'decision_case_idx', 'citizen_pkey'],
      ],
      [
        'the team’s work list, overdue, searched by name',
        (tx: Tx) =>
          caseFileRepository.worklist(
            tx,
            worklistFilter({
              unitId: caseId,
              due: { from: null, to: '2026-11-21' },
              search: { kind: 'name', tokens: ['fornavn1'], text: 'fornavn1' },
            }),
            { ...worklistOrder, sort: 'caseworker' },
            20,
            0,
          ),
        ['app_user_unit_idx', 'case_file_caseworker_idx', 'case_deadline_case_idx'],
      ],
      [
        // Each case's first open deadline joined, not computed per case (issue 11). Which deadline index leads depends on
        // the team's size (case_deadline_duty_idx in due order for a large team), so only the team's indexes are named.
        'the team’s work list by next deadline, with its capped count',
        (tx: Tx) => caseFileRepository.worklist(tx, worklistFilter({ unitId: caseId }), worklistOrder, 20, 0),
        ['app_user_unit_idx', 'case_file_caseworker_idx'],
      ],
      [
        'running orders of the whole municipality, by next follow-up (a team leader’s alerts, issue 11)',
        (tx: Tx) => followUpRepository.runningForCaseworker(tx, null, '2026-11-22', 20, 0),
        ['case_order_running_open_idx', 'case_order_running_ends_idx'],
      ],
      [
        'a caseworker’s task inbox (open tasks of their cases, deadlines within 7 days)',
        (tx: Tx) =>
          tasksRepository.inbox(
            tx,
            { audience: 'authority', userId: caseId },
            { deadlineKinds: MUNICIPALITY_DEADLINE_KINDS, horizon: '2026-11-29', today: '2026-11-22' },
            20,
            0,
          ),
        ['case_file_caseworker_idx', 'task_open_case_idx', 'case_deadline_case_idx', 'citizen_pkey'],
      ],
      [
        'a team leader’s task inbox (also the unit’s decisions awaiting approval)',
        (tx: Tx) =>
          tasksRepository.inbox(
            tx,
            { audience: 'authority', userId: caseId, approvalUnitId: stableUuid('plan:unit') },
            { deadlineKinds: MUNICIPALITY_DEADLINE_KINDS, horizon: '2026-11-29', today: '2026-11-22' },
            20,
            0,
          ),
        ['case_file_caseworker_idx', 'task_open_case_idx', 'decision_approval_queue_idx'],
      ],
      [
        'a provider’s task inbox (open tasks of their units, FKO deadlines of their running orders)',
        (tx: Tx) =>
          tasksRepository.inbox(
            tx,
            { audience: 'provider', unitIds: ids },
            { deadlineKinds: ['fko_status'], horizon: '2026-11-29', today: '2026-11-22' },
            20,
            0,
          ),
        ['task_open_unit_idx', 'case_order_offer_status_idx', 'case_deadline_case_idx'],
      ],
      [
        'the team’s caseload',
        (tx: Tx) => caseFileRepository.caseload(tx, caseId, MUNICIPALITY_DEADLINE_KINDS, '2026-11-22'),
        ['app_user_unit_idx', 'case_file_caseworker_idx', 'case_deadline_case_idx'],
      ],
    ] as const),
  )('%s uses %s and no sequential scan', async (_label, _names, run, indexes) => {
    const plans = await plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toContain('Seq Scan');
    for (const index of indexes) expect(plans.join('\n')).toContain(index);
  });
});

/** The lines of a plan that scan `index`, with the conditions under them. */
function scansOf(plan: string, index: string): string[] {
  const lines = plan.split('\n');
  return lines.flatMap((line, i) =>
    line.includes(`using ${index} `) || line.includes(`on ${index} `) ? [`${line}\n${lines[i + 1] ?? ''}`] : [],
  );
}

/**
 * By-id reads under row-level security: the policy adds municipality_id = app_current_municipality() (a stable
 * function), so the primary key (municipality_id, id) serves a look-up by id, both columns in its index condition.
 * The public catalogue's tables are the exception: their public_read policy makes the condition `tenant OR public`,
 * so a plain index on id serves them (migration 0012).
 */
describe(`by-id reads under row-level security use the tenant primary key on ${TEST_DB}`, () => {
  const id = stableUuid('plan:by-id');
  const tenantKeyed = [
    'citizen',
    'case_file',
    'case_request',
    'case_document',
    'assessment',
    'decision',
    'case_order',
    'order_goal',
    'complaint',
    'follow_up',
    'org_unit',
  ] as const satisfies readonly (keyof DB)[];

  it.each(tenantKeyed)('%s by id uses its primary key on (municipality_id, id)', async (table) => {
    const [plan] = await plansOf((tx) => tx.selectFrom(table).select('id').where('id', '=', id).execute());
    expect(plan).not.toContain('Seq Scan');
    const [scan] = scansOf(plan ?? '', `${table}_pkey`);
    expect(scan, plan).toMatch(/Index Cond: \(\(municipality_id = .*\) AND \(id = /);
  });

  it.each(['service_description', 'service_description_version', 'offer'] as const)(
    '%s (public) by id uses %s_id_idx, in a municipality and in public',
    async (table) => {
      for (const as of ['tenant', 'public'] as const) {
        const [plan] = await plansOf((tx) => tx.selectFrom(table).select('id').where('id', '=', id).execute(), as);
        expect(plan).not.toContain('Seq Scan');
        expect(scansOf(plan ?? '', `${table}_id_idx`), plan).toHaveLength(1);
      }
    },
  );

  /** Users are also looked up by id alone before a municipality is known (app_user_id_idx); either index serves. */
  it('app_user by id uses its primary key or app_user_id_idx', async () => {
    const [plan = ''] = await plansOf((tx) => tx.selectFrom('app_user').select('id').where('id', '=', id).execute());
    expect(plan).not.toContain('Seq Scan');
    expect([...scansOf(plan, 'app_user_pkey'), ...scansOf(plan, 'app_user_id_idx')], plan).toHaveLength(1);
  });

  it('an order joins its case, citizen, decision, offer and caseworker by index', async () => {
    const [plan = ''] = await plansOf((tx) => followUpRepository.order(tx, id));
    expect(plan).not.toContain('Seq Scan');
    for (const index of ['case_order_pkey', 'case_file_pkey', 'citizen_pkey', 'decision_pkey', 'offer_id_idx']) {
      expect(scansOf(plan, index), `${index} in\n${plan}`).toHaveLength(1);
    }
    expect(plan).toMatch(/app_user_(pkey|id_idx) on app_user u/);
  });
});

/**
 * What runs as the owner before a municipality is known (inSystem): no policy adds municipality_id, so each of these
 * needs an index of its own (migration 0012).
 */
describe(`reads before a municipality is known name their index on ${TEST_DB}`, () => {
  const userId = stableUuid('user:760:Maria Vestergaard');
  it.each(
    named([
      [
        'the session’s user, unit and offers',
        (tx: Tx) => identityRepository.actorById(tx, userId),
        ['app_user_id_idx', 'org_unit_pkey', 'app_user_offer_pkey', 'municipality_pkey'],
      ],
      ['the OIDC subject', (tx: Tx) => identityRepository.actorByOidcSubject(tx, 'demo-760-x'), ['app_user_oidc_subject_idx']],
      ['the demo log-in’s users', (tx: Tx) => identityRepository.demoUsers(tx), ['app_user_demo_idx']],
      ['the system chain’s newest entry', (tx: Tx) => auditRepository.head(tx, SYSTEM_CHAIN_ID), ['audit_log_chain_seq_idx']],
      ['a page of an audit chain', (tx: Tx) => auditRepository.chainPage(tx, RKSK, 10, 100), ['audit_log_chain_seq_idx']],
      ['every chain’s head (the anchors)', (tx: Tx) => auditRepository.heads(tx), ['audit_log_chain_seq_idx']],
    ] as const),
  )('%s uses %s and no sequential scan', async (_label, _names, run, indexes) => {
    const plans = await plansOf(run, 'system');
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toContain('Seq Scan');
    for (const index of indexes) expect(plans.join('\n')).toContain(index);
  });
});

describe(`indexes on ${TEST_DB}`, () => {
  // An index whose columns lead another index on the same table serves nothing the longer one does not; kept, the
  // planner picks between the two by statistics (the provider's page of orders took case_order_offer_idx and
  // filtered the status row by row once there were demo orders) and every write maintains both. Unique and partial
  // indexes say more than their columns, so only a plain index counts as the shorter one.
  it('no plain index is a leading prefix of another index on the same table', async () => {
    const redundant = await database.adminTransaction((tx) =>
      tx.query<{ shorter: string; longer: string }>(
        `select a.indexrelid::regclass::text as shorter, b.indexrelid::regclass::text as longer
         from pg_index a
         join pg_index b on b.indrelid = a.indrelid and b.indexrelid <> a.indexrelid
         join pg_class t on t.oid = a.indrelid
         join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
         join pg_class ai on ai.oid = a.indexrelid
         join pg_class bi on bi.oid = b.indexrelid and bi.relam = ai.relam
         where not a.indisunique and a.indpred is null and a.indexprs is null
           and b.indpred is null and b.indexprs is null
           and a.indnkeyatts <= b.indnkeyatts
           and (b.indkey::int2[])[0:a.indnkeyatts - 1] = (a.indkey::int2[])[0:a.indnkeyatts - 1]
         order by 1, 2`,
      ),
    );
    expect(redundant).toEqual([]);
  });

  // The work list walks case_deadline_duty_idx only while its kinds are the ones the rules say the municipality must
  // meet (a query's `kind in (…)` must imply the index's predicate): a kind added to the rules and not to the index
  // would silently fall back to reading every open deadline.
  it('case_deadline_duty_idx holds exactly the deadline kinds the municipality must meet', async () => {
    const [row] = await database.adminTransaction((tx) =>
      tx.query<{ def: string }>(`select pg_get_indexdef('case_deadline_duty_idx'::regclass) as def`),
    );
    const kinds = [...(row?.def.match(/ARRAY\[(.*)\]/)?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(kinds.sort()).toEqual([...MUNICIPALITY_DEADLINE_KINDS].sort());
    expect(row?.def).toMatch(/met_on IS NULL.*lapsed_on IS NULL/);
  });
});

describe(`agreement and shelter query plans on ${TEST_DB}`, () => {
  const ids = [stableUuid('plan:goal:1'), stableUuid('plan:goal:2')];
  // Shelter stays of a large municipality's shelters over ten years (about 4,000 a year), so the planner faces
  // real statistics: a year's stays are a tenth of the table.
  beforeAll(async () => {
    await database.adminTransaction(async (tx) => {
      await tx.query(
        `insert into shelter_stay (municipality_id, citizen_id, shelter_name, arrived_on, left_on, outcome, registered_by_name)
         select x.municipality_id, x.id, 'Forsorgshjem', date '2016-01-01' + (x.n / 11)::int,
                date '2016-01-01' + (x.n / 11)::int + 40, 'own_home', 'plan'
         from (select c.municipality_id, c.id, row_number() over (order by c.id, g) as n
               from citizen c cross join generate_series(1, 8) g
               where c.municipality_id = $1 and c.first_name like 'fornavn%') x`,
        [RKSK],
      );
      await tx.exec('analyze shelter_stay');
    });
  });
  it.each(
    named([
      [
        'an agreement’s goals',
        (tx: Tx) => agreementsRepository.goals(tx, RKSK, ids[0] as string),
        ['agreement_goal_position_key'],
      ],
      ['the values of its goals', (tx: Tx) => agreementsRepository.measurements(tx, RKSK, ids), ['goal_measurement_goal_idx']],
      ['its status reports', (tx: Tx) => agreementsRepository.reports(tx, RKSK, ids[0] as string), ['status_report_version_key']],
      [
        'goals of plans closed in a period (keep-or-gain)',
        (tx: Tx) => agreementsRepository.closedGoals(tx, RKSK, ids, '2025-01-01', '2025-12-31'),
        ['case_order_offer_status_idx', 'order_goal_municipality_id_order_id_position_key'],
      ],
      [
        'the FKO statuses of those goals',
        (tx: Tx) => agreementsRepository.closedGoalStatuses(tx, RKSK, ids, '2025-01-01', '2025-12-31'),
        ['case_order_offer_status_idx', 'order_goal_municipality_id_order_id_position_key', 'fko_status_goal_idx'],
      ],
      [
        'shelter stays under way in a period',
        (tx: Tx) => agreementsRepository.stays(tx, RKSK, '2025-01-01', '2025-12-31'),
        ['shelter_stay_period_idx'],
      ],
      [
        'deadlines met in a period (dashboard)',
        (tx: Tx) => dashboardsRepository.metDeadlines(tx, RKSK, ['receipt', 'decision', 'start'], '2026-01-01', '2026-06-30'),
        ['case_deadline_met_idx'],
      ],
      [
        'deadlines overdue today (dashboard)',
        (tx: Tx) => dashboardsRepository.overdueDeadlines(tx, RKSK, ['receipt', 'decision', 'start'], '2026-11-22'),
        ['case_deadline_duty_idx'],
      ],
      [
        'complaints received and decided in a period (dashboard)',
        (tx: Tx) => dashboardsRepository.complaints(tx, RKSK, '2026-01-01', '2026-06-30'),
        ['complaint_received_idx', 'complaint_decided_idx'],
      ],
      [
        'a citizen’s overlapping stays',
        (tx: Tx) => shelterRepository.overlapping(tx, RKSK, ids[0] as string, '2025-01-01', null),
        ['shelter_stay_citizen_idx'],
      ],
    ] as const),
  )('%s uses %s and no sequential scan', async (_label, _names, run, indexes) => {
    const plans = await plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan).not.toContain('Seq Scan');
    for (const index of indexes) expect(plans.join('\n')).toContain(index);
  });
});
