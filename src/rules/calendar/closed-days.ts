import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays } from './date-arithmetic.ts';
import { isWorkingDay } from './working-days.ts';

/**
 * Days that are not public holidays but on which a deadline the citizen must meet does not end: forældelsesloven
 * § 27, stk. 2 ("Udløber en frist i en weekend, på en helligdag, grundlovsdag, den 24. eller den 31. december,
 * udstrækkes fristen til den førstkommende hverdag"), and the municipality's offices are closed on them, so a
 * citizen could not hand in a complaint at the counter. The municipality's own deadlines (receipt, decision,
 * start) keep the public-holiday rule in `working-days.ts`.
 */
export type ClosedDay = { month: number; day: number; name: string; nameEn: string; source: string };

const SOURCE = 'Forældelsesloven § 27, stk. 2';

export const CITIZEN_DEADLINE_CLOSED_DAYS: readonly ClosedDay[] = [
  { month: 6, day: 5, name: 'Grundlovsdag', nameEn: 'Constitution Day', source: SOURCE },
  { month: 12, day: 24, name: 'Juleaftensdag', nameEn: 'Christmas Eve', source: SOURCE },
  { month: 12, day: 31, name: 'Nytårsaftensdag', nameEn: "New Year's Eve", source: SOURCE },
];

/** Which days stop a deadline from ending: public holidays and weekends, or also the closed days above. */
export type ClosedDayRule = 'public_holidays' | 'citizen_deadline';

export function closedDayOn(date: PlainDate): ClosedDay | undefined {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return CITIZEN_DEADLINE_CLOSED_DAYS.find((c) => c.month === month && c.day === day);
}

/** Can a deadline under `rule` end on `date`? */
export function isDeadlineDay(date: PlainDate, rule: ClosedDayRule): boolean {
  if (!isWorkingDay(date)) return false;
  return rule === 'public_holidays' || closedDayOn(date) === undefined;
}

/** The date itself if a deadline under `rule` can end on it, else the first day after it that can. */
export function onOrNextDeadlineDay(date: PlainDate, rule: ClosedDayRule): PlainDate {
  let d = date;
  while (!isDeadlineDay(d, rule)) d = addDays(d, 1);
  return d;
}
