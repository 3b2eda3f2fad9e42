import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, daysBetween } from '../calendar/date-arithmetic.ts';
import type { DeadlineRuleSet } from '../deadlines/deadline-rules.ts';
import { GRANT_DRIVEN, type LineKind, signOf } from './budget-lines.ts';
import { type EndReason, type GrantDates, runningWithin } from './grant-period.ts';
import { type GrantFrame, grantCost, type PriceProblem, partOf, roundOre } from './grant-price.ts';
import { daysInYear, type RateTimeline, type RateVersion, timeline, yearEnd, yearStart } from './rate-card.ts';
import { covered176, refund176 } from './refund-176.ts';

/**
 * The forecast (prognose) of a budget year as seen on a date: actuals to date (the finance system's postings up to
 * and including `asOf`) plus what is still to come to the year's end, against the budget, per unit, line and offer.
 * What is still to come:
 * - lines driven by grants: the committed cost of every running grant from the day after `asOf` to its planned end
 *   or the year's end (grant-period.ts), priced by the rate cards (grant-price.ts); sales as income; the § 176 refund
 *   on each covered citizen's cost for the whole year; recorded self-payments;
 * - other lines (center common, operating, the providers' sales): the budget not yet reached, pro rata by days;
 * - a line driven by grants that has no grant at all (its grants are not in Visitator, e.g. the year it was taken into
 *   use) falls back to pro rata too, and says so, rather than forecasting nothing for the rest of the year.
 */
export type LineKey = { unitId: string; kind: LineKind; offerId: string | null };
export type BudgetIn = LineKey & { amount: number };
export type PostingIn = LineKey & { postedOn: PlainDate; amount: number };
/** A cost still to come, with its per-day amounts so it can be spread over the months. */
export type Commitment = LineKey & {
  amount: number;
  spread: readonly { from: PlainDate; to: PlainDate; perDay: number }[];
  grantId: string | null;
  /** For a grant: the committed period and why it ends there (null: the year's end). */
  period?: { from: PlainDate; to: PlainDate; reason: EndReason | null };
  problems?: readonly PriceProblem[];
};

export type ForecastRow = LineKey & {
  budget: number;
  actual: number;
  committed: number;
  forecast: number;
  /** Budget minus forecast: positive is money left, negative an overrun. */
  variance: number;
  method: 'grants' | 'pro_rata';
};

export type MonthPoint = { month: number; budget: number; actual: number | null; forecast: number };

const keyOf = (k: LineKey) => `${k.unitId}|${k.kind}|${k.offerId ?? ''}`;

/** The share of the year after `asOf` (1 before the year, 0 after it). */
export function remainingShare(year: number, asOf: PlainDate): number {
  if (asOf < yearStart(year)) return 1;
  if (asOf >= yearEnd(year)) return 0;
  return daysBetween(asOf, yearEnd(year)) / daysInYear(year);
}

export function forecast(input: {
  year: number;
  asOf: PlainDate;
  budget: readonly BudgetIn[];
  postings: readonly PostingIn[];
  commitments: readonly Commitment[];
}): { rows: ForecastRow[]; months: MonthPoint[] } {
  const { year, asOf } = input;
  const share = remainingShare(year, asOf);
  const rows = new Map<string, ForecastRow>();
  const row = (k: LineKey): ForecastRow => {
    const key = keyOf(k);
    let r = rows.get(key);
    if (!r) {
      r = {
        unitId: k.unitId,
        kind: k.kind,
        offerId: k.offerId,
        budget: 0,
        actual: 0,
        committed: 0,
        forecast: 0,
        variance: 0,
        method: GRANT_DRIVEN.has(k.kind) ? 'grants' : 'pro_rata',
      };
      rows.set(key, r);
    }
    return r;
  };
  // A line is driven by its grants when any grant falls on it (whatever offer a budget line names).
  const withGrants = new Set<string>();
  const lineOf = (k: LineKey) => `${k.unitId}|${k.kind}`;
  const monthlyActual = new Array<number>(12).fill(0);
  const monthlyCommitted = new Array<number>(12).fill(0);
  for (const b of input.budget) row(b).budget += b.amount;
  for (const p of input.postings) {
    if (p.postedOn > asOf || Number(p.postedOn.slice(0, 4)) !== year) continue;
    row(p).actual += p.amount;
    monthlyActual[Number(p.postedOn.slice(5, 7)) - 1]! += p.amount;
  }
  for (const c of input.commitments) {
    if (!GRANT_DRIVEN.has(c.kind)) continue;
    row(c).committed += c.amount;
    withGrants.add(lineOf(c));
    if (c.kind !== 'refund') spreadByMonth(c.spread, year, monthlyCommitted);
  }
  for (const r of rows.values()) {
    if (r.method === 'grants' && !withGrants.has(lineOf(r)) && r.budget !== 0) r.method = 'pro_rata';
    if (r.method === 'pro_rata') {
      r.committed = r.budget * share;
      spreadByMonth([{ from: addDays(asOf, 1), to: yearEnd(year), perDay: r.budget / daysInYear(year) }], year, monthlyCommitted);
    } else if (r.kind === 'refund') {
      // The refund is claimed on the whole year's cost: what is computed, less what has already been received.
      // It is booked at the year's end.
      const expected = r.committed;
      r.committed = Math.min(0, expected - r.actual);
      monthlyCommitted[11]! += r.committed;
    }
    r.budget = roundOre(r.budget);
    r.actual = roundOre(r.actual);
    r.committed = roundOre(r.committed);
    r.forecast = roundOre(r.actual + r.committed);
    r.variance = roundOre(r.budget - r.forecast);
  }
  const budgetTotal = [...rows.values()].reduce((s, r) => s + r.budget, 0);
  const asOfMonth = asOf < yearStart(year) ? 0 : asOf > yearEnd(year) ? 12 : Number(asOf.slice(5, 7));
  const months: MonthPoint[] = [];
  let actualSum = 0;
  let forecastSum = 0;
  let elapsed = 0;
  for (let m = 1; m <= 12; m++) {
    elapsed += new Date(Date.UTC(year, m, 0)).getUTCDate();
    actualSum += monthlyActual[m - 1]!;
    forecastSum += monthlyActual[m - 1]! + monthlyCommitted[m - 1]!;
    months.push({
      month: m,
      budget: roundOre((budgetTotal * elapsed) / daysInYear(year)),
      actual: m <= asOfMonth ? roundOre(actualSum) : null,
      forecast: roundOre(forecastSum),
    });
  }
  return { rows: [...rows.values()], months };
}

/** Adds per-day amounts to the calendar months of `year` they fall in. */
function spreadByMonth(spread: Commitment['spread'], year: number, into: number[]): void {
  for (const s of spread) {
    let cursor = s.from;
    while (cursor <= s.to) {
      const y = Number(cursor.slice(0, 4));
      const m = Number(cursor.slice(5, 7));
      const monthEnd = `${cursor.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}` as PlainDate;
      const end = monthEnd < s.to ? monthEnd : s.to;
      if (y === year) into[m - 1]! += s.perDay * (daysBetween(cursor, end) + 1);
      cursor = addDays(end, 1);
    }
  }
}

/** A running grant as the forecast needs it: its dates, frame, offer, line and the citizen it is for. */
export type ForecastGrant = GrantDates &
  GrantFrame & {
    id: string;
    offerId: string;
    citizenId: string;
    unitId: string;
    /** The line its cost falls on (budget-lines.ts lineOfGrant); null when it costs us nothing. */
    line: LineKind | null;
    /** Counts toward the citizen's § 176 cost: we pay for it (including frame-managed own offers, at rate-card value). */
    wePay: boolean;
    ageAtYearStart: number;
    coveredBefore67: boolean;
  };

/**
 * The commitments of the running grants seen on `asOf`: each grant's committed cost on its line, and per covered
 * citizen the § 176 refund on the cost of all their grants in the whole year (both at rate-card prices).
 */
export function grantCommitments(
  grants: readonly ForecastGrant[],
  ratesByOffer: ReadonlyMap<string, readonly RateVersion[]>,
  year: number,
  asOf: PlainDate,
  rules: DeadlineRuleSet,
): Commitment[] {
  const out: Commitment[] = [];
  const yearCost = new Map<string, { cost: number; unitId: string; covered: boolean }>();
  const first = yearStart(year);
  const last = yearEnd(year);
  // What is still to come starts the day after `asOf`, and never before the year (a forecast of next year made this
  // year commits next year's days only).
  const next = addDays(asOf, 1);
  const committedFrom = next > first ? next : first;
  const timelines = new Map<string, RateTimeline>();
  const timelineOf = (offerId: string) => {
    let line = timelines.get(offerId);
    if (!line) {
      line = timeline(ratesByOffer.get(offerId) ?? []);
      timelines.set(offerId, line);
    }
    return line;
  };
  for (const g of grants) {
    // The part of the year the grant runs in (its planned end worked out once); what is committed is the end of it.
    const whole = runningWithin(g, first, last, rules);
    if (!whole) continue;
    const rates = ratesByOffer.get(g.offerId) ?? [];
    const line = timelineOf(g.offerId);
    // The whole year's cost is priced once when the § 176 refund needs it; the rest of the year is cut from it.
    const yearly = g.wePay ? grantCost(g, rates, whole.from, whole.to, line) : null;
    const from = whole.from > committedFrom ? whole.from : committedFrom;
    if (g.line && from <= whole.to) {
      const cost = yearly ? partOf(yearly, from, whole.to) : grantCost(g, rates, from, whole.to, line);
      const sign = signOf(g.line);
      out.push({
        unitId: g.unitId,
        kind: g.line,
        offerId: g.offerId,
        amount: sign * cost.amount,
        spread: cost.segments.map((s) => ({ from: s.from, to: s.to, perDay: sign * s.perDay })),
        grantId: g.id,
        period: { from, to: whole.to, reason: whole.reason },
        problems: cost.problems,
      });
    }
    if (yearly) {
      const prev = yearCost.get(g.citizenId);
      yearCost.set(g.citizenId, {
        cost: (prev?.cost ?? 0) + yearly.amount,
        unitId: prev?.unitId ?? g.unitId,
        covered: covered176(g.ageAtYearStart, g.coveredBefore67),
      });
    }
  }
  for (const [, c] of yearCost) {
    const refund = refund176(c.cost, year, { covered: c.covered }).refund;
    if (refund > 0) out.push({ unitId: c.unitId, kind: 'refund', offerId: null, amount: -refund, spread: [], grantId: null });
  }
  return out;
}
