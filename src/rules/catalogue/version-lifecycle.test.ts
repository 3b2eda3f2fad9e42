import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { checkApproval, diffContent, fourEyesProblem, phaseOn, type VersionDates, versionInForce } from './version-lifecycle.ts';

const d = (s: string) => s as PlainDate;
const v = (number: number, status: 'draft' | 'approved', inForceFrom: string | null): VersionDates => ({
  number,
  status,
  inForceFrom: inForceFrom as PlainDate | null,
});

// Version 1 in force from 2024, version 2 from 2025, version 3 scheduled for 2027, version 4 a draft.
const HISTORY = [
  v(1, 'approved', '2024-01-01'),
  v(2, 'approved', '2025-07-01'),
  v(3, 'approved', '2027-01-01'),
  v(4, 'draft', null),
];

describe('versionInForce', () => {
  it.each([
    ['2023-12-31', undefined],
    ['2024-01-01', 1],
    ['2025-06-30', 1],
    ['2025-07-01', 2],
    ['2026-11-22', 2],
    ['2026-12-31', 2],
    ['2027-01-01', 3],
    ['2030-01-01', 3],
  ])('on %s version %s is in force', (date, number) => {
    expect(versionInForce(HISTORY, d(date))?.number).toBe(number);
  });

  it('never picks a draft, whatever its number', () => {
    expect(versionInForce([v(1, 'approved', '2024-01-01'), v(2, 'draft', null)], d('2030-01-01'))?.number).toBe(1);
  });
});

describe('phaseOn', () => {
  it.each([
    [1, '2026-11-22', 'superseded'],
    [2, '2026-11-22', 'in_force'],
    [3, '2026-11-22', 'scheduled'],
    [4, '2026-11-22', 'draft'],
    [1, '2024-06-01', 'in_force'],
    [2, '2024-06-01', 'scheduled'],
    [3, '2027-01-01', 'in_force'],
    [2, '2027-01-01', 'superseded'],
  ])('version %i on %s is %s', (number, date, phase) => {
    const version = HISTORY.find((x) => x.number === number);
    if (!version) throw new Error('no such version');
    expect(phaseOn(version, HISTORY, d(date))).toBe(phase);
  });
});

describe('checkApproval', () => {
  it.each([
    ['2027-01-02', null],
    ['2027-01-01', 'same_day_as_predecessor'],
    ['2026-12-31', 'before_predecessor'],
    ['2025-01-01', 'before_predecessor'],
  ])('a draft coming into force on %s: %s', (date, problem) => {
    expect(checkApproval(v(4, 'draft', null), HISTORY, d(date))).toBe(problem);
  });

  it('refuses to approve what is not a draft, and accepts a first version on any date', () => {
    expect(checkApproval(v(2, 'approved', '2025-07-01'), HISTORY, d('2030-01-01'))).toBe('not_a_draft');
    expect(checkApproval(v(1, 'draft', null), [v(1, 'draft', null)], d('2020-01-01'))).toBeNull();
  });
});

describe('diffContent', () => {
  it.each([
    [{ a: 1 }, { a: 1 }, []],
    [{ a: 1 }, { a: 2 }, [{ path: 'a', before: 1, after: 2 }]],
    [{ a: { b: 'x' } }, { a: { b: 'y' } }, [{ path: 'a.b', before: 'x', after: 'y' }]],
    [
      { list: ['a', 'b'] },
      { list: ['a', 'c', 'd'] },
      [
        { path: 'list.1', before: 'b', after: 'c' },
        { path: 'list.2', before: undefined, after: 'd' },
      ],
    ],
    [
      { a: 1 },
      { b: 1 },
      [
        { path: 'a', before: 1, after: undefined },
        { path: 'b', before: undefined, after: 1 },
      ],
    ],
    [{ a: [1] }, { a: { 0: 1 } }, [{ path: 'a', before: [1], after: { 0: 1 } }]],
  ])('%j → %j', (before, after, changes) => {
    expect(diffContent(before, after)).toEqual(changes);
  });
});

describe('four eyes on approval', () => {
  it.each([
    ['someone else prepared it', 'anna', 'bent', null],
    ['the preparer approves their own draft', 'anna', 'anna', 'same_person'],
    ['nobody is known to have prepared it', null, 'bent', 'no_preparer'],
  ] as const)('%s → %s', (_label, preparedBy, approver, problem) => {
    expect(fourEyesProblem(preparedBy, approver)).toBe(problem);
  });
});
