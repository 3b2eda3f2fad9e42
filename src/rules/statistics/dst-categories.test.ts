import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { DST_CATEGORIES, dstCategory, monthBounds, periodInMonth, reportingDeadline } from './dst-categories.ts';

const d = (s: string) => s as PlainDate;
const OWN_HOME_OFFER = { legalBases: ['SEL § 85'], ffbCode: 'd90f4da6-f87a-43b5-833f-646b4baf16d6' }; // Mobilt tilbud
const ABL_105 = { legalBases: ['SEL § 85', 'ABL § 105'], ffbCode: 'a7cbf55b-6906-4b2a-872e-c48b4d728837' };
const HOUSING_LIKE_TYPE = { legalBases: ['SEL § 85'], ffbCode: 'd23e3e8a-7fcf-4603-9d75-481b6e47e0eb' };

describe('the category Danmarks Statistik counts a service under', () => {
  it.each([
    ['SEL § 85', OWN_HOME_OFFER, '85E'],
    ['SEL § 85', null, '85E'],
    ['SEL § 85', ABL_105, '85B'],
    ['SEL § 85', HOUSING_LIKE_TYPE, '85B'],
    ['SEL § 82 a', null, '82a'],
    ['SEL § 82 b', null, '82b'],
    ['SEL § 95', null, '95'],
    ['SEL § 96', null, '96'],
    ['SEL § 97', null, '97'],
    ['SEL § 98', null, '98'],
    ['SEL § 103', null, '103'],
    ['SEL § 104', null, '104'],
    ['SEL § 107', null, '107'],
    ['SEL § 108', ABL_105, '108'],
    ['SEL  §  108', null, '108'],
    ['SEL § 99', null, null],
    ['SEL § 110', null, null],
    ['SEL § 82', null, null],
  ] as const)('%s at %j → %s', (basis, offer, code) => {
    expect(dstCategory(basis, offer)?.code ?? null).toBe(code);
  });

  it('has one row per category, each with its paragraph', () => {
    expect(new Set(DST_CATEGORIES.map((c) => c.code)).size).toBe(DST_CATEGORIES.length);
    expect(DST_CATEGORIES.filter((c) => !c.mandatory).map((c) => c.code)).toEqual(['82a']);
  });
});

describe('a service period within a month', () => {
  it.each([
    ['2026-01-10', null, '2026-03', ['2026-03-01', '2026-03-31']],
    ['2026-03-10', null, '2026-03', ['2026-03-10', '2026-03-31']],
    ['2026-01-10', '2026-03-05', '2026-03', ['2026-03-01', '2026-03-05']],
    ['2026-03-10', '2026-03-12', '2026-03', ['2026-03-10', '2026-03-12']],
    ['2026-04-01', null, '2026-03', null],
    ['2026-01-01', '2026-02-28', '2026-03', null],
    ['2028-02-01', null, '2028-02', ['2028-02-01', '2028-02-29']],
    ['2026-12-24', '2027-01-02', '2026-12', ['2026-12-24', '2026-12-31']],
    ['2026-03-20', '2026-03-10', '2026-03', null],
  ] as const)('%s–%s in %s → %j', (start, end, month, expected) => {
    const p = periodInMonth(d(start), end === null ? null : d(end), month);
    expect(p === null ? null : [p.from, p.to]).toEqual(expected);
  });

  it.each([
    ['2026-02', '2026-02-01', '2026-02-28', '2026-03-14'],
    ['2026-12', '2026-12-01', '2026-12-31', '2027-01-14'],
    ['2024-02', '2024-02-01', '2024-02-29', '2024-03-14'],
  ])('%s runs %s–%s, reported by %s', (month, from, to, deadline) => {
    expect(monthBounds(month)).toEqual({ from, to });
    expect(reportingDeadline(month)).toBe(deadline);
  });
});
