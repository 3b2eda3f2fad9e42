import type { FINANCING, PRICING_BASES } from '../../shared/economy/economy.schema.ts';
import { isLeapYear, type PlainDate, plainDateFromParts } from '../../shared/plain-date.ts';
import { addDays } from '../calendar/date-arithmetic.ts';

/**
 * A rate card (takstblad) version: what one offer costs from an in-force date, within one rate year. Rates are
 * cost-based and published per year with the assumed occupancy they were computed on (Tilbudsportalen; the regions'
 * styringsaftaler); a rate change in the year is a new version from its date (seed 000, Blommevej: "ændring i beløbet
 * til opkrævning fra henvendelsesdagen").
 *
 * How a grant at the offer is priced is the card's `basis`:
 * - `daily`   døgntakst × days (housing, e.g. Blommevej DKK 993 a day, seed 000);
 * - `hourly`  granted ATA hours a week × the hourly price (SEL § 85 in the citizen's own home, seed 001);
 * - `module`  module days a week × the price of a module day, for the 46 weeks a year day offers are open
 *             (SEL §§ 103/104, seed 001: "modul 1 er én dag …", "46 ugers åbning");
 * - `profile` a weekly price per citizen profile (seed 001: "Borgerprofiler er en ressourceramme, som gives til
 *             leverandør"), so a change of hour bands can move a grant's price.
 */
export type PricingBasis = (typeof PRICING_BASES)[number];

/** Takstfinansieret (the offer lives by its rate) or rammestyret (a frame budget; internal use is not charged). */
export type Financing = (typeof FINANCING)[number];

export const ADD_ON_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type AddOnPeriod = (typeof ADD_ON_PERIODS)[number];

/**
 * An add-on to the rate. `paidBy: 'citizen'` is the resident's own purchase (Blommevej's DKK 400 a month package of
 * laundry, cleaning materials, fruit and breakfast, seed 000) and is never part of what the municipality pays;
 * `buyer` add-ons are charged to the paying municipality with the rate.
 */
export type AddOn = { label: string; amount: number; per: AddOnPeriod; paidBy: 'citizen' | 'buyer' };

export type ProfilePrice = { code: string; weeklyPrice: number };

export type RateVersion = {
  id: string;
  year: number;
  inForceFrom: PlainDate;
  /** Inclusive; null: to the end of the rate year or the next version's in-force date. */
  inForceTo: PlainDate | null;
  basis: PricingBasis;
  dailyRate: number | null;
  hourlyRate: number | null;
  moduleDayRate: number | null;
  profilePrices: readonly ProfilePrice[];
  addOns: readonly AddOn[];
  occupancyPct: number | null;
  financing: Financing;
};

export function yearEnd(year: number): PlainDate {
  return plainDateFromParts(year, 12, 31);
}
export function yearStart(year: number): PlainDate {
  return plainDateFromParts(year, 1, 1);
}
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** The last day a version can apply on its own: its end, else the end of its rate year. */
export function lastDayOf(v: Pick<RateVersion, 'year' | 'inForceTo'>): PlainDate {
  return v.inForceTo ?? yearEnd(v.year);
}

export type RateProblem = {
  path:
    | 'inForceFrom'
    | 'inForceTo'
    | 'dailyRate'
    | 'hourlyRate'
    | 'moduleDayRate'
    | 'profilePrices'
    | 'addOns'
    | 'occupancyPct'
    | 'year';
  key:
    | 'rateCard.overlap'
    | 'rateCard.outsideYear'
    | 'rateCard.endBeforeStart'
    | 'rateCard.priceRequired'
    | 'rateCard.positive'
    | 'rateCard.occupancy'
    | 'rateCard.profileDuplicate';
};

const positive = (n: number | null) => n === null || (Number.isFinite(n) && n > 0);

/**
 * What a version must satisfy on its own and against the offer's other versions: prices above zero, the price its
 * basis needs, dates inside its year and in order, occupancy between 1 and 100 %, and no overlap with another
 * version of the same offer (two prices on one day would make the price of a grant ambiguous).
 */
export function rateVersionProblems(v: RateVersion, others: readonly RateVersion[]): RateProblem[] {
  const problems: RateProblem[] = [];
  if (!positive(v.dailyRate)) problems.push({ path: 'dailyRate', key: 'rateCard.positive' });
  if (!positive(v.hourlyRate)) problems.push({ path: 'hourlyRate', key: 'rateCard.positive' });
  if (!positive(v.moduleDayRate)) problems.push({ path: 'moduleDayRate', key: 'rateCard.positive' });
  if (v.profilePrices.some((p) => !positive(p.weeklyPrice))) problems.push({ path: 'profilePrices', key: 'rateCard.positive' });
  if (new Set(v.profilePrices.map((p) => p.code)).size !== v.profilePrices.length)
    problems.push({ path: 'profilePrices', key: 'rateCard.profileDuplicate' });
  if (v.addOns.some((a) => !positive(a.amount))) problems.push({ path: 'addOns', key: 'rateCard.positive' });
  const needed: Record<PricingBasis, RateProblem['path']> = {
    daily: 'dailyRate',
    hourly: 'hourlyRate',
    module: 'moduleDayRate',
    profile: 'profilePrices',
  };
  const hasPrice: Record<PricingBasis, boolean> = {
    daily: v.dailyRate !== null,
    hourly: v.hourlyRate !== null,
    module: v.moduleDayRate !== null,
    profile: v.profilePrices.length > 0,
  };
  if (!hasPrice[v.basis]) problems.push({ path: needed[v.basis], key: 'rateCard.priceRequired' });
  if (v.occupancyPct !== null && !(v.occupancyPct >= 1 && v.occupancyPct <= 100))
    problems.push({ path: 'occupancyPct', key: 'rateCard.occupancy' });
  if (Number(v.inForceFrom.slice(0, 4)) !== v.year) problems.push({ path: 'inForceFrom', key: 'rateCard.outsideYear' });
  if (v.inForceTo !== null) {
    if (Number(v.inForceTo.slice(0, 4)) !== v.year) problems.push({ path: 'inForceTo', key: 'rateCard.outsideYear' });
    if (v.inForceTo < v.inForceFrom) problems.push({ path: 'inForceTo', key: 'rateCard.endBeforeStart' });
  }
  const overlaps = others.some(
    (o) =>
      o.id !== v.id && o.inForceFrom <= lastDayOf(v) && v.inForceFrom <= lastDayOf(o) && !endsAtNext(o, v) && !endsAtNext(v, o),
  );
  if (overlaps) problems.push({ path: 'inForceFrom', key: 'rateCard.overlap' });
  return problems;
}

/**
 * An open-ended version (no `inForceTo`) gives way to a later version of the same year on that version's in-force
 * date; that is a change of rate in the year, not an overlap. Two versions from the same day always overlap.
 */
function endsAtNext(earlier: RateVersion, later: RateVersion): boolean {
  return earlier.inForceTo === null && earlier.year === later.year && earlier.inForceFrom < later.inForceFrom;
}

export type RateTimeline = readonly { version: RateVersion; from: PlainDate; to: PlainDate }[];

/** The versions sorted by in-force date, each with the last day it applies (an open end gives way to the next). */
export function timeline(versions: readonly RateVersion[]): { version: RateVersion; from: PlainDate; to: PlainDate }[] {
  const sorted = [...versions].sort((a, b) => (a.inForceFrom < b.inForceFrom ? -1 : a.inForceFrom > b.inForceFrom ? 1 : 0));
  return sorted.map((version, i) => {
    const next = sorted[i + 1];
    let to = lastDayOf(version);
    if (version.inForceTo === null && next && next.inForceFrom <= to) to = addDays(next.inForceFrom, -1);
    return { version, from: version.inForceFrom, to };
  });
}

export type RateOnDay = { version: RateVersion; carried: boolean };

/**
 * The version that prices `date`: the one in force that day, or, when no version covers it (a new year's rates not yet
 * set), the latest earlier version carried forward and flagged `carried`, so a forecast never silently prices at zero.
 */
export function rateOn(versions: readonly RateVersion[], date: PlainDate): RateOnDay | null {
  const hit = entryOn(timeline(versions), date);
  return hit ? { version: hit.entry.version, carried: hit.carried } : null;
}

/** `rateOn` on a timeline made once (the forecast prices many grants at one offer), with the entry that applies. */
export function entryOn(line: RateTimeline, date: PlainDate): { entry: RateTimeline[number]; carried: boolean } | null {
  let before: RateTimeline[number] | undefined;
  for (const t of line) {
    if (t.from <= date && date <= t.to) return { entry: t, carried: false };
    if (t.to < date) before = t;
  }
  return before ? { entry: before, carried: true } : null;
}
