import { addDays } from '../../../rules/calendar/date-arithmetic.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { type LineKind, lineOfGrant } from '../../../rules/economy/budget-lines.ts';
import { type Commitment, forecast, grantCommitments, type ForecastGrant as RuleGrant } from '../../../rules/economy/forecast.ts';
import { grantCost } from '../../../rules/economy/grant-price.ts';
import { daysInYear, yearEnd, yearStart } from '../../../rules/economy/rate-card.ts';
import type { Forecast, ForecastRow } from '../../../shared/economy/economy.schema.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { budgetRepository } from './budget.repository.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ageOn, authorityUnit, financingOn, ratesByOffer } from './economy.helpers.ts';
import { type GrantRow, grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

export type ForecastView = 'line' | 'unit' | 'offer';

/**
 * Everything the forecast of a year needs, read with one query per kind (no N+1) and computed by the rules: the
 * running grants priced by the rate cards, places sold, recorded self-payments, budget lines and the actuals to date.
 */
export async function compute(tx: Tx, ctx: RequestContext, year: number, asOf: PlainDate) {
  const m = ctx.actor.municipalityId;
  const from = yearStart(year);
  const to = yearEnd(year);
  const units = await grantsRepository.units(tx, m);
  const offers = await ratesRepository.offers(tx, m);
  const rates = ratesByOffer(await ratesRepository.all(tx, m));
  const grants = await grantsRepository.running(tx, m, from, to);
  const sales = await capacityRepository.sales(tx, m, from, to);
  const payments = await capacityRepository.payments(tx, m, from, to);
  const lines = await budgetRepository.lines(tx, m, year);
  const postings = await budgetRepository.postingsByMonth(tx, m, year, asOf);
  const rules = deadlineRulesFor(ctx.actor.municipalityCode);
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const defaultUnit = authorityUnit(units, null) ?? '';
  // Per offer and per unit once, not per grant (a large municipality has 100,000 grants at a few hundred offers).
  const financing = new Map(offers.map((o) => [o.id, financingOn(rates.get(o.id), asOf)]));
  const unitOf = new Map<string | null, string>();
  const authorityOf = (unitId: string | null) => {
    let unit = unitOf.get(unitId);
    if (unit === undefined) {
      unit = authorityUnit(units, unitId) ?? defaultUnit;
      unitOf.set(unitId, unit);
    }
    return unit;
  };

  const ruleGrants: RuleGrant[] = [];
  for (const g of grants) {
    const offer = offerById.get(g.offer_id);
    if (!offer) continue;
    // Retssikkerhedsloven § 9 c: another municipality may pay for our citizen's place (then a place in our offer is a sale).
    const payingIsUs = g.paying_municipality_code === null || g.paying_municipality_code === ctx.actor.municipalityCode;
    ruleGrants.push({
      id: g.order_id,
      offerId: g.offer_id,
      citizenId: g.citizen_id,
      unitId: authorityOf(g.caseworker_unit_id),
      line: lineOfGrant({ owner: offer.owner, financing: financing.get(g.offer_id) ?? 'frame', payingIsUs }),
      wePay: payingIsUs,
      ageAtYearStart: ageOn(g.birth_date, from),
      coveredBefore67: false,
      legalBasis: g.legal_basis,
      start: g.start as PlainDate,
      endsOn: g.ends_on as PlainDate | null,
      timeLimitUntil: g.time_limit_until as PlainDate | null,
      weeklyHours: g.weekly_hours === null ? null : Number(g.weekly_hours),
      moduleDays: g.module_days,
      profileCode: g.profile_code,
    });
  }
  const commitments: Commitment[] = grantCommitments(ruleGrants, rates, year, asOf, rules);

  // Places sold to other municipalities: income on the sale line, priced like a grant.
  const next = addDays(asOf, 1);
  for (const s of sales) {
    const start = s.from_date > next ? (s.from_date as PlainDate) : next;
    const end = s.to_date !== null && s.to_date < to ? (s.to_date as PlainDate) : to;
    if (end < start) continue;
    const cost = grantCost(
      {
        weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
        moduleDays: s.module_days,
        profileCode: s.profile_code,
      },
      rates.get(s.offer_id) ?? [],
      start,
      end,
    );
    commitments.push({
      unitId: defaultUnit,
      kind: 'sale',
      offerId: s.offer_id,
      amount: -cost.amount,
      spread: cost.segments.map((x) => ({ from: x.from, to: x.to, perDay: -x.perDay })),
      grantId: null,
      problems: cost.problems,
    });
  }
  // Recorded self-payments (§§ 107/108): income on the authority's other accounts.
  for (const p of payments) {
    const start = p.from_date > next ? (p.from_date as PlainDate) : next;
    const end = p.to_date !== null && p.to_date < to ? (p.to_date as PlainDate) : to;
    if (end < start) continue;
    const perDay = -(Number(p.monthly_amount) * 12) / daysInYear(year);
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
    commitments.push({
      unitId: defaultUnit,
      kind: 'other_authority',
      offerId: null,
      amount: Math.round(perDay * days * 100) / 100,
      spread: [{ from: start, to: end, perDay }],
      grantId: null,
    });
  }

  const result = forecast({
    year,
    asOf,
    budget: lines.map((l) => ({ unitId: l.unit_id, kind: l.line_kind, offerId: l.offer_id, amount: Number(l.amount) })),
    postings: postings.map((p) => ({
      unitId: p.unit_id,
      kind: p.line_kind,
      offerId: p.offer_id,
      postedOn: `${year}-${String(p.month).padStart(2, '0')}-01` as PlainDate,
      amount: p.amount,
    })),
    commitments,
  });
  return { result, commitments, grants, units, offers };
}

type Computed = Awaited<ReturnType<typeof compute>>;

export function keyFor(view: ForecastView, r: { unitId: string; kind: LineKind; offerId: string | null }): string {
  if (view === 'unit') return r.unitId;
  if (view === 'offer') return r.offerId ?? '';
  return `${r.unitId}|${r.kind}`;
}

/** The rule's rows at the view's level (line = unit and line; unit; offer), with names. */
export function view(c: Computed, by: ForecastView, lang: Language): ForecastRow[] {
  const unitName = new Map(c.units.map((u) => [u.id, u.name]));
  const offerName = new Map(c.offers.map((o) => [o.id, o.name]));
  const grantsByRow = new Map<string, number>();
  for (const cm of c.commitments) if (cm.grantId) grantsByRow.set(keyFor(by, cm), (grantsByRow.get(keyFor(by, cm)) ?? 0) + 1);
  const rows = new Map<string, ForecastRow>();
  for (const r of c.result.rows) {
    const key = keyFor(by, r);
    const existing = rows.get(key);
    if (existing) {
      existing.budget += r.budget;
      existing.actual += r.actual;
      existing.committed += r.committed;
      existing.forecast += r.forecast;
      existing.variance += r.variance;
      if (existing.method !== r.method) existing.method = 'mixed';
      continue;
    }
    rows.set(key, {
      key,
      unitId: by === 'offer' ? null : r.unitId,
      unitName: by === 'offer' ? null : (unitName.get(r.unitId) ?? null),
      kind: by === 'line' ? r.kind : null,
      offerId: by === 'offer' ? r.offerId : null,
      offerName: by === 'offer' ? (r.offerId ? (offerName.get(r.offerId) ?? null) : null) : null,
      budget: r.budget,
      actual: r.actual,
      committed: r.committed,
      forecast: r.forecast,
      variance: r.variance,
      method: r.method,
      grants: grantsByRow.get(key) ?? 0,
    });
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  const order: readonly string[] = [
    'center_common',
    'purchase_external',
    'purchase_internal',
    'refund',
    'sale',
    'other_authority',
    'operating',
    'provider_sales',
  ];
  return [...rows.values()]
    .map((r) => ({
      ...r,
      budget: round(r.budget),
      actual: round(r.actual),
      committed: round(r.committed),
      forecast: round(r.forecast),
      variance: round(r.variance),
    }))
    .sort(
      (a, b) =>
        (a.unitName ?? a.offerName ?? '').localeCompare(b.unitName ?? b.offerName ?? '', lang === 'da' ? 'da' : 'en') ||
        order.indexOf(a.kind ?? '') - order.indexOf(b.kind ?? ''),
    );
}

export function summary(
  c: Computed,
  year: number,
  asOf: PlainDate,
  by: ForecastView,
  lang: Language,
  drillDown: boolean,
): Forecast {
  const rows = view(c, by, lang);
  const sum = (f: (r: ForecastRow) => number) => Math.round(rows.reduce((s, r) => s + f(r), 0) * 100) / 100;
  return {
    year,
    asOf,
    by,
    rows,
    total: {
      budget: sum((r) => r.budget),
      actual: sum((r) => r.actual),
      committed: sum((r) => r.committed),
      forecast: sum((r) => r.forecast),
      variance: sum((r) => r.variance),
      grants: c.commitments.filter((cm) => cm.grantId).length,
    },
    months: c.result.months,
    runningGrants: c.grants.length,
    carriedRates: c.commitments.filter((cm) => cm.problems?.includes('carried_rate')).length,
    unpricedGrants: c.commitments.filter((cm) => cm.problems?.includes('no_rate')).length,
    drillDown,
  };
}

/** The forecast's default date: today within the year, else the day before it starts or its last day. */
export const defaultAsOf = (year: number, now: PlainDate): PlainDate => {
  if (now < yearStart(year)) return addDays(yearStart(year), -1);
  return now > yearEnd(year) ? yearEnd(year) : now;
};

export function frameText(g: GrantRow): string {
  if (g.weekly_hours !== null)
    return `${Number(g.weekly_hours).toLocaleString('da-DK')} t/uge${g.profile_code ? ` (profil ${g.profile_code})` : ''}`;
  if (g.module_days !== null) return `${g.module_days} moduldage/uge`;
  return g.profile_code ? `profil ${g.profile_code}` : 'døgn';
}
