import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import { CASE_STATUSES } from '../../src/rules/cases/case-state-machine.ts';
import { decisionFrameProblems } from '../../src/rules/cases/decision-rules.ts';
import { complaintTimeliness } from '../../src/rules/complaints/complaint-rules.ts';
import { type DeadlineKind, deadlineRulesFor } from '../../src/rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../src/rules/deadlines/deadlines.ts';
import { nextFkoStatus, supportEndsAfterStop } from '../../src/rules/follow-up/fko-schedule.ts';
import { profileInBands } from '../../src/rules/profiles/citizen-profiles.ts';
import { dateProblems, legalTimeLimit } from '../../src/rules/records/date-constraints.ts';
import { fkoTargetProblem } from '../../src/rules/records/fko-target.ts';
import { generate } from '../../src/server/db/generator/generate.ts';
import { type GeneratorSize, SIZES } from '../../src/server/db/generator/sizes.ts';
import { TABLES } from '../../src/server/db/generator/writer.ts';
import { migrateDatabase } from '../../src/server/db/schema.ts';
import { seedAgreements } from '../../src/server/db/seed/agreements-seed.ts';
import { importFfb } from '../../src/server/db/seed/ffb-import.ts';
import { verifyAuditChain } from '../../src/server/platform/audit/audit-verify.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { catalogueContentSchema } from '../../src/shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../src/shared/plain-date.ts';
import { loginAs, MUNICIPALITY, testApp } from '../support/test-app.ts';
import { openEmptyDatabase, openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The demo size of the generator, as `npm start` and every test file get it: deterministic, consistent with the
 * rules in src/rules, and enough for every demo user's lists. Checked on the template copy each database leg made.
 */
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
const today = (process.env.DEMO_TODAY ?? '') as PlainDate;
const q = <R>(text: string, params: unknown[] = []) => database.adminTransaction((tx) => tx.query<R>(text, params));

/** The economy area's tables (src/server/db/generator/areas/economy.ts). */
const ECONOMY_TABLES = [
  'rate_card',
  'budget_group',
  'budget_line',
  'budget_posting',
  'place_sale',
  'waiting_list_entry',
  'waiting_list_event',
] as const;

/**
 * A hash per table the generator writes, of every column. A PDF carries the moment it was rendered (pdfkit's
 * CreationDate), so documents are compared by everything else, their letter text included.
 */
async function tableHashes(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [...Object.keys(TABLES), 'municipality', 'org_unit', ...ECONOMY_TABLES]) {
    const cols = table === 'case_document' ? '(x.id, x.case_id, x.kind, x.title, x.journalised_on, x.letter, x.created_at)' : 'x';
    // The system chain's municipality row is the migration's (created when it ran), not the generator's.
    const where = table === 'municipality' ? ' where not x.is_system' : '';
    const [row] = await db.adminTransaction((tx) =>
      tx.query<{ h: string }>(
        `select md5(coalesce(string_agg(${cols}::text, '|' order by ${cols}::text), '')) as h from ${table} x${where}`,
      ),
    );
    out[table] = row?.h ?? '';
  }
  return out;
}

beforeAll(async () => {
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  database = await openTestDatabase();
  app = await testApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`the demo data generator on ${TEST_DB}`, () => {
  it('is deterministic: the same size and the same "today" give the same rows', async () => {
    const before = await tableHashes(database);
    const fresh = await openEmptyDatabase();
    try {
      await migrateDatabase(fresh);
      await importFfb(fresh);
      await generate(fresh, { size: 'demo', today });
      await seedAgreements(fresh);
      expect(await tableHashes(fresh)).toEqual(before);
    } finally {
      await fresh.close();
    }
    expect(Number((await q<{ n: number }>('select count(*)::int as n from case_file'))[0]?.n)).toBeGreaterThan(300);
  }, 180_000);

  it('writes audit rows that form valid hash chains', async () => {
    const result = await verifyAuditChain(database);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.entries).toBeGreaterThan(10_000);
  });

  it('dates nothing today or later, and keeps every step in order', async () => {
    const future = await q<{ t: string; n: number }>(
      `select 'case' t, count(*)::int n from case_file where opened_on >= $1
       union all select 'decision', count(*)::int from decision where decided_on >= $1
       union all select 'order', count(*)::int from case_order where ordered_on >= $1 or accepted_on >= $1 or actual_start >= $1
       union all select 'fko', count(*)::int from fko_status where scored_on >= $1
       union all select 'hours', count(*)::int from delivered_hours where week_start >= $1
       union all select 'journal', count(*)::int from order_journal where written_on >= $1
       union all select 'complaint', count(*)::int from complaint where received_on >= $1 or appeal_decided_on >= $1
       union all select 'event', count(*)::int from case_event where occurred_at >= ($1::date)::timestamp at time zone 'Europe/Copenhagen'
       union all select 'hours registered', count(*)::int from delivered_hours where updated_at >= ($1::date)::timestamp at time zone 'Europe/Copenhagen'
       union all select 'document', count(*)::int from case_document where created_at >= ($1::date)::timestamp at time zone 'Europe/Copenhagen'
       union all select 'audit', count(*)::int from audit_log where request_id like 'gen-%' and occurred_at >= ($1::date)::timestamp at time zone 'Europe/Copenhagen'`,
      [today],
    );
    expect(future.filter((r) => r.n > 0)).toEqual([]);
    const disorder = await q<{ what: string; id: string }>(
      `select 'request' what, c.id::text from case_file c join case_request r on r.case_id = c.id where r.received_on <> c.opened_on
       union all select 'receipt', d.case_id::text from case_deadline d join case_file c on c.id = d.case_id where d.kind = 'receipt' and d.met_on < c.opened_on
       union all select 'decision', d.case_id::text from decision d join case_file c on c.id = d.case_id where d.decided_on < c.opened_on
       union all select 'order', o.id::text from case_order o join decision d on d.id = o.decision_id where o.ordered_on < d.decided_on or o.accepted_on < o.ordered_on or o.actual_start < d.decided_on or o.ends_on < o.ordered_on
       union all select 'fko', s.id::text from fko_status s join case_order o on o.id = s.order_id where s.scored_on < o.actual_start or o.actual_start is null
       union all select 'complaint', x.id::text from complaint x join decision d on d.id = x.decision_id where x.received_on < d.decided_on or x.reconsidered_on < x.received_on or x.appeal_decided_on < x.forwarded_on`,
    );
    expect(disorder).toEqual([]);
    // The journal of a case reads in time order.
    const journal = await q<{ n: number }>(
      `select count(*)::int n from (select occurred_at < lag(occurred_at) over (partition by case_id order by id) as back from case_event) e where back`,
    );
    expect(journal[0]?.n).toBe(0);
  });

  it('leaves every case in a status the state machine knows, agreeing with what the case holds', async () => {
    const rows = await q<{ status: string; n: number }>('select status, count(*)::int n from case_file group by status');
    for (const r of rows) expect(CASE_STATUSES).toContain(r.status);
    // Every status occurs, `awaiting_approval` too (a grant above the highest profile per demo caseworker, generate.ts).
    expect(rows.map((r) => r.status).sort()).toEqual([...CASE_STATUSES].sort());
    const wrong = await q<{ id: string; status: string }>(
      `with latest as (
         select distinct on (case_id) case_id, outcome, kind from decision order by case_id, decided_on desc, created_at desc)
       select c.id::text, c.status from case_file c left join latest l on l.case_id = c.id
        where (c.status = 'request_received' and exists (select 1 from case_document d where d.case_id = c.id))
           or (c.status in ('decided', 'refused', 'ordered') and l.case_id is null)
           or (c.status = 'refused' and l.outcome <> 'refused')
           or (c.status = 'decided' and (l.outcome = 'refused' or exists (select 1 from case_order o join decision d on d.id = o.decision_id where o.case_id = c.id and d.kind <> 'stop' and o.decision_id = (select id from decision where case_id = c.id order by decided_on desc, created_at desc limit 1))))
           or (c.status = 'ordered' and not exists (select 1 from case_order o where o.case_id = c.id))
           or (c.status in ('assessment', 'decided', 'refused', 'ordered') and not exists (select 1 from assessment a where a.case_id = c.id))
           or ((c.status = 'awaiting_approval') <> exists (select 1 from decision_approval a where a.case_id = c.id and a.status = 'pending'))
           or (c.status = 'awaiting_approval' and (l.case_id is not null or not exists (select 1 from assessment a where a.case_id = c.id)))`,
    );
    expect(wrong).toEqual([]);
  });

  it('stores every deadline as src/rules computes it for the municipality', async () => {
    const rows = await q<{
      code: string;
      kind: DeadlineKind;
      from_date: PlainDate;
      due_date: string;
      ends_at_time: string;
      rule_version: string;
    }>(
      `select m.code, d.kind, d.from_date::text as from_date, d.due_date::text as due_date, d.ends_at_time, d.rule_version
         from case_deadline d join municipality m on m.id = d.municipality_id`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    const wrong = rows.filter((r) => {
      const c = computeDeadline(r.kind, r.from_date, deadlineRulesFor(r.code));
      return c.due !== r.due_date || c.endsAtTime !== r.ends_at_time || c.ruleVersion !== r.rule_version;
    });
    expect(wrong).toEqual([]);
    const states = await q<{ state: string; n: number }>(
      `select case when met_on is not null and met_on > due_date then 'met_late' when met_on is not null then 'met'
                   when lapsed_on is not null then 'lapsed' when due_date < $1 then 'overdue'
                   when due_date <= $1::date + 7 then 'due_soon' else 'open' end as state, count(*)::int n
         from case_deadline group by 1`,
      [today],
    );
    expect(states.map((s) => s.state).sort()).toEqual(['due_soon', 'lapsed', 'met', 'met_late', 'open', 'overdue']);
  });

  it('keeps each decision within its service level: hours in the profile band, the legal time limit, § 85 continuation', async () => {
    const decisions = await q<{
      code: string;
      kind: string;
      outcome: string;
      legal_basis: string;
      weekly_hours: string | null;
      profile_code: string | null;
      module_days: number | null;
      start_date: PlainDate | null;
      time_limit_until: PlainDate | null;
      content: unknown;
    }>(
      `select m.code, d.kind, d.outcome, d.legal_basis, d.weekly_hours::text, d.profile_code, d.module_days,
              d.start_date::text as start_date, d.time_limit_until::text as time_limit_until, v.content
         from decision d join municipality m on m.id = d.municipality_id
         join service_description_version v on v.id = d.service_description_version_id`,
    );
    const kinds = new Set(decisions.map((d) => `${d.kind}:${d.outcome}`));
    for (const kind of [
      'application:granted',
      'application:partly_granted',
      'application:refused',
      'revisitation:granted',
      'stop:refused',
    ]) {
      expect(kinds).toContain(kind);
    }
    for (const d of decisions) {
      const bands = catalogueContentSchema.parse(d.content).profileBands;
      const hours = d.weekly_hours === null ? null : Number(d.weekly_hours);
      const frame = {
        ...d,
        legalBasis: d.legal_basis,
        weeklyHours: hours,
        moduleDays: d.module_days,
        startDate: d.start_date,
        timeLimitUntil: d.time_limit_until,
      };
      // The frame's dates are checked with the date-constraint table below.
      expect(decisionFrameProblems(frame, bands)).toEqual([]);
      if (hours !== null && bands.length) expect(d.profile_code).toBe(profileInBands(bands, hours)?.code);
    }
    expect(decisions.some((d) => d.module_days !== null)).toBe(true);
    expect(decisions.some((d) => d.legal_basis === 'SEL § 107' && d.time_limit_until !== null)).toBe(true);
    const stops = await q<{ code: string; legal_basis: string; decided_on: PlainDate; ends_on: string }>(
      `select m.code, d.legal_basis, d.decided_on::text as decided_on, o.ends_on::text as ends_on
         from follow_up f join decision d on d.id = f.decision_id join case_order o on o.id = f.order_id
         join municipality m on m.id = d.municipality_id where d.kind = 'stop'`,
    );
    expect(stops.length).toBeGreaterThan(5);
    for (const s of stops)
      expect(s.ends_on).toBe(supportEndsAfterStop(s.legal_basis, s.decided_on, deadlineRulesFor(s.code)).endsOn);
  });

  it('scores FKO statuses on the schedule, with 1–3 goals an order and goal versions that count them', async () => {
    const goals = await q<{ order_id: string; n: number }>(
      'select order_id::text, count(*)::int n from order_goal group by order_id',
    );
    expect(goals.every((g) => g.n >= 1 && g.n <= 3)).toBe(true);
    const versions = await q<{ id: string }>(
      `select g.id::text from order_goal g where g.version <> 1 + (select count(*) from fko_status s where s.goal_id = g.id)`,
    );
    expect(versions).toEqual([]);
    const rows = await q<{
      code: string;
      goal_id: string;
      actual_start: PlainDate;
      ends_on: PlainDate | null;
      kind: 'quarterly' | 'final';
      scored_on: PlainDate;
    }>(
      `select m.code, s.goal_id::text, o.actual_start::text as actual_start, coalesce(o.ends_on, g.ended_on)::text as ends_on, s.kind, s.scored_on::text as scored_on
         from fko_status s join order_goal g on g.id = s.goal_id join case_order o on o.id = s.order_id
         join municipality m on m.id = s.municipality_id order by s.goal_id, s.scored_on`,
    );
    expect(rows.length).toBeGreaterThan(500);
    // Each quarterly status comes after the one before it; none is more than the schedule's due date plus 6 weeks late.
    const byGoal = new Map<string, typeof rows>();
    for (const r of rows) byGoal.set(r.goal_id, [...(byGoal.get(r.goal_id) ?? []), r]);
    for (const list of byGoal.values()) {
      list.forEach((s, i) => {
        if (s.kind !== 'quarterly') return;
        const due = nextFkoStatus(
          {
            start: s.actual_start,
            statuses: list.slice(0, i).map((x) => ({ scoredOn: x.scored_on, kind: x.kind })),
            endsOn: null,
          },
          deadlineRulesFor(s.code),
        );
        expect(due?.kind).toBe('quarterly');
        expect(s.scored_on <= (due ? addDays(due.due, 42) : '')).toBe(true);
      });
      expect(list.filter((s) => s.kind === 'final').length).toBeLessThanOrEqual(1);
    }
    const ended = await q<{ n: number }>(
      `select count(*)::int n from case_order o join order_goal g on g.order_id = o.id where o.ends_on is not null and g.ended_on is null`,
    );
    expect(ended[0]?.n).toBe(0);
  });

  it('passes the date-constraint table for decisions and orders, as of the day each was made, and the FKO target rule', async () => {
    const decisions = await q<{
      code: string;
      received_on: PlainDate;
      decided_on: PlainDate;
      start_date: PlainDate | null;
      time_limit_until: PlainDate | null;
      legal_basis: string;
      kind: string;
    }>(
      `select m.code, r.received_on::text as received_on, d.decided_on::text as decided_on, d.start_date::text as start_date,
              d.time_limit_until::text as time_limit_until, d.legal_basis, d.kind
         from decision d join case_request r on r.case_id = d.case_id join municipality m on m.id = d.municipality_id`,
    );
    const problems = decisions
      .filter((d) => d.kind !== 'stop')
      .flatMap((d) =>
        dateProblems(
          'decision',
          { decidedOn: d.decided_on, startDate: d.start_date, timeLimitUntil: d.time_limit_until },
          {
            today: d.decided_on,
            'request.receivedOn': d.received_on,
            'law.maximumEnd': d.start_date ? legalTimeLimit(d.legal_basis, d.start_date, deadlineRulesFor(d.code)) : null,
          },
        ),
      );
    expect(problems).toEqual([]);
    const orders = await q<{
      id: string;
      ordered_on: PlainDate;
      first_follow_up: PlainDate;
      decided_on: PlainDate;
      targets: PlainDate[];
    }>(
      `select o.id::text, o.ordered_on::text as ordered_on, o.first_follow_up::text as first_follow_up, d.decided_on::text as decided_on,
              array(select g.target_date::text from order_goal g where g.order_id = o.id order by g.position) as targets
         from case_order o join decision d on d.id = o.decision_id`,
    );
    const orderProblems = orders.flatMap((o) =>
      dateProblems(
        'order',
        // The follow-up date as ordered: three months on (later follow-ups move it).
        {
          orderedOn: o.ordered_on,
          firstFollowUp: addDays(o.ordered_on, 1),
          goals: o.targets.map((targetDate) => ({ targetDate })),
        },
        { today: o.ordered_on, 'decision.decidedOn': o.decided_on },
      ),
    );
    expect(orderProblems).toEqual([]);
    expect(orders.every((o) => o.first_follow_up > o.ordered_on)).toBe(true);
    const goals = await q<{ goal_type_code: string; baseline_support_need_code: string; target_support_need_code: string }>(
      'select goal_type_code, baseline_support_need_code, target_support_need_code from order_goal',
    );
    const targets = goals.map((g) =>
      fkoTargetProblem({
        goalTypeCode: g.goal_type_code,
        baselineSupportNeedCode: g.baseline_support_need_code,
        targetSupportNeedCode: g.target_support_need_code,
      }),
    );
    expect(targets.filter((t) => t !== null)).toEqual([]);
  });

  it('judges every complaint’s timeliness by the rule, with at most one under way per case', async () => {
    const rows = await q<{
      received_on: PlainDate;
      received_at: string | null;
      timeliness: string;
      due: PlainDate;
      ends_at_time: string;
    }>(
      `select x.received_on::text as received_on, x.received_at, x.timeliness, d.due_date::text as due, d.ends_at_time
         from complaint x join decision dec on dec.id = x.decision_id
         join case_deadline d on d.case_id = x.case_id and d.kind = 'complaint' and d.from_date = dec.decided_on`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.timeliness).toBe(
        complaintTimeliness({ on: r.received_on, at: r.received_at }, { due: r.due, endsAtTime: r.ends_at_time }),
      );
    }
    const statuses = await q<{ status: string }>('select distinct status from complaint');
    expect(statuses.map((s) => s.status).sort()).toEqual(['appeal_decided', 'forwarded', 'reconsideration', 'upheld']);
  });

  it('journalises every letter with its text, and makes its PDF on the first read, stored and the same ever after', async () => {
    const docs = await q<{ id: string; case_id: string; kind: string; code: string; pdf: boolean; subject: string }>(
      `select d.id::text, d.case_id::text, d.kind, m.code, d.content is not null as pdf, d.letter->>'subject' as subject
         from case_document d join municipality m on m.id = d.municipality_id order by d.created_at, d.id`,
    );
    const kinds = ['receipt_letter', 'decision_letter', 'missed_deadline_notice', 'forwarding_letter'];
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(kinds));
    // No PDF is rendered while the history is generated (migration 0036): only the letter it is printed from.
    expect(docs.every((d) => !d.pdf && d.subject.length > 0)).toBe(true);
    const cw = await loginAs(app, 'caseworker', MUNICIPALITY.rksk);
    for (const kind of kinds) {
      const doc = docs.find((d) => d.kind === kind && d.code === '760');
      if (!doc) throw new Error(`no ${kind} in Ringkøbing-Skjern`);
      const first = await cw.get(`/api/cases/${doc.case_id}/documents/${doc.id}`);
      expect(first.statusCode, kind).toBe(200);
      expect(first.headers['content-type']).toContain('application/pdf');
      expect(first.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const [stored] = await q<{ content: Uint8Array }>('select content from case_document where id = $1', [doc.id]);
      expect(Buffer.from(stored?.content ?? []).equals(first.rawPayload), kind).toBe(true);
      const again = await cw.get(`/api/cases/${doc.case_id}/documents/${doc.id}`);
      expect(again.rawPayload.equals(first.rawPayload), kind).toBe(true);
    }
  });

  it('refuses to change a document once its PDF is stored, and to store a PDF twice', async () => {
    const [doc] = await q<{ id: string }>(
      `select id::text from case_document where content is null and kind = 'receipt_letter' order by id limit 1`,
    );
    if (!doc) throw new Error('no generated letter without its PDF');
    await expect(q(`update case_document set title = 'Ændret' where id = $1`, [doc.id])).rejects.toThrow(/does not change/);
    await q(`update case_document set content = '\\x255044462d'::bytea where id = $1`, [doc.id]);
    await expect(q(`update case_document set content = '\\x00'::bytea where id = $1`, [doc.id])).rejects.toThrow(
      /does not change/,
    );
    await expect(q(`update case_document set content = null where id = $1`, [doc.id])).rejects.toThrow(/does not change/);
  });

  it('prints on every letter the journal number the database gave its case, in the municipality’s format', async () => {
    const rows = await q<{ code: string; journal_number: string; reference: string }>(
      `select m.code, c.journal_number, d.letter->>'reference' as reference
         from case_document d join case_file c on c.municipality_id = d.municipality_id and c.id = d.case_id
         join municipality m on m.id = c.municipality_id`,
    );
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => r.reference !== r.journal_number)).toEqual([]);
    // Randers and Ringkøbing-Skjern use the KLE-based format of the demo (27.24.00-P19-<løbenummer>-<yy>).
    expect(rows.filter((r) => r.code === '760').every((r) => /^27\.24\.00-P19-\d+-\d{2}$/.test(r.journal_number))).toBe(true);
  });

  it('gives every demo caseworker, team leader and provider a full working day', async () => {
    for (const [municipality, provider] of [
      [MUNICIPALITY.rksk, 'Rasmus Kjær'],
      [MUNICIPALITY.randers, 'Jonas Mikkelsen'],
      [MUNICIPALITY.norddjurs, 'Nanna Skov'],
    ] as const) {
      const cw = await loginAs(app, 'caseworker', municipality);
      const mine = (await cw.get('/api/cases?scope=mine&due=all&pageSize=20')).json() as { total: number };
      expect(mine.total, municipality).toBeGreaterThanOrEqual(20);
      const overdue = (await cw.get('/api/cases?scope=mine&due=overdue')).json() as { total: number };
      expect(overdue.total, municipality).toBeGreaterThan(0);
      const alerts = (await cw.get('/api/follow-up/alerts?scope=mine')).json() as {
        total: number;
        items: { alerts: string[] }[];
      };
      expect(alerts.total, municipality).toBeGreaterThan(5);
      const leader = await loginAs(app, 'team_leader', municipality);
      const team = (await leader.get('/api/cases?scope=team&due=all')).json() as { total: number };
      expect(team.total).toBeGreaterThanOrEqual(mine.total);
      const staff = await loginAs(app, 'provider_staff', municipality, provider);
      for (const state of ['active', 'ended'] as const) {
        const list = (await staff.get(`/api/provider/orders?state=${state}`)).json() as { total: number };
        expect(list.total, `${provider} ${state}`).toBeGreaterThan(state === 'active' ? 5 : 0);
      }
    }
    const maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
    const soon = (await maria.get('/api/cases?scope=mine&due=due_soon')).json() as { total: number };
    expect(soon.total).toBeGreaterThan(0);
    const alerts = (await maria.get('/api/follow-up/alerts?scope=mine&pageSize=100')).json() as { items: { alerts: string[] }[] };
    const kinds = new Set(alerts.items.flatMap((i) => i.alerts));
    expect([...kinds].sort()).toEqual(
      ['fko_overdue', 'follow_up_due', 'hours_deviation', 'time_limit_expiring'].filter((k) => kinds.has(k)),
    );
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  });

  it('dates the economy from today: this year’s budget with the actuals of its ended months, sales and a waiting list that do not age', async () => {
    const thisYear = Number(today.slice(0, 4));
    const [randers] = await q<{
      rate_years: number[];
      budget_years: number[];
      months_posted: number;
      last_posting: string;
      sales_running: number;
      open_waits: number[];
    }>(
      `select array(select distinct rate_year from rate_card r where r.municipality_id = m.id order by 1) as rate_years,
              array(select distinct budget_year from budget_line b where b.municipality_id = m.id order by 1) as budget_years,
              (select count(distinct extract(month from posted_on))::int from budget_posting p
                where p.municipality_id = m.id and p.budget_year = $2) as months_posted,
              (select max(posted_on)::text from budget_posting p where p.municipality_id = m.id) as last_posting,
              (select count(*)::int from place_sale s where s.municipality_id = m.id and s.from_date < $1
                  and (s.to_date is null or s.to_date >= $1)) as sales_running,
              array(select ($1::date - w.decided_on) from waiting_list_entry w
                     where w.municipality_id = m.id and w.status in ('waiting', 'offered') order by 1) as open_waits
         from municipality m where m.code = '730'`,
      [today, thisYear],
    );
    expect(randers?.rate_years).toEqual(expect.arrayContaining([2019, 2020, thisYear, thisYear + 1]));
    expect(randers?.budget_years).toEqual([2019, thisYear]);
    // Postings on the last day of every month of this year that has ended, none later.
    expect(randers?.months_posted).toBe(Number(today.slice(5, 7)) - 1);
    expect((randers?.last_posting ?? today) < today).toBe(true);
    expect(randers?.sales_running).toBe(5);
    // The open entries were decided weeks to months ago, whatever the day (working days on or before).
    expect(randers?.open_waits.length).toBe(4);
    for (const days of randers?.open_waits ?? []) {
      expect(days).toBeGreaterThanOrEqual(29);
      expect(days).toBeLessThanOrEqual(110);
    }
    const future = await q<{ n: number }>(
      `select (select count(*) from waiting_list_entry where decided_on >= $1 or offered_on >= $1 or closed_on >= $1
                  or needed_from >= $1)
            + (select count(*) from waiting_list_event where occurred_on >= $1)
            + (select count(*) from place_sale where from_date >= $1 or to_date >= $1)
            + (select count(*) from budget_posting where posted_on >= $1) as n`,
      [today],
    );
    expect(Number(future[0]?.n)).toBe(0);
    const rksk = await loginAs(app, 'economist', MUNICIPALITY.rksk);
    const waiting = (await rksk.get('/api/waiting-list')).json() as { total: number };
    expect(waiting.total).toBe(2);
  });

  it('gives every demo caseworker and provider an inbox of the recent days’ events; tasks come before they are done', async () => {
    const wrong = await q<{ what: string; id: string }>(
      `select 'future' what, id::text from task where created_at >= ($1::date)::timestamp at time zone 'Europe/Copenhagen'
       union all select 'done before it came', id::text from task where done_at < created_at
       union all select 'done today or later', id::text from task where done_at >= ($1::date)::timestamp at time zone 'Europe/Copenhagen'
       union all select 'question without a held order', t.id::text from task t join case_order o on o.id = t.order_id
         where t.kind = 'provider_question' and t.done_at is null and o.status <> 'on_hold'
       union all select 'held order without a question', o.id::text from case_order o where o.status = 'on_hold'
         and not exists (select 1 from task t where t.order_id = o.id and t.kind = 'provider_question' and t.done_at is null)
       union all select 'new order done before accepted', t.id::text from task t join case_order o on o.id = t.order_id
         where t.kind = 'order_received' and t.done_at is not null and o.status = 'ordered'
       union all select 'open for over a week', id::text from task where done_at is null
         and kind not in ('order_received', 'provider_question')
         and created_at < (($1::date - 7)::timestamp at time zone 'Europe/Copenhagen')`,
      [today],
    );
    expect(wrong).toEqual([]);
    const people: [string, string, 'caseworker' | 'provider_staff'][] = [
      [MUNICIPALITY.rksk, 'Maria Vestergaard', 'caseworker'],
      [MUNICIPALITY.rksk, 'Peter Holm', 'caseworker'],
      [MUNICIPALITY.rksk, 'Rasmus Kjær', 'provider_staff'],
      [MUNICIPALITY.randers, 'Jonas Mikkelsen', 'provider_staff'],
      [MUNICIPALITY.norddjurs, 'Nanna Skov', 'provider_staff'],
    ];
    for (const [municipality, name, role] of people) {
      const s = await loginAs(app, role, municipality, name);
      const inbox = (await s.get('/api/tasks?pageSize=100')).json() as {
        total: number;
        items: { source: string; kind: string }[];
      };
      const count = (await s.get('/api/tasks/count')).json() as { open: number };
      expect(count.open, name).toBe(inbox.total);
      expect(
        inbox.items.filter((i) => i.source === 'event').length,
        `${name}: ${JSON.stringify(inbox.items.map((i) => i.kind))}`,
      ).toBeGreaterThan(0);
    }
    for (const municipality of [MUNICIPALITY.randers, MUNICIPALITY.norddjurs]) {
      const cw = await loginAs(app, 'caseworker', municipality);
      const inbox = (await cw.get('/api/tasks?pageSize=100')).json() as { items: { source: string }[] };
      expect(
        inbox.items.some((i) => i.source === 'event'),
        municipality,
      ).toBe(true);
    }
    // Each demo team leader has the team's proposals above the highest profile to approve, and can approve one.
    for (const [municipality, name] of [
      [MUNICIPALITY.rksk, 'Birgitte Lund'],
      [MUNICIPALITY.randers, 'Hanne Dalgaard'],
      [MUNICIPALITY.norddjurs, 'Mikkel Due'],
    ] as const) {
      const leader = await loginAs(app, 'team_leader', municipality, name);
      const inbox = (await leader.get('/api/tasks?pageSize=100')).json() as {
        total: number;
        items: { source: string; caseId: string; approval: { weeklyHours: number; thresholdHours: number } | null }[];
      };
      const waiting = inbox.items.filter((i) => i.source === 'approval');
      expect(waiting.length, name).toBeGreaterThan(0);
      for (const i of waiting) expect(i.approval && i.approval.weeklyHours > i.approval.thresholdHours).toBe(true);
      const count = (await leader.get('/api/tasks/count')).json() as { open: number };
      expect(count.open, name).toBe(inbox.total);
      if (name !== 'Birgitte Lund') continue;
      const c = (await leader.get(`/api/cases/${waiting[0]?.caseId}`)).json() as { version: number; status: string };
      expect(c.status).toBe('awaiting_approval');
      const approved = await leader.send('POST', `/api/cases/${waiting[0]?.caseId}/decision/approve`, { version: c.version });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    // Maria meets the kinds of a working day: a question holding an order, and the deadlines of the week.
    const maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
    const kinds = new Set(
      ((await maria.get('/api/tasks?pageSize=100')).json() as { items: { kind: string }[] }).items.map((i) => i.kind),
    );
    expect(kinds.has('provider_question')).toBe(true);
    expect(['receipt', 'decision'].some((k) => kinds.has(k))).toBe(true);
  });

  it('shows Mette Kjærsgaard her support, goals with statuses, letters, messages and who has seen her data', async () => {
    const mette = await loginAs(app, 'citizen', MUNICIPALITY.rksk, 'Mette Kjærsgaard');
    const me = (await mette.get('/api/me/overview')).json() as {
      cases: {
        status: string;
        decisions: unknown[];
        documents: unknown[];
        messages: unknown[];
        support: { offerName: string; goals: { statuses: unknown[] }[] } | null;
      }[];
    };
    const support = me.cases.find((c) => c.support)?.support;
    expect(support?.offerName).toBe('Bostøtten i Socialpsykiatrien');
    expect(support?.goals.every((g) => g.statuses.length >= 2)).toBe(true);
    expect(me.cases.flatMap((c) => c.documents).length).toBeGreaterThanOrEqual(2);
    expect(me.cases.flatMap((c) => c.messages).length).toBeGreaterThanOrEqual(1);
    const log = (await mette.get('/api/me/access-log')).json() as { total: number };
    expect(log.total).toBeGreaterThan(5);
  });
});

/**
 * The benchmark path (shared PDFs, the other municipalities, the audit chain filled to an exact size): bench-small
 * on PostgreSQL, where the benchmarks run; the same size at a tenth on PGlite, so both legs run it.
 */
const BENCH =
  TEST_DB === 'postgres'
    ? { citizens: 400, cases: 1000, audit: 60_000, extra: [100, 150] }
    : { citizens: 60, cases: 100, audit: 5_000, extra: [20, 30] };
describe(`the benchmark sizes on ${TEST_DB}`, () => {
  it('fills Ringkøbing-Skjern to the size, adds other municipalities, and keeps every chain valid', async () => {
    const db = await openEmptyDatabase();
    const size: GeneratorSize = {
      ...SIZES['bench-small'],
      load: { ...SIZES['bench-small'].load, '760': { citizens: BENCH.citizens, cases: BENCH.cases, auditRows: BENCH.audit } },
      extraMunicipalities: { count: 2, citizens: 2 * (BENCH.extra[0] ?? 0), cases: 2 * (BENCH.extra[1] ?? 0) },
    };
    try {
      await migrateDatabase(db);
      await importFfb(db);
      const report = await generate(db, { size, today });
      expect(report.municipalities.sort()).toEqual(['101', '147', '707', '730', '760']);
      const per = await db.adminTransaction((tx) =>
        tx.query<{ code: string; citizens: number; cases: number; audit: number; fko: number }>(
          `select m.code,
                  (select count(*)::int from citizen c where c.municipality_id = m.id) as citizens,
                  (select count(*)::int from case_file c where c.municipality_id = m.id) as cases,
                  (select count(*)::int from audit_log a where a.municipality_id = m.id) as audit,
                  (select count(*)::int from fko_status f where f.municipality_id = m.id) as fko
             from municipality m where not m.is_system order by m.code`,
        ),
      );
      expect(per.find((r) => r.code === '760')).toMatchObject({
        citizens: BENCH.citizens,
        cases: BENCH.cases,
        audit: BENCH.audit,
      });
      expect(per.find((r) => r.code === '101')).toMatchObject({ citizens: BENCH.extra[0], cases: BENCH.extra[1] });
      expect(per.every((r) => r.fko > 0)).toBe(true);
      // The economy comes with every size: Ringkøbing-Skjern's rate cards, budget, sales and waiting list.
      const [economy] = await db.adminTransaction((tx) =>
        tx.query<{ rates: number; budget: number; sales: number; waiting: number }>(
          `select (select count(*)::int from rate_card x where x.municipality_id = m.id) as rates,
                  (select count(*)::int from budget_line x where x.municipality_id = m.id) as budget,
                  (select count(*)::int from place_sale x where x.municipality_id = m.id) as sales,
                  (select count(*)::int from waiting_list_entry x where x.municipality_id = m.id) as waiting
             from municipality m where m.code = '760'`,
        ),
      );
      expect(economy).toMatchObject({ budget: 9, sales: 2, waiting: 2 });
      expect(economy?.rates).toBeGreaterThan(0);
      // Letters keep their text; their PDF is one placeholder per kind and municipality.
      const pdfs = await db.adminTransaction((tx) =>
        tx.query<{ n: number; texts: number; docs: number }>(
          'select count(distinct md5(content))::int as n, count(distinct letter::text)::int as texts, count(*)::int as docs from case_document',
        ),
      );
      expect(pdfs[0]?.n).toBeLessThanOrEqual(5 * 4);
      expect(pdfs[0]?.texts).toBe(pdfs[0]?.docs);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, chains: 5 });
    } finally {
      await db.close();
    }
  }, 300_000);
});
