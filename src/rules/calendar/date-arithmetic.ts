import { daysInMonth, type PlainDate, plainDate, plainDateFromParts } from '../../shared/plain-date.ts';

/** Calendar arithmetic on plain dates, in UTC so no daylight-saving hour can shift a day. */
function toUtc(date: PlainDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
function fromUtc(d: Date): PlainDate {
  return plainDate(d.toISOString().slice(0, 10));
}

export function addDays(date: PlainDate, days: number): PlainDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

export function addWeeks(date: PlainDate, weeks: number): PlainDate {
  return addDays(date, weeks * 7);
}

/**
 * Calendar months. Month-end rule: the same day number in the target month, or that month's last day when it
 * has no such day (31 January + 1 month = 28/29 February; 29 February + 1 year = 28 February).
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return plainDateFromParts(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addYears(date: PlainDate, years: number): PlainDate {
  return addMonths(date, years * 12);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: PlainDate): number {
  return toUtc(date).getUTCDay();
}

export function daysBetween(from: PlainDate, to: PlainDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The Monday of the ISO week `date` falls in. */
export function isoWeekStart(date: PlainDate): PlainDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The ISO week number (1–53) of `date`: the week holding the year's first Thursday is week 1. */
export function isoWeekNumber(date: PlainDate): number {
  const thursday = addDays(isoWeekStart(date), 3);
  const jan1 = plainDateFromParts(Number(thursday.slice(0, 4)), 1, 1);
  return Math.floor(daysBetween(jan1, thursday) / 7) + 1;
}
