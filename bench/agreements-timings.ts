/**
 * The timed part of bench/agreements.bench.ts (method there): the service's keep-or-gain measure and strategy
 * indicators against one hand-written SQL statement each, interleaved, with their figures compared.
 */
import pg from 'pg';
import { CONDITION_THEME } from '../src/rules/agreements/goal-themes.ts';
import { SUPPORT_NEED_RANK } from '../src/rules/follow-up/goal-progress.ts';
import { measureGoalNow } from '../src/server/modules/agreements/measure-goal.use-case.ts';
import { readStrategyDashboard } from '../src/server/modules/agreements/read-dashboards.use-case.ts';
import type { RequestContext } from '../src/server/platform/auth/actor.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import type { DashboardQuery } from '../src/shared/agreements/agreements.schema.ts';
import { ASSESSMENT_THEMES } from '../src/shared/assessment/ffb-terms.ts';
import type { PlainDate } from '../src/shared/plain-date.ts';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The rule tables as SQL value lists: support need → rank, condition code → agreement theme. */
const RANKS = `(values ${Object.entries(SUPPORT_NEED_RANK)
  .map(([code, rank]) => `(${lit(code)}, ${rank})`)
  .join(', ')}) as r(code, rank)`;
const THEMES = `(values ${CONDITION_THEME.map((row) => {
  const code = ASSESSMENT_THEMES.find((t) => t.display === row.condition)?.code;
  return code ? `(${lit(code)}, ${lit(row.theme)})` : null;
})
  .filter(Boolean)
  .join(', ')}) as t(code, theme)`;

/** Progress per closed goal from its latest score (the final one, else the newest), as classifyProgress does. */
const progressCte = (goals: string) => `
  latest as (
    select distinct on (f.goal_id) f.goal_id, f.support_need_code
      from fko_status f
     where f.municipality_id = $1 and f.goal_id in (select id from ${goals})
     order by f.goal_id, (f.kind = 'final') desc, f.scored_on desc
  ),
  progress as (
    select g.*, case when nl.rank < nb.rank then 'gained' when nl.rank = nb.rank then 'kept' when nl.rank > nb.rank then 'lost' end as p
      from ${goals} g
      left join latest l on l.goal_id = g.id
      left join ${RANKS.replace('as r(', 'as nb(')} on nb.code = g.base
      left join ${RANKS.replace('as r(', 'as nl(')} on nl.code = l.support_need_code
  )`;

/** The keep-or-gain share of a goal's scope (a unit and those under it) per theme, per offer and overall. */
export const KEEP_OR_GAIN_SQL = `
with recursive scope(id) as (
  select $2::uuid
  union all select u.id from org_unit u join scope s on u.parent_id = s.id where u.municipality_id = $1
),
goals as (
  select g.id, o.offer_id, g.baseline_support_need_code as base, t.theme
    from case_order o
    join order_goal g on g.municipality_id = o.municipality_id and g.order_id = o.id
    left join ${THEMES} on t.code = g.condition_code
   where o.municipality_id = $1
     and o.offer_id in (select f.id from offer f where f.municipality_id = $1 and f.org_unit_id in (select id from scope))
     and g.ended_on between $3 and $4
),
${progressCte('goals')}
select offer_id, theme, count(*) filter (where p in ('gained', 'kept'))::int as hits, count(p)::int as measured
  from progress
 group by grouping sets ((), (theme), (offer_id, theme))`;

/** The strategy indicators per quarter and per offer (strategyDashboard's figures) in one statement. */
export const STRATEGY_SQL = (scoped: boolean) => `
with recursive scope(id) as (
  select $4::uuid
  union all select u.id from org_unit u join scope s on u.parent_id = s.id where u.municipality_id = $1
),
grants as materialized (
  select o.id, o.offer_id, c.citizen_id, coalesce(o.actual_start, d.start_date, o.ordered_on) as start, o.ends_on as ends,
         case when d.legal_basis ~ '§ ?108\\y' then 3
              when d.legal_basis ~ '§ ?107\\y' then 2
              when d.legal_basis ~ '§ ?85\\y' then
                case when exists (select 1 from unnest(f.legal_bases) b where b ~ 'ABL § ?105') then 3 else 1 end
              else 0 end as rung
    from case_order o
    join decision d on d.municipality_id = o.municipality_id and d.id = o.decision_id
    join offer f on f.municipality_id = o.municipality_id and f.id = o.offer_id
    join case_file c on c.municipality_id = o.municipality_id and c.id = o.case_id
   where o.municipality_id = $1 and (o.ends_on is null or o.ends_on >= $2)
     and coalesce(o.actual_start, d.start_date, o.ordered_on) <= $3
     ${scoped ? 'and f.org_unit_id in (select id from scope)' : ''}
),
quarters as (
  select greatest(q::date, $2::date) as qfrom, least((q + interval '3 months')::date - 1, $3::date) as qto,
         extract(year from q) || ' K' || extract(quarter from q) as quarter
    from generate_series(date_trunc('quarter', $2::date::timestamp), $3::date::timestamp, interval '3 months') as q
),
at_end as (
  select q.qto, g.citizen_id, max(g.rung) as rung
    from quarters q join grants g on g.start <= q.qto and (g.ends is null or g.ends >= q.qto) and g.rung > 0
   group by q.qto, g.citizen_id
),
housing as (
  select qto, count(*) filter (where rung = 1) as own, count(*) filter (where rung = 2) as temporary,
         count(*) filter (where rung = 3) as long_term
    from at_end group by qto
),
ended as (
  select q.qto, g.* from quarters q join grants g on g.ends between q.qfrom and q.qto and g.rung > 0
),
following as (
  select distinct on (e.qto, e.id) e.qto, e.id, n.rung as next_rung
    from ended e join grants n on n.citizen_id = e.citizen_id and n.id <> e.id and n.start between e.ends and e.ends + 90
   order by e.qto, e.id, n.start
),
moved as (
  select e.qto, count(*) filter (where f.id is null or (f.next_rung > 0 and f.next_rung < e.rung)) as down
    from ended e left join following f on f.qto = e.qto and f.id = e.id
   group by e.qto
),
closed as (
  select g.id, g.order_id, o.offer_id, g.ended_on, g.baseline_support_need_code as base
    from case_order o join order_goal g on g.municipality_id = o.municipality_id and g.order_id = o.id
   where o.municipality_id = $1 and o.offer_id in (select distinct offer_id from grants) and g.ended_on between $2 and $3
),
${progressCte('closed')},
orders_progress as (
  select e.qto, e.id, count(p.p) > 0 and bool_and(coalesce(p.p, '') <> 'lost') and bool_or(p.p = 'gained') as progressed
    from ended e join progress p on p.order_id = e.id
   group by e.qto, e.id
),
ended_progress as (
  select qto, count(*) filter (where progressed) as progressed, count(*) as orders from orders_progress group by qto
),
fko as (
  select q.qto, count(*) filter (where p.p in ('gained', 'kept')) as hits, count(p.p) as measured
    from quarters q join progress p on p.ended_on between q.qfrom and q.qto
   group by q.qto
)
select json_build_object(
  'quarters', (
    select json_agg(json_build_object(
      'quarter', q.quarter, 'own', coalesce(h.own, 0), 'temporary', coalesce(h.temporary, 0),
      'longTerm', coalesce(h.long_term, 0), 'movedDown', coalesce(m.down, 0),
      'progressed', coalesce(ep.progressed, 0), 'endedOrders', coalesce(ep.orders, 0),
      'fkoHits', coalesce(k.hits, 0), 'fkoGoals', coalesce(k.measured, 0)) order by q.qfrom)
      from quarters q left join housing h on h.qto = q.qto left join moved m on m.qto = q.qto
      left join ended_progress ep on ep.qto = q.qto left join fko k on k.qto = q.qto),
  'offers', (
    select json_agg(json_build_object('offerId', c.offer_id, 'citizens', c.citizens,
                                      'fkoHits', coalesce(k.hits, 0), 'fkoGoals', coalesce(k.measured, 0)))
      from (select offer_id, count(distinct citizen_id) as citizens from grants group by offer_id) c
      left join (select offer_id, count(*) filter (where p in ('gained', 'kept')) as hits, count(p) as measured
                   from progress group by offer_id) k on k.offer_id = c.offer_id)
) as result`;

const pct = (hits: number, n: number) => (n ? Math.round((1000 * hits) / n) / 10 : null);
const hidden = (n: number) => n >= 1 && n <= 4;

async function median(rounds: number, fns: Record<string, () => Promise<unknown>>) {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  const last: Record<string, unknown> = {};
  for (let r = 0; r < rounds; r++)
    for (const [k, fn] of Object.entries(fns)) {
      const t = performance.now();
      last[k] = await fn();
      times[k]?.push(performance.now() - t);
    }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { medians: Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, med(xs)])), times, last };
}

function check(label: string, ok: boolean, detail: unknown) {
  if (!ok) throw new Error(`${label}: the service and the SQL disagree: ${JSON.stringify(detail).slice(0, 2000)}`);
}

/**
 * Both sides connect with PostgreSQL's JIT off: on the hand-written statements it compiled for 9 of 10.5 s (the
 * planner's cost estimates for the CTEs are far above jit_above_cost); case-handling deployments turn it off.
 */
export function withoutJit(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=-c%20jit%3Doff`;
}

export async function runTimings(dbUrl: string, o: { rounds: number; today: PlainDate; municipalityCode: string }) {
  const url = withoutJit(dbUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  try {
    const [who] = (
      await client.query<{ user_id: string; name: string; m: string; mname: string; unit_id: string; unit_name: string }>(
        `select u.id user_id, u.name, m.id m, m.name mname, u.unit_id, ou.name unit_name
           from app_user u join municipality m on m.id = u.municipality_id
           join org_unit ou on ou.municipality_id = u.municipality_id and ou.id = u.unit_id
          where m.code = $1 and u.role = 'analyst' order by u.name limit 1`,
        [o.municipalityCode],
      )
    ).rows;
    if (!who) throw new Error('no analyst');
    const [goal] = (
      await client.query<{ id: string; unit_id: string; theme: string }>(
        `select g.id, a.unit_id, g.theme from agreement_goal g
           join agreement a on a.municipality_id = g.municipality_id and a.id = g.agreement_id
          where g.municipality_id = $1 and g.measure_key = 'fko_keep_or_gain' and a.period_from = '2025-01-01'
            and not exists (select 1 from agreement_goal_unit gu where gu.municipality_id = g.municipality_id and gu.goal_id = g.id)
          order by g.position limit 1`,
        [who.m],
      )
    ).rows;
    if (!goal) throw new Error('no keep-or-gain goal');
    const ctx: RequestContext = {
      actor: {
        userId: who.user_id,
        name: who.name,
        role: 'analyst',
        municipalityId: who.m,
        municipalityName: who.mname,
        municipalityCode: o.municipalityCode,
        unitId: who.unit_id,
        unitName: who.unit_name,
        offerUnitIds: [],
        citizenId: null,
      },
      requestId: 'bench',
      lang: 'da',
      database,
      clock: fixedClock(`${o.today}T10:00:00Z`),
    };
    const period = { from: '2025-01-01' as PlainDate, to: '2025-12-31' as PlainDate };
    const results: Record<string, unknown> = {};

    // a) The keep-or-gain goal.
    const kog = await median(o.rounds, {
      service: () => measureGoalNow(ctx, goal.id, { periodFrom: period.from, periodTo: period.to }),
      sql: async () => (await client.query(KEEP_OR_GAIN_SQL, [who.m, goal.unit_id, period.from, period.to])).rows,
    });
    {
      const m = kog.last.service as Awaited<ReturnType<typeof measureGoalNow>>;
      const rows = kog.last.sql as { offer_id: string | null; theme: string | null; hits: number; measured: number }[];
      const all = rows.find((r) => r.offer_id === null && r.theme === null);
      const mine = rows.find((r) => r.offer_id === null && r.theme === goal.theme);
      check('keep-or-gain (goal)', m.numerator === mine?.hits && m.denominator === mine?.measured, { m, mine });
      const allB = m.breakdown.find((b) => b.key === 'all');
      check('keep-or-gain (all themes)', allB?.denominator === all?.measured && allB?.numerator === all?.hits, { allB, all });
      for (const b of m.breakdown.filter((x) => x.key.startsWith('offer:'))) {
        const r = rows.find((x) => x.offer_id === b.key.slice(6) && x.theme === goal.theme);
        check('keep-or-gain (offer)', b.denominator === (r?.measured ?? 0) && (b.suppressed || b.numerator === (r?.hits ?? 0)), {
          b,
          r,
        });
      }
      results.keepOrGain = {
        goals: m.denominator,
        value: m.value,
        offers: m.breakdown.filter((x) => x.key.startsWith('offer:')).length,
        serviceMs: kog.medians.service,
        sqlMs: kog.medians.sql,
        ratio: (kog.medians.service ?? 0) / (kog.medians.sql ?? 1),
        times: kog.times,
      };
    }

    // b) The strategy indicators, unfiltered and for the center.
    for (const [name, unitId] of [
      ['strategy (municipality)', undefined],
      ['strategy (CSI center)', goal.unit_id],
    ] as const) {
      const q: DashboardQuery = { from: period.from, to: period.to, ...(unitId ? { unitId } : {}) };
      const s = await median(o.rounds, {
        service: () => readStrategyDashboard(ctx, q),
        sql: async () =>
          (await client.query(STRATEGY_SQL(Boolean(unitId)), [who.m, period.from, period.to, unitId ?? who.unit_id])).rows[0]
            ?.result,
      });
      const d = s.last.service as Awaited<ReturnType<typeof readStrategyDashboard>>;
      const x = s.last.sql as {
        quarters: {
          quarter: string;
          own: number;
          temporary: number;
          longTerm: number;
          movedDown: number;
          progressed: number;
          endedOrders: number;
          fkoHits: number;
          fkoGoals: number;
        }[];
        offers: { offerId: string; citizens: number; fkoHits: number; fkoGoals: number }[];
      };
      d.quarters.forEach((dq, i) => {
        const xq = x.quarters[i];
        const same = (a: number | null, b: number) => (hidden(b) ? a === null : a === b);
        check(name, !!xq && dq.quarter === xq.quarter, { dq, xq });
        if (!xq) return;
        check(
          `${name} ${dq.quarter}`,
          same(dq.ownHome, xq.own) &&
            same(dq.temporary, xq.temporary) &&
            same(dq.longTerm, xq.longTerm) &&
            same(dq.movedDown, xq.movedDown) &&
            dq.fkoGoals === xq.fkoGoals &&
            (dq.fkoKeptOrGainedPct === null || dq.fkoKeptOrGainedPct === pct(xq.fkoHits, xq.fkoGoals)) &&
            (dq.endedWithProgressPct === null || dq.endedWithProgressPct === pct(xq.progressed, xq.endedOrders)),
          { dq, xq },
        );
      });
      check(`${name} offers`, d.byOffer.length === x.offers.length, { d: d.byOffer.length, x: x.offers.length });
      for (const b of d.byOffer) {
        const r = x.offers.find((y) => y.offerId === b.offerId);
        check(
          `${name} offer`,
          !!r && (hidden(r.citizens) ? b.citizens === null : b.citizens === r.citizens) && b.fkoGoals === r.fkoGoals,
          {
            b,
            r,
          },
        );
      }
      results[name] = {
        grantsCitizens: x.offers.reduce((n, y) => n + y.citizens, 0),
        fkoGoals: d.quarters.reduce((n, y) => n + y.fkoGoals, 0),
        offers: d.byOffer.length,
        serviceMs: s.medians.service,
        sqlMs: s.medians.sql,
        ratio: (s.medians.service ?? 0) / (s.medians.sql ?? 1),
        times: s.times,
      };
    }
    console.log('\n| measure | service (median) | hand-written SQL (median) | ratio | size |');
    console.log('|---|---|---|---|---|');
    for (const [k, v] of Object.entries(results) as [string, { serviceMs: number; sqlMs: number; ratio: number }][])
      console.log(
        `| ${k} | ${v.serviceMs.toFixed(0)} ms | ${v.sqlMs.toFixed(0)} ms | ${v.ratio.toFixed(2)}× | ${JSON.stringify({ ...v, times: undefined, serviceMs: undefined, sqlMs: undefined, ratio: undefined })} |`,
      );
    return results;
  } finally {
    await client.end();
    await database.close();
  }
}
