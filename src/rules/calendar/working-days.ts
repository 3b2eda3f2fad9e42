import Holidays from 'date-holidays';
import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, weekday } from './date-arithmetic.ts';

/**
 * Danish public holidays (helligdage) from date-holidays, type 'public' only: Grundlovsdag, 1. maj,
 * juleaftensdag and nytårsaftensdag are not public holidays, and Store Bededag is one only until 2023
 * (lov nr. 140 af 28. februar 2023).
 */
const holidaysDk = new Holidays('DK');
const byYear = new Map<number, Set<string>>();

function publicHolidays(year: number): Set<string> {
  let set = byYear.get(year);
  if (!set) {
    set = new Set(
      holidaysDk
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    byYear.set(year, set);
  }
  return set;
}

export function isPublicHoliday(date: PlainDate): boolean {
  return publicHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: PlainDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isPublicHoliday(date);
}

/** The date itself if it is a working day, else the next one (a deadline on a closed day moves forward). */
export function onOrNextWorkingDay(date: PlainDate): PlainDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}
