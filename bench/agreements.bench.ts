/**
 * The agreement's keep-or-gain share and the strategy indicators over national-scale data (issue 14), against the
 * best hand-written SQL for the same figures in the same run.
 *
 *   npm run bench:agreements                                   # own throwaway PostgreSQL 15 cluster, stopped at the end
 *   npm run bench:agreements -- --database-url postgres://…    # an existing server (the data set is built if missing)
 *   npm run bench:agreements -- --rounds 5 | --build-only
 *
 * Method.
 * 1. Data (built once; a database that has it is reused). The demo municipalities come from the generator as
 *    `npm start` loads them (src/server/db/generator, size demo, with the agreements' seed: Randers' Center for Særlig
 *    Social Indsats and its 2025–2026 agreement), and the generator's 95 more municipalities (organisation, service
 *    levels and offers; areas/organisation.ts). Then set-based SQL (generate_series, one statement per table, no row
 *    by row) adds 1,000,000 citizens over the 98 municipalities: Randers made the largest at 100,000 (a tenth of the
 *    country, the worst case for one municipality's figures), the other 97 sharing 900,000. Each citizen has a case
 *    with a grant (a decision and an order at one of the municipality's offers, under one of the offer's SEL
 *    paragraphs); one in ten a second case starting two weeks after the first grant ended (so moves down the ladder
 *    happen). Grants start over four years; 60 % have ended (90–600 days), the rest are running (started in the last
 *    700 days). Each order has 1–3
 *    goals (5/30/65 %) on a VUM condition with a baseline support need; each goal is scored every 91 days while the
 *    order runs and once finally when it ends (one goal in twenty never), each score one level better, equal or worse
 *    than the baseline (35/45/20 %): about 10,000,000 FKO scores. Ids and draws are md5 hashes of the row's position,
 *    so the same command builds the same data. Foreign-key triggers are off while loading (session_replication_role),
 *    the rows are consistent by construction; then ANALYZE.
 * 2. What is timed, in Randers as its analyst (Kasper Friis), each R rounds, interleaved (service, SQL, service, …):
 *    a) the keep-or-gain goal of the CSI agreement (C1, 2025) measured as the app measures it (`measureGoalNow`: the
 *       goal, its units, the center's offers, the closed goals, their FKO scores, the rule per goal in TypeScript,
 *       the breakdown per theme and offer, the stored value, the audit) against one hand-written SQL statement giving
 *       the same figures (the share overall, per theme and per offer, from the latest score per goal);
 *    b) the strategy indicators for 2025 by quarter (`readStrategyDashboard`, unfiltered and for the CSI center)
 *       against one hand-written SQL statement computing the same quarters (own home against housing offers at the
 *       quarter's end, moves down the ladder, support ended with progression, the FKO share) and per offer.
 *    Each pair's figures are compared (equal, or the bench fails). Medians of the rounds, with the ratio. Both sides
 *    connect with JIT off (see withoutJit) and the server's defaults otherwise (work_mem 4 MB; shared_buffers as set).
 * 3. Report: Markdown table on stdout and JSON in bench/results/agreements-<time>.json, with the load average.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createExtraMunicipalities } from '../src/server/db/generator/areas/organisation.ts';
import { generate } from '../src/server/db/generator/generate.ts';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { seedAgreements } from '../src/server/db/seed/agreements-seed.ts';
import { importFfb } from '../src/server/db/seed/ffb-import.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import type { PlainDate } from '../src/shared/plain-date.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rounds: { type: 'string', default: '5' },
    today: { type: 'string', default: '2026-12-01' },
    'build-only': { type: 'boolean', default: false },
  },
});
const ROUNDS = Number(args.rounds);
const TODAY = args.today as PlainDate;
const LARGE = '730';
const LARGE_CITIZENS = 100_000;
const OTHER_CITIZENS = 900_000;

function log(line: string) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** The bulk rows, one statement per table (see the method, step 1). */
function bulkSql(today: PlainDate): string[] {
  // A deterministic draw in [0, 1) from a text key.
  const u = (key: string) => `(('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint & 2147483647) / 2147483648.0`;
  const uuid = (key: string) => `md5(${key})::uuid`;
  return [
    `set session_replication_role = replica`,
    `create unlogged table bench_m as
       with m as (
         select m.id, m.code, row_number() over (order by m.code) - 1 as k, count(*) over () as others
           from municipality m where not m.is_system and m.code <> '${LARGE}'
       )
       select id, code, (${OTHER_CITIZENS} / others + case when k < ${OTHER_CITIZENS} % others then 1 else 0 end)::int as n
         from m
       union all select id, code, ${LARGE_CITIZENS} from municipality where code = '${LARGE}'`,
    `alter table bench_m add column first bigint`,
    `update bench_m b set first = s.first from (
       select id, 1 + coalesce(sum(n) over (order by code rows between unbounded preceding and 1 preceding), 0) as first from bench_m
     ) s where s.id = b.id`,
    // Every SEL paragraph an offer is for, numbered per municipality; and a service level version per paragraph.
    `create unlogged table bench_offer as
       select o.municipality_id, o.id as offer_id, p.basis as legal_basis,
              row_number() over (partition by o.municipality_id order by o.key, p.basis) - 1 as k
         from offer o cross join lateral unnest(o.legal_bases) as p(basis)
        where p.basis like 'SEL § %' and p.basis not in ('SEL § 110')`,
    `create unlogged table bench_offer_n as select municipality_id, count(*)::int as n from bench_offer group by 1`,
    `create unlogged table bench_sdv as
       select distinct on (v.municipality_id) v.municipality_id, v.id as sdv_id
         from service_description_version v order by v.municipality_id, v.id`,
    // First cases: one per citizen.
    `create unlogged table bench_case as
       select b.id as municipality_id, g as gi, 1 as j,
              ${uuid(`'citizen:' || g`)} as citizen_id, ${uuid(`'case:' || g || ':1'`)} as case_id,
              ${u(`'offer:' || g || ':1'`)} as r_offer, ${u(`'end:' || g || ':1'`)} as r_end,
              ${u(`'start:' || g || ':1'`)} as r_start, ${u(`'dur:' || g || ':1'`)} as r_dur
         from bench_m b cross join lateral generate_series(b.first, b.first + b.n - 1) as g`,
    `alter table bench_case add column start_on date, add column ends_on date`,
    `update bench_case set
       start_on = case when r_end < 0.6 then date '${today}' - 1460 + (r_start * 1340)::int
                       else date '${today}' - 700 + (r_start * 670)::int end,
       ends_on = case when r_end < 0.6 then date '${today}' - 1460 + (r_start * 1340)::int + 90 + (r_dur * 510)::int end`,
    `update bench_case set ends_on = null where ends_on >= date '${today}'`,
    // Second cases: one citizen in ten, two weeks after the first grant ended, running or ended.
    `insert into bench_case (municipality_id, gi, j, citizen_id, case_id, r_offer, r_end, r_start, r_dur, start_on, ends_on)
       select municipality_id, gi, 2, citizen_id, ${uuid(`'case:' || gi || ':2'`)}, ${u(`'offer:' || gi || ':2'`)},
              ${u(`'end:' || gi || ':2'`)}, 0, ${u(`'dur:' || gi || ':2'`)}, ends_on + 14,
              case when ${u(`'end:' || gi || ':2'`)} < 0.5 and ends_on + 14 + 90 + (${u(`'dur:' || gi || ':2'`)} * 510)::int < date '${today}'
                   then ends_on + 14 + 90 + (${u(`'dur:' || gi || ':2'`)} * 510)::int end
         from bench_case where j = 1 and ends_on is not null and ends_on + 14 < date '${today}' - 30 and ${u(`'second:' || gi`)} < 0.2`,
    `alter table bench_case add column offer_id uuid, add column legal_basis text, add column sdv_id uuid`,
    `update bench_case c set offer_id = o.offer_id, legal_basis = o.legal_basis, sdv_id = s.sdv_id
       from bench_offer_n n, bench_offer o, bench_sdv s
      where n.municipality_id = c.municipality_id and o.municipality_id = c.municipality_id
        and o.k = floor(c.r_offer * n.n)::int and s.municipality_id = c.municipality_id`,
    `insert into citizen (id, municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name, created_at, updated_at)
       select citizen_id, municipality_id, '99' || lpad(gi::text, 8, '0'), false,
              date '1945-01-01' + (${u(`'born:' || gi`)} * 20000)::int, 'Bench', 'Borger ' || gi, now(), now()
         from bench_case where j = 1`,
    `insert into case_file (id, municipality_id, citizen_id, status, title, opened_on, journal_number)
       select case_id, municipality_id, citizen_id, case when ends_on is null then 'ordered' else 'closed' end,
              'Ansøgning efter ' || legal_basis, start_on - 44, 'B-' || gi || '-' || j
         from bench_case`,
    `insert into decision (id, municipality_id, case_id, outcome, legal_basis, service_description_version_id, start_date,
                           reasons, party_hearing, decided_on)
       select ${uuid(`'decision:' || gi || ':' || j`)}, municipality_id, case_id, 'granted', legal_basis, sdv_id, start_on,
              'Bevilget (benchmark).', 'not_needed', start_on - 14
         from bench_case`,
    `insert into case_order (id, municipality_id, case_id, decision_id, offer_id, ordered_on, first_follow_up, status,
                             accepted_on, actual_start, ends_on, ended_reason)
       select ${uuid(`'order:' || gi || ':' || j`)}, municipality_id, case_id, ${uuid(`'decision:' || gi || ':' || j`)},
              offer_id, start_on - 10, start_on + 91, case when ends_on is null then 'accepted' else 'ended' end,
              start_on - 7, start_on, ends_on, case when ends_on is null then null else 'goal_reached' end
         from bench_case`,
    // Goals: 1–3 per order (5/30/65 %), condition, type and baseline drawn from the FFB lists the demo uses.
    `create unlogged table bench_codes as
       select array(select distinct condition_code from order_goal order by 1) as conditions,
              array(select distinct goal_type_code from order_goal order by 1) as types,
              -- FFB support needs, none (1) to complete (5).
              array['ae9f388a-91c3-46cf-af55-f81952f2977c', 'dd628e73-d6c9-4837-a2b8-aa62d73bd6ae',
                    '401a397b-b3aa-4ca3-8b23-bd8f99dd3f76', 'b99a0790-4d70-4152-b149-3fe58b745583',
                    'e99763d6-6c43-4969-ad52-2b1a7055f9dc'] as needs`,
    `create unlogged table bench_goal as
       select c.municipality_id, ${uuid(`'order:' || c.gi || ':' || c.j`)} as order_id,
              ${uuid(`'goal:' || c.gi || ':' || c.j || ':' || p`)} as goal_id, p as position, c.gi, c.j,
              c.start_on, c.ends_on,
              1 + floor(${u(`'base:' || c.gi || ':' || c.j || ':' || p`)} * 4)::int as base_rank,
              ${u(`'cond:' || c.gi || ':' || c.j || ':' || p`)} as r_cond,
              ${u(`'type:' || c.gi || ':' || c.j || ':' || p`)} as r_type,
              ${u(`'scored:' || c.gi || ':' || c.j || ':' || p`)} < 0.05 as unscored
         from bench_case c cross join lateral generate_series(1,
                case when ${u(`'goals:' || c.gi || ':' || c.j`)} < 0.05 then 1
                     when ${u(`'goals:' || c.gi || ':' || c.j`)} < 0.35 then 2 else 3 end) as p`,
    `insert into order_goal (id, municipality_id, order_id, position, text, indicator, target_date, condition_code,
                             goal_type_code, baseline_support_need_code, target_support_need_code, ended_on)
       select g.goal_id, g.municipality_id, g.order_id, g.position, 'Mål ' || g.position, 'Indikator',
              g.start_on + 365, k.conditions[1 + floor(g.r_cond * cardinality(k.conditions))::int],
              k.types[1 + floor(g.r_type * cardinality(k.types))::int], k.needs[g.base_rank + 1],
              k.needs[g.base_rank], g.ends_on
         from bench_goal g cross join bench_codes k`,
    // FKO scores: every 91 days while the order runs (before its end or today), and a final one at its end.
    `insert into fko_status (id, municipality_id, order_id, goal_id, kind, scored_on, support_need_code, justification,
                             scored_by_name, created_at)
       select ${uuid(`'fko:' || g.goal_id || ':' || q`)}, g.municipality_id, g.order_id, g.goal_id,
              case when q = 0 then 'final' else 'quarterly' end,
              case when q = 0 then g.ends_on else g.start_on + 91 * q end,
              k.needs[1 + least(g.base_rank + case when r < 0.35 then -1 when r < 0.8 then 0 else 1 end, 4)],
              'Scoret (benchmark).', 'Leverandør', now()
         from bench_goal g cross join bench_codes k
         cross join lateral generate_series(case when g.ends_on is null then 1 else 0 end,
                      ((coalesce(g.ends_on, date '${today}') - g.start_on - 1) / 91)) as q
         cross join lateral (select ${u(`'need:' || g.goal_id || ':' || q`)} as r) d
        where not g.unscored`,
    `set session_replication_role = origin`,
    `drop table bench_case, bench_goal, bench_offer, bench_offer_n, bench_sdv, bench_codes, bench_m`,
  ];
}

async function build(url: string) {
  const started = performance.now();
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  try {
    await migrateDatabase(database);
    await importFfb(database);
    const demo = await generate(database, { size: 'demo', today: TODAY });
    log(`demo generated (${demo.municipalities.join(', ')}) in ${(demo.ms / 1000).toFixed(1)} s`);
    await seedAgreements(database);
    await database.adminTransaction((tx) => createExtraMunicipalities(tx, 95, `${TODAY}T08:00:00Z`));
    log(`95 more municipalities in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set maintenance_work_mem = '512MB'");
    for (const statement of bulkSql(TODAY)) {
      const t = performance.now();
      const r = await client.query(statement);
      log(
        `${((performance.now() - t) / 1000).toFixed(1).padStart(7)} s  ${r.rowCount ?? ''}  ${statement.replace(/\s+/g, ' ').slice(0, 90)}`,
      );
    }
    const t = performance.now();
    await client.query('analyze');
    log(`analyze ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
  log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ citizens: string; cases: string; goals: string; fko: string; municipalities: string }>(
      `select (select count(*) from citizen) citizens, (select count(*) from case_file) cases,
              (select count(*) from order_goal) goals, (select count(*) from fko_status) fko,
              (select count(*) from municipality where not is_system) municipalities`,
    );
    const row = r.rows[0];
    return {
      citizens: Number(row?.citizens ?? 0),
      cases: Number(row?.cases ?? 0),
      goals: Number(row?.goals ?? 0),
      fko: Number(row?.fko ?? 0),
      municipalities: Number(row?.municipalities ?? 0),
    };
  } catch {
    return { citizens: 0, cases: 0, goals: 0, fko: 0, municipalities: 0 };
  } finally {
    await client.end();
  }
}

let clusterDir: string | null = null;
let url = args['database-url'];
if (!url) {
  clusterDir = mkdtempSync(join(tmpdir(), 'agreements-bench-'));
  url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', clusterDir], { encoding: 'utf8' }).trim();
}
try {
  let have = await counts(url);
  if (have.citizens < 1_000_000) {
    log('building the national data set');
    await build(url);
    have = await counts(url);
  }
  log(`data: ${JSON.stringify(have)}`);
  if (!args['build-only']) {
    const { runTimings } = await import('./agreements-timings.ts');
    const results = await runTimings(url, { rounds: ROUNDS, today: TODAY, municipalityCode: LARGE });
    const out = { when: new Date().toISOString(), loadavg: loadavg(), data: have, results };
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/agreements-${out.when.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify(out, null, 2));
    log(`written ${file}`);
  }
} finally {
  if (clusterDir) execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', clusterDir]);
}
