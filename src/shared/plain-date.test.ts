import { describe, expect, it } from 'vitest';
import { clockInCopenhagen, daysInMonth, isLeapYear, isPlainDate, plainDateInCopenhagen } from './plain-date.ts';

describe('PlainDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-1-01', false],
    ['2026-13-01', false],
  ])('%s valid: %s', (value, valid) => {
    expect(isPlainDate(value)).toBe(valid);
  });

  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (y, m, d) => {
    expect(daysInMonth(y, m)).toBe(d);
    expect(isLeapYear(y)).toBe(d === 29 || (m !== 2 && isLeapYear(y)));
  });

  it.each([
    ['2026-11-22T22:59:59Z', '2026-11-22'],
    ['2026-11-22T23:00:00Z', '2026-11-23'], // CET is UTC+1
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'], // CEST is UTC+2
  ])('the Danish date of %s is %s', (instant, date) => {
    expect(plainDateInCopenhagen(new Date(instant))).toBe(date);
  });

  it.each([
    ['2026-11-22T13:59:00Z', '14:59'], // CET
    ['2026-11-22T14:01:00Z', '15:01'],
    ['2026-06-30T21:59:00Z', '23:59'], // CEST
    ['2026-06-30T22:00:00Z', '00:00'],
  ])('the Danish time of %s is %s', (instant, clock) => {
    expect(clockInCopenhagen(new Date(instant))).toBe(clock);
  });
});
