import { z } from 'zod';

/**
 * A calendar date without time or zone, as `YYYY-MM-DD`. Legal deadlines are counted in
 * calendar days (forvaltningsloven, retssikkerhedsloven § 3), so dates never carry a clock.
 */
export type PlainDate = string & { readonly __plainDate: unique symbol };

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPlainDate(value: string): value is PlainDate {
  const m = PLAIN_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function plainDate(value: string): PlainDate {
  if (!isPlainDate(value)) throw new RangeError(`Not a date (YYYY-MM-DD): ${value}`);
  return value;
}

export function plainDateFromParts(year: number, month: number, day: number): PlainDate {
  return plainDate(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The formatters, made once: making an Intl.DateTimeFormat costs far more than formatting with it (the demo
 * generator dates ~100,000 instants at start-up; docs/PERFORMANCE.md, "Start-up").
 */
let dateFormat: Intl.DateTimeFormat | undefined;
let clockFormat: Intl.DateTimeFormat | undefined;

/** The date in Danish local time of an instant; the clock is an argument, never read here. */
export function plainDateInCopenhagen(instant: Date): PlainDate {
  dateFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return plainDate(dateFormat.format(instant));
}

/** No transform, so the same schema also serialises responses (zod encode refuses one-way transforms). */
export const plainDateSchema = z.string().refine(isPlainDate, { message: 'date.invalid' }) as unknown as z.ZodType<
  PlainDate,
  string
>;

/** The wall-clock time (HH:MM) in Danish local time of an instant, e.g. when an oral or digital complaint came in. */
export function clockInCopenhagen(instant: Date): string {
  clockFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = clockFormat.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
