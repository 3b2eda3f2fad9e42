import { z } from 'zod';
import { daysInMonth, type PlainDate, plainDateFromParts } from '../plain-date.ts';

/**
 * CPR numbers (personnummer), ddmmyy-ssss. The century comes from the 7th digit (CPR-kontoret's table).
 * Modulus 11 is not required: CPR has issued numbers that fail it since 2007.
 * Substitute numbers (erstatningspersonnumre) put the day of the month plus 60 in the first two digits;
 * they are accepted and marked (the named demo citizens have them).
 */
export type CprValid = {
  ok: true;
  /** The canonical form, 10 digits without hyphen. */
  cpr: string;
  birthDate: PlainDate;
  substitute: boolean;
};
export type CprInvalid = { ok: false; reason: 'cpr.format' | 'cpr.date' };
export type CprResult = CprValid | CprInvalid;

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{3})$/;

/** Century table by the 7th digit: [first two digits of the year for yy <= split, for yy > split]. */
const CENTURY_BY_SEVENTH_DIGIT: Record<number, { split: number; low: number; high: number }> = {
  0: { split: 99, low: 1900, high: 1900 },
  1: { split: 99, low: 1900, high: 1900 },
  2: { split: 99, low: 1900, high: 1900 },
  3: { split: 99, low: 1900, high: 1900 },
  4: { split: 36, low: 2000, high: 1900 },
  5: { split: 57, low: 2000, high: 1800 },
  6: { split: 57, low: 2000, high: 1800 },
  7: { split: 57, low: 2000, high: 1800 },
  8: { split: 57, low: 2000, high: 1800 },
  9: { split: 36, low: 2000, high: 1900 },
};

export function centuryOf(seventhDigit: number, yy: number): number {
  const row = CENTURY_BY_SEVENTH_DIGIT[seventhDigit];
  if (!row) throw new RangeError(`Not a digit: ${seventhDigit}`);
  return yy <= row.split ? row.low : row.high;
}

export function parseCpr(input: string): CprResult {
  const m = CPR_PATTERN.exec(input.trim());
  if (!m) return { ok: false, reason: 'cpr.format' };
  const [dd, mm, yy, seventh, rest] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5]];
  const substitute = dd > 60;
  const day = substitute ? dd - 60 : dd;
  const year = centuryOf(seventh, yy) + yy;
  if (mm < 1 || mm > 12 || day < 1 || day > daysInMonth(year, mm)) return { ok: false, reason: 'cpr.date' };
  const cpr = `${m[1]}${m[2]}${m[3]}${seventh}${rest}`;
  return { ok: true, cpr, birthDate: plainDateFromParts(year, mm, day), substitute };
}

export function formatCpr(cpr: string): string {
  return cpr.length === 10 ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
}

/** Looks like a CPR number was meant (digits and at most one hyphen), as opposed to a name. */
export function looksLikeCpr(input: string): boolean {
  return /^\d{6}-?\d{0,4}$/.test(input.trim());
}

export const cprSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const r = parseCpr(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason, input: value });
  })
  .transform((value) => {
    const r = parseCpr(value);
    return r.ok ? r.cpr : value;
  });
