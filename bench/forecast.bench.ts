/**
 * The forecast and the what-if over 100,000 running grants (issue 13).
 *
 * Method: one database (PGlite in memory by default; PostgreSQL with BENCH_DATABASE_URL), migrated; one municipality
 * with G running grants (default 100,000; BENCH_GRANTS), generated the same every run: a citizen, a case, a decision
 * and an order each, spread over five offers priced four ways (a daily rate with a change of rate on 1 July, an hourly
 * price, weekly prices per citizen profile, module days within 46 weeks) plus a bought place with a buyer-paid add-on;
 * starts over 2024–2026, one in ten (half the bought places) stopped in 2026, one in seven time-limited, all decided under one SEL § 85
 * service level with a draft that widens profile 3. Budget lines and nine months of postings. Median of R runs
 * (default 5) of:
 * - the forecast as the service computes it (`readForecast`: one query per kind, then the pure rules per grant in
 *   TypeScript), as of 30 September 2026, by budget line;
 * - the baseline: one hand-written SQL aggregate that computes the same committed cost per line in the database
 *   (planned ends, § 85's four weeks, rate versions, the four bases, add-ons), in the same run; its total is checked
 *   against the service's;
 * - the what-if of the draft over the same grants (`runWhatIf`).
 */
import { sql } from 'kysely';
import { migrateDatabase } from '../src/server/db/schema.ts';
import { stableUuid } from '../src/server/db/seed/deterministic.ts';
import { readForecast } from '../src/server/modules/economy/read-forecast.use-case.ts';
import { runWhatIf } from '../src/server/modules/economy/run-what-if.use-case.ts';
import type { RequestContext } from '../src/server/platform/auth/actor.ts';
import { fixedClock } from '../src/server/platform/clock.ts';
import { openDatabase } from '../src/server/platform/db/database.ts';
import { inTenant } from '../src/server/platform/tx.ts';
import type { PlainDate } from '../src/shared/plain-date.ts';

const G = Number(process.env.BENCH_GRANTS ?? 100_000);
const R = Number(process.env.BENCH_RUNS ?? 5);
const url = process.env.BENCH_DATABASE_URL;
const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite' });
await migrateDatabase(database);
const m = stableUuid('bench-forecast:m');
const authority = stableUuid('bench-forecast:authority');
const v1 = stableUuid('bench-forecast:v1');
const v2 = stableUuid('bench-forecast:v2');
const offer = (k: string) => stableUuid(`bench-forecast:offer:${k}`);
const bands = (p3: number) =>
  JSON.stringify({
    purpose: 'x',
    targetGroup: 'x',
    profileBands: [
      { code: '1', above: 0, upTo: 1 },
      { code: '2', above: 1, upTo: 2.5 },
      { code: '3', above: 2.5, upTo: p3 },
      { code: '4', above: p3, upTo: 8.5 },
      { code: '5', above: 8.5, upTo: 14 },
    ],
  });

const t0 = performance.now();
await database.adminTransaction(async (tx) => {
  const exists = await tx.query('select 1 from municipality where id = $1', [m]);
  if (exists.length) return;
  await tx.query(`insert into municipality (id, code, name) values ($1, '997', 'Prognosekommune')`, [m]);
  await tx.query(`insert into org_unit (id, municipality_id, kind, name) values ($1, $2, 'authority', 'Myndighed')`, [
    authority,
    m,
  ]);
  const offers: [string, string, string, string][] = [
    ['daily', 'Botilbuddet', 'own', 'SEL § 108'],
    ['hourly', 'Bostøtten', 'own', 'SEL § 85'],
    ['profile', 'Profilstøtten', 'own', 'SEL § 85'],
    ['module', 'Dagtilbuddet', 'own', 'SEL § 104'],
    ['bought', 'Privat botilbud', 'private', 'SEL § 108'],
  ];
  for (const [k, name, owner, basis] of offers) {
    await tx.query(
      `insert into offer (id, municipality_id, key, name, owner, legal_bases, places, content, source)
       values ($1, $2, $3, $4, $5, array[$6], 40, '{}'::jsonb, 'bench')`,
      [offer(k), m, k, name, owner, basis],
    );
  }
  const rate = (k: string, year: number, from: string, basis: string, price: number, extra: Record<string, unknown> = {}) =>
    tx.query(
      `insert into rate_card (municipality_id, offer_id, rate_year, in_force_from, pricing_basis, daily_rate, hourly_rate, module_day_rate,
         profile_prices, add_ons, financing, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'rate', 'bench')`,
      [
        m,
        offer(k),
        year,
        from,
        basis,
        basis === 'daily' ? price : null,
        basis === 'hourly' ? price : null,
        basis === 'module' ? price : null,
        JSON.stringify(extra.profilePrices ?? []),
        JSON.stringify(extra.addOns ?? []),
      ],
    );
  const profilePrices = (p: number) =>
    [1, 2.5, 4.5, 8.5, 14].map((h, i) => ({ code: String(i + 1), weeklyPrice: Math.round(h * p) }));
  for (const [year, f] of [
    [2026, 1],
    [2027, 1.025],
  ] as const) {
    await rate('daily', year, `${year}-01-01`, 'daily', Math.round(1800 * f));
    await rate('hourly', year, `${year}-01-01`, 'hourly', Math.round(480 * f));
    await rate('profile', year, `${year}-01-01`, 'profile', 0, { profilePrices: profilePrices(Math.round(480 * f)) });
    await rate('module', year, `${year}-01-01`, 'module', Math.round(620 * f));
    await rate('bought', year, `${year}-01-01`, 'daily', Math.round(2600 * f), {
      addOns: [{ label: 'Kost', amount: 1500, per: 'month', paidBy: 'buyer' }],
    });
  }
  await rate('daily', 2026, '2026-07-01', 'daily', 1850);
  const sd = stableUuid('bench-forecast:sd');
  await tx.query(
    `insert into service_description (id, municipality_id, key, kind, legal_basis, title) values ($1, $2, 'sel-85', 'service_level', 'SEL § 85', 'Socialpædagogisk støtte')`,
    [sd, m],
  );
  await tx.query(
    `insert into service_description_version (id, municipality_id, service_description_id, number, status, content, in_force_from, approved_at)
     values ($1, $2, $3, 1, 'approved', $4::jsonb, date '2024-01-01', now())`,
    [v1, m, sd, bands(4.5)],
  );
  await tx.query(
    `insert into service_description_version (id, municipality_id, service_description_id, number, status, content)
     values ($1, $2, $3, 2, 'draft', $4::jsonb)`,
    [v2, m, sd, bands(5)],
  );
  await tx.query(
    `insert into citizen (id, municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name)
     select md5('fc' || g)::uuid, $1, lpad((g % 1000000000)::text, 10, '0'), true, date '1950-01-01' + (g % 18000), 'Borger', 'Nr' || g
     from generate_series(1, $2) g`,
    [m, G],
  );
  await tx.query(
    `insert into case_file (id, municipality_id, citizen_id, status, title, opened_on)
     select md5('ff' || g)::uuid, $1, md5('fc' || g)::uuid, 'ordered', 'Bevilling', date '2024-01-01' from generate_series(1, $2) g`,
    [m, G],
  );
  // Offer by g % 5: bought, daily, hourly, profile, module. Frames fit the offer.
  await tx.query(
    `insert into decision (id, municipality_id, case_id, outcome, legal_basis, service_description_version_id, weekly_hours, profile_code,
       module_days, start_date, time_limit_until, reasons, party_hearing, decided_on)
     select md5('fd' || g)::uuid, $1, md5('ff' || g)::uuid, 'granted',
       case g % 5 when 2 then 'SEL § 85' when 3 then 'SEL § 85' when 4 then 'SEL § 104' else 'SEL § 108' end, $3,
       case when g % 5 in (2, 3) then 0.5 + (g % 16) * 0.5 end,
       case when g % 5 in (2, 3) then (case when 0.5 + (g % 16) * 0.5 <= 1 then '1' when 0.5 + (g % 16) * 0.5 <= 2.5 then '2'
         when 0.5 + (g % 16) * 0.5 <= 4.5 then '3' when 0.5 + (g % 16) * 0.5 <= 8.5 then '4' else '5' end) end,
       case when g % 5 = 4 then 1 + (g / 5) % 5 end,
       date '2024-01-01' + (g % 1000),
       case when g % 7 = 0 then date '2026-03-01' + (g % 300) end,
       'x', 'done', date '2024-01-01' + (g % 1000)
     from generate_series(1, $2) g`,
    [m, G, v1],
  );
  await tx.query(
    `insert into case_order (id, municipality_id, case_id, decision_id, offer_id, ordered_on, first_follow_up, status, actual_start, ends_on)
     select md5('fo' || g)::uuid, $1, md5('ff' || g)::uuid, md5('fd' || g)::uuid,
       (array[$3::uuid, $4::uuid, $5::uuid, $6::uuid, $7::uuid])[(g % 5) + 1],
       date '2024-01-01' + (g % 1000), date '2027-01-01', 'accepted', date '2024-01-01' + (g % 1000),
       case when g % 5 = 0 and g % 2 = 0 then date '2026-02-01' + (g % 330) end
     from generate_series(1, $2) g`,
    [m, G, offer('bought'), offer('daily'), offer('hourly'), offer('profile'), offer('module')],
  );
  for (const [kind, amount] of [
    ['purchase_internal', 900_000_000],
    ['purchase_external', 400_000_000],
  ] as const) {
    await tx.query(
      `insert into budget_line (municipality_id, budget_year, unit_id, line_kind, label, amount) values ($1, 2026, $2, $3, $3, $4)`,
      [m, authority, kind, amount],
    );
    await tx.query(
      `insert into budget_posting (municipality_id, budget_year, voucher, posted_on, unit_id, line_kind, amount)
       select $1, 2026, $3 || '-' || mo, (date '2026-01-01' + (mo || ' month')::interval + interval '-1 day' + interval '1 month')::date, $2, $3, $4 / 12
       from generate_series(0, 8) mo`,
      [m, authority, kind, amount],
    );
  }
  await tx.exec('analyze');
});
const setupMs = performance.now() - t0;

const ctx: RequestContext = {
  actor: {
    userId: stableUuid('bench-forecast:user'),
    name: 'Bench',
    role: 'economist',
    municipalityId: m,
    municipalityName: 'Prognosekommune',
    municipalityCode: '997',
    unitId: null,
    unitName: null,
    offerUnitIds: [],
    citizenId: null,
  },
  requestId: 'bench',
  lang: 'da',
  database,
  clock: fixedClock('2026-09-30T10:00:00Z'),
};
const asOf = '2026-09-30' as PlainDate;

/**
 * The baseline: the committed cost of every running grant from 1 October to 31 December 2026 per line, in one SQL
 * statement. Planned end: the order's end, else the earlier of the time limit (plus four weeks for § 85) and § 107's
 * three years; each rate version's days in the period priced by its basis (2026 has 365 days).
 */
const baseline = sql<{ line: string; amount: string; grants: number }>`
  with g as (
    select o.id, o.offer_id, f.owner, d.legal_basis, d.weekly_hours, d.profile_code, d.module_days,
      greatest(coalesce(o.actual_start, d.start_date, o.ordered_on), date '2026-10-01') as p_from,
      least(date '2026-12-31', coalesce(o.ends_on, date '9999-12-31'),
        coalesce(case when d.legal_basis = 'SEL § 85' then d.time_limit_until + 28 else d.time_limit_until end, date '9999-12-31'),
        case when d.legal_basis = 'SEL § 107' then (coalesce(o.actual_start, d.start_date, o.ordered_on) + interval '3 years')::date else date '9999-12-31' end
      ) as p_to
    from case_order o
    join decision d on d.municipality_id = o.municipality_id and d.id = o.decision_id
    join offer f on f.municipality_id = o.municipality_id and f.id = o.offer_id
    where o.municipality_id = ${m} and (o.ends_on is null or o.ends_on >= date '2026-01-01')
  ), v as (
    select r.*, coalesce(r.in_force_to, (lead(r.in_force_from) over (partition by r.offer_id, r.rate_year order by r.in_force_from) - 1),
      make_date(r.rate_year, 12, 31)) as v_to
    from rate_card r where r.municipality_id = ${m}
  ), priced as (
    select g.id, g.owner,
      (least(g.p_to, v.v_to) - greatest(g.p_from, v.in_force_from) + 1) * (
        case v.pricing_basis
          when 'daily' then v.daily_rate
          when 'hourly' then g.weekly_hours * v.hourly_rate / 7
          when 'module' then g.module_days * v.module_day_rate * 46 / 365.0
          when 'profile' then (select (p ->> 'weeklyPrice')::numeric from jsonb_array_elements(v.profile_prices) p where p ->> 'code' = g.profile_code) / 7
        end
        + coalesce((select sum((a ->> 'amount')::numeric * 12 / 365.0) from jsonb_array_elements(v.add_ons) a
            where a ->> 'paidBy' = 'buyer' and a ->> 'per' = 'month'), 0)
      ) as amount
    from g join v on v.offer_id = g.offer_id and v.in_force_from <= g.p_to and v.v_to >= g.p_from
    where g.p_from <= g.p_to
  )
  select case when owner = 'private' then 'purchase_external' else 'purchase_internal' end as line,
    sum(round(amount, 2))::text as amount, count(distinct id)::int as grants
  from priced group by 1 order by 1`;

async function median<T>(run: () => Promise<T>): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < R; i++) {
    const t = performance.now();
    last = await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? 0, last: last as T };
}

const service = await median(() => readForecast(ctx, { year: 2026, asOf, by: 'line' }));
const sqlAggregate = await median(() => inTenant(database, m, async (tx) => (await baseline.execute(tx)).rows));
const draft = await median(() =>
  runWhatIf(ctx, { versionId: v2, on: '2026-10-01' as PlainDate, hoursChange: 0, rateOverrides: [] }),
);

const committedBy = (kind: string) => service.last.rows.find((r) => r.kind === kind)?.committed ?? 0;
const serviceCommitted = committedBy('purchase_internal') + committedBy('purchase_external');
const sqlCommitted = sqlAggregate.last.reduce((s, r) => s + Number(r.amount), 0);
console.log(`database: ${database.kind}; grants: ${G} (set-up ${(setupMs / 1000).toFixed(1)} s); median of ${R}`);
console.log(`forecast by the service (readForecast): ${service.ms.toFixed(0)} ms; running grants ${service.last.runningGrants}`);
console.log(
  `baseline, one SQL aggregate: ${sqlAggregate.ms.toFixed(0)} ms; grants ${sqlAggregate.last.reduce((s, r) => s + r.grants, 0)}`,
);
console.log(`ratio service / SQL: ${(service.ms / sqlAggregate.ms).toFixed(1)}×`);
console.log(
  `committed 1 Oct–31 Dec: service ${serviceCommitted.toFixed(2)} kr., SQL ${sqlCommitted.toFixed(2)} kr., difference ${(serviceCommitted - sqlCommitted).toFixed(2)} kr.`,
);
console.log(
  `what-if of the draft (profile 3 to 5 hours): ${draft.ms.toFixed(0)} ms; grants ${draft.last.total.grants}, moved ${draft.last.total.moved}, change ${draft.last.total.delta.toFixed(2)} kr. a year`,
);
await database.close();
