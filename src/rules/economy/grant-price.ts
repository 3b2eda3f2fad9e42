import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, addYears, daysBetween } from '../calendar/date-arithmetic.ts';
import { type AddOn, daysInYear, entryOn, type RateTimeline, type RateVersion, timeline, yearEnd } from './rate-card.ts';

/**
 * The price of a grant (the price basis of a decision or an order), by the offer's rate card. Every amount accrues
 * per calendar day, so a change of rate or of the frame applies from its own date and a part of a year is priced
 * exactly:
 * - daily:   the daily rate;
 * - hourly:  weekly ATA hours × hourly price ÷ 7 (a full year is 365/7 weeks);
 * - module:  module days a week × module-day price × 46 weeks ÷ days in the year (a full calendar year is exactly 46
 *            weeks: day offers are open 46 weeks a year, seed 001);
 * - profile: the profile's weekly price ÷ 7;
 * plus add-ons the buyer pays (a month is 12 ÷ days in the year). The citizen's own add-ons are never included.
 */
export const MODULE_WEEKS_PER_YEAR = {
  weeks: 46,
  source: 'Ringkøbing-Skjern Kommune, serviceniveau SEL §§ 103 og 104 (shared/seeds/001): "46 ugers åbning"',
} as const;

export type GrantFrame = { weeklyHours: number | null; moduleDays: number | null; profileCode: string | null };

export type PriceProblem = 'no_rate' | 'carried_rate' | 'missing_hours' | 'missing_modules' | 'missing_profile_price';

export type CostSegment = {
  from: PlainDate;
  to: PlainDate;
  days: number;
  rateVersionId: string | null;
  carried: boolean;
  perDay: number;
  amount: number;
  /** What the frame lacks for this segment's basis (e.g. hours for an hourly price), if anything. */
  frameProblem: PriceProblem | null;
};

export type GrantCost = { amount: number; segments: CostSegment[]; problems: PriceProblem[] };

export const roundOre = (amount: number): number => Math.round(amount * 100) / 100;

function addOnPerDay(a: AddOn, year: number): number {
  if (a.paidBy !== 'buyer') return 0;
  switch (a.per) {
    case 'day':
      return a.amount;
    case 'week':
      return a.amount / 7;
    case 'month':
      return (a.amount * 12) / daysInYear(year);
    case 'year':
      return a.amount / daysInYear(year);
  }
}

/** What one calendar day of the frame costs at a rate version, in `year` (module and monthly amounts depend on it). */
export function costPerDay(frame: GrantFrame, rate: RateVersion, year: number): { perDay: number; problem: PriceProblem | null } {
  const addOns = rate.addOns.reduce((sum, a) => sum + addOnPerDay(a, year), 0);
  switch (rate.basis) {
    case 'daily':
      return { perDay: (rate.dailyRate ?? 0) + addOns, problem: null };
    case 'hourly':
      if (frame.weeklyHours === null) return { perDay: addOns, problem: 'missing_hours' };
      return { perDay: (frame.weeklyHours * (rate.hourlyRate ?? 0)) / 7 + addOns, problem: null };
    case 'module':
      if (frame.moduleDays === null) return { perDay: addOns, problem: 'missing_modules' };
      return {
        perDay: (frame.moduleDays * (rate.moduleDayRate ?? 0) * MODULE_WEEKS_PER_YEAR.weeks) / daysInYear(year) + addOns,
        problem: null,
      };
    case 'profile': {
      const price = rate.profilePrices.find((p) => p.code === frame.profileCode);
      if (!price) return { perDay: addOns, problem: 'missing_profile_price' };
      return { perDay: price.weeklyPrice / 7 + addOns, problem: null };
    }
  }
}

/**
 * The cost of a frame over [from, to] (both inclusive) at the offer's rate versions: split where a version starts or
 * ends and at each new year. Days no version covers are carried at the latest earlier rate (flagged), or priced at
 * nothing when the offer has no earlier rate either (flagged `no_rate`). `line`: the versions' timeline, when the
 * caller prices many grants at one offer and has made it once.
 */
export function grantCost(
  frame: GrantFrame,
  versions: readonly RateVersion[],
  from: PlainDate,
  to: PlainDate,
  line: RateTimeline = timeline(versions),
): GrantCost {
  const segments: CostSegment[] = [];
  if (to < from) return { amount: 0, segments, problems: [] };
  let cursor = from;
  while (cursor <= to) {
    const year = Number(cursor.slice(0, 4));
    const found = entryOn(line, cursor);
    let end = yearEnd(year) < to ? yearEnd(year) : to;
    if (found && !found.carried) {
      if (found.entry.to < end) end = found.entry.to;
    } else {
      // Until the next version starts (or the period or year ends).
      const next = line.find((t) => t.from > cursor);
      if (next && addDays(next.from, -1) < end) end = addDays(next.from, -1);
    }
    const days = daysBetween(cursor, end) + 1;
    if (!found) {
      segments.push({
        from: cursor,
        to: end,
        days,
        rateVersionId: null,
        carried: false,
        perDay: 0,
        amount: 0,
        frameProblem: null,
      });
    } else {
      const { perDay, problem } = costPerDay(frame, found.entry.version, year);
      segments.push({
        from: cursor,
        to: end,
        days,
        rateVersionId: found.entry.version.id,
        carried: found.carried,
        perDay,
        amount: perDay * days,
        frameProblem: problem,
      });
    }
    cursor = addDays(end, 1);
  }
  return costOf(segments);
}

function costOf(segments: CostSegment[]): GrantCost {
  const problems = new Set<PriceProblem>();
  for (const s of segments) {
    if (s.rateVersionId === null) problems.add('no_rate');
    else if (s.carried) problems.add('carried_rate');
    if (s.frameProblem) problems.add(s.frameProblem);
  }
  return { amount: roundOre(segments.reduce((sum, x) => sum + x.amount, 0)), segments, problems: [...problems] };
}

/**
 * The cost of the part [from, to] of a period already priced: its segments cut to the part. The same as pricing the
 * part on its own (segments split at the same dates, the same amount per day), so the forecast prices a grant's year
 * once and takes the rest of the year from it.
 */
export function partOf(cost: GrantCost, from: PlainDate, to: PlainDate): GrantCost {
  const segments: CostSegment[] = [];
  for (const s of cost.segments) {
    if (s.to < from || s.from > to) continue;
    const start = s.from < from ? from : s.from;
    const end = s.to > to ? to : s.to;
    const days = start === s.from && end === s.to ? s.days : daysBetween(start, end) + 1;
    segments.push({ ...s, from: start, to: end, days, amount: s.perDay * days });
  }
  return costOf(segments);
}

/** The cost of the first year of a grant from `start`: what the caseworker sees as its annual cost. */
export function annualCost(
  frame: GrantFrame,
  versions: readonly RateVersion[],
  start: PlainDate,
  line: RateTimeline = timeline(versions),
): GrantCost {
  return grantCost(frame, versions, start, addDays(addYears(start, 1), -1), line);
}
