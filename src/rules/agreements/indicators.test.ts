import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { deadlineStats, housingKind, movedDown, percentile, quarterOf } from './indicators.ts';

const d = (s: string) => s as PlainDate;

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 50, null],
    [[7], 90, 7],
    [[1, 2, 3, 4], 50, 2],
    [[10, 1, 5, 3, 8], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
  ])('%o at %i is %s', (values, p, expected) => expect(percentile(values, p)).toBe(expected));
});

describe('deadlines kept', () => {
  const period = { from: d('2026-01-01'), to: d('2026-06-30') };
  it('counts those met in the period, in time or late, in days, and the open overdue ones', () => {
    const rows = [
      { fromDate: d('2026-01-01'), dueDate: d('2026-01-15'), metOn: d('2026-01-10') }, // 9 days, in time
      { fromDate: d('2026-02-01'), dueDate: d('2026-02-15'), metOn: d('2026-02-15') }, // 14 days, in time (the last day)
      { fromDate: d('2026-03-01'), dueDate: d('2026-03-15'), metOn: d('2026-03-20') }, // 19 days, late
      { fromDate: d('2025-12-01'), dueDate: d('2025-12-15'), metOn: d('2025-12-10') }, // met before the period
      { fromDate: d('2026-05-01'), dueDate: d('2026-05-15'), metOn: null }, // open, overdue
      { fromDate: d('2026-06-20'), dueDate: d('2026-07-04'), metOn: null }, // open, not yet due
    ];
    expect(deadlineStats(rows, period, d('2026-07-01'))).toEqual({
      met: 3,
      metInTime: 2,
      keptPct: 66.7,
      medianDays: 14,
      p90Days: 19,
      overdue: 1,
    });
  });
  it('without any met deadline there is no share', () => {
    expect(deadlineStats([], period, d('2026-07-01')).keptPct).toBeNull();
  });
});

describe('housing split as Danmarks Statistik splits it', () => {
  it.each([
    ['SEL § 85', ['SEL § 85'], 'own_home'],
    ['SEL § 85', ['SEL § 85', 'ABL § 105'], 'long_term'],
    ['SEL § 107', ['SEL § 85', 'SEL § 107'], 'temporary'],
    ['SEL § 108', ['SEL § 108'], 'long_term'],
    ['SEL § 104', ['SEL § 104'], 'other'],
  ])('%s at an offer under %o is %s', (basis, offer, kind) => expect(housingKind(basis, offer)).toBe(kind));
  it.each([
    ['long_term', 'temporary', true],
    ['temporary', 'own_home', true],
    ['own_home', null, true],
    ['own_home', 'temporary', false],
    ['temporary', 'temporary', false],
    ['other', null, false],
  ] as const)('%s → %s is a move down: %s', (from, to, down) => expect(movedDown(from, to)).toBe(down));
  it.each([
    ['2026-01-01', '2026 K1'],
    ['2026-03-31', '2026 K1'],
    ['2026-04-01', '2026 K2'],
    ['2026-12-31', '2026 K4'],
  ])('%s is in %s', (day, q) => expect(quarterOf(d(day))).toBe(q));
});
