import { addDays, daysBetween, weekday } from '../../../rules/calendar/date-arithmetic.ts';
import { isWorkingDay, onOrNextWorkingDay } from '../../../rules/calendar/working-days.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { Rng } from './random.ts';

/** The last Sunday of a month (the days Europe/Copenhagen changes between CET and CEST). */
function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

const summer = new Map<number, [string, string]>();

/**
 * The instant of a Danish wall-clock time on a date. Generated activity happens between 07:00 and 22:00, never in
 * the hours the clocks change, so the offset is +02:00 from the last Sunday of March to the day before the last
 * Sunday of October, and +01:00 otherwise.
 */
export function instantAt(date: PlainDate, minuteOfDay: number): Date {
  const year = Number(date.slice(0, 4));
  let range = summer.get(year);
  if (!range) {
    range = [lastSunday(year, 3), lastSunday(year, 10)];
    summer.set(year, range);
  }
  const offsetHours = date >= range[0] && date < range[1] ? 2 : 1;
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h - offsetHours, m),
  );
}

/** Office hours, in minutes after midnight: 08:00–15:30. */
export const officeMinute = (rng: Rng) => rng.int(8 * 60, 15 * 60 + 30);

/** A working day `days` after `from`, or the next one after that. */
export function workingDayAfter(from: PlainDate, days: number): PlainDate {
  return onOrNextWorkingDay(addDays(from, days));
}

/** A random working day in [from, to] (`from` when there is none). */
export function workingDayBetween(rng: Rng, from: PlainDate, to: PlainDate): PlainDate {
  const span = Math.max(0, daysBetween(from, to));
  for (let tries = 0; tries < 10; tries++) {
    const d = addDays(from, rng.int(0, span));
    if (isWorkingDay(d)) return d;
  }
  return onOrNextWorkingDay(from);
}

export { addDays, daysBetween, isWorkingDay, weekday };
