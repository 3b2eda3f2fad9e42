import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays, addMonths, addWeeks, addYears, daysBetween, weekday } from './date-arithmetic.ts';
import { isPublicHoliday, isWorkingDay, onOrNextWorkingDay } from './working-days.ts';

const d = (s: string) => s as PlainDate;

describe('Danish public holidays 2023–2028 (date-holidays, type public)', () => {
  it.each([
    // 2025: Easter Sunday 20 April
    '2025-01-01',
    '2025-04-17',
    '2025-04-18',
    '2025-04-20',
    '2025-04-21',
    '2025-05-29',
    '2025-06-08',
    '2025-06-09',
    '2025-12-25',
    '2025-12-26',
    // 2026: Easter Sunday 5 April
    '2026-01-01',
    '2026-04-02',
    '2026-04-03',
    '2026-04-05',
    '2026-04-06',
    '2026-05-14',
    '2026-05-24',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
    // 2027: Easter Sunday 28 March
    '2027-01-01',
    '2027-03-25',
    '2027-03-26',
    '2027-03-28',
    '2027-03-29',
    '2027-05-06',
    '2027-05-16',
    '2027-05-17',
    '2027-12-25',
    '2027-12-26',
    // 2028: Easter Sunday 16 April
    '2028-01-01',
    '2028-04-13',
    '2028-04-14',
    '2028-04-16',
    '2028-04-17',
    '2028-05-25',
    '2028-06-04',
    '2028-06-05',
    '2028-12-25',
    '2028-12-26',
    // Store Bededag, the last time
    '2023-05-05',
  ])('%s is a public holiday', (date) => {
    expect(isPublicHoliday(d(date))).toBe(true);
    expect(isWorkingDay(d(date))).toBe(false);
  });

  it.each([
    ['2024-04-26', 'Store Bededag abolished from 2024'],
    ['2025-05-16', 'Store Bededag abolished from 2024'],
    ['2027-04-23', 'Store Bededag abolished from 2024'],
    ['2026-06-05', 'Grundlovsdag is not a public holiday'],
    ['2026-05-01', '1. maj is not a public holiday'],
    ['2026-12-24', 'juleaftensdag is not a public holiday'],
    ['2026-12-31', 'nytårsaftensdag is not a public holiday'],
    ['2027-05-07', 'the Friday after Kristi himmelfartsdag is a working day'],
  ])('%s is a working day (%s)', (date) => {
    expect(isPublicHoliday(d(date))).toBe(false);
    expect(isWorkingDay(d(date))).toBe(true);
  });

  it.each([
    ['2026-11-21', '2026-11-23'], // Saturday → Monday
    ['2026-11-23', '2026-11-23'], // a working day stays
    ['2026-04-02', '2026-04-07'], // Skærtorsdag → past Easter → Tuesday
    ['2026-12-25', '2026-12-28'], // Juledag, 2. juledag (Saturday), Sunday → Monday
    ['2027-12-25', '2027-12-27'], // Juledag (Saturday), 2. juledag (Sunday) → Monday
    ['2028-01-01', '2028-01-03'], // Nytårsdag (Saturday) → Monday
    ['2023-05-05', '2023-05-08'], // Store Bededag (Friday) → Monday
  ])('on or after %s the next working day is %s', (from, next) => {
    expect(onOrNextWorkingDay(d(from))).toBe(next);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-10-31', 2, '2026-12-31'],
    ['2026-03-15', -3, '2025-12-15'],
  ])('%s + %i months = %s (month-end rule)', (from, months, to) => {
    expect(addMonths(d(from), months)).toBe(to);
  });

  it.each([
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-06-30', 3, '2029-06-30'],
  ])('%s + %i years = %s', (from, years, to) => {
    expect(addYears(d(from), years)).toBe(to);
  });

  it.each([
    ['2026-03-28', 14, '2026-04-11'], // across the switch to summer time
    ['2026-10-24', 14, '2026-11-07'], // across the switch to winter time
    ['2026-12-25', 14, '2027-01-08'],
    ['2028-02-20', 14, '2028-03-05'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(d(from), days)).toBe(to);
    expect(daysBetween(d(from), d(to))).toBe(days);
  });

  it('counts weeks as 7 days and knows the weekday', () => {
    expect(addWeeks(d('2026-11-23'), 4)).toBe('2026-12-21');
    expect(weekday(d('2026-11-22'))).toBe(0);
    expect(weekday(d('2026-11-28'))).toBe(6);
  });
});
