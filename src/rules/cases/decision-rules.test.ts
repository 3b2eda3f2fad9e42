import { describe, expect, it } from 'vitest';
import { CITIZEN_PROFILE_BANDS, profileInBands } from '../profiles/citizen-profiles.ts';
import { decisionFrameProblems, offerDeliversBasis, reducesSupport } from './decision-rules.ts';

const BANDS = CITIZEN_PROFILE_BANDS.map((b) => ({ code: b.code, above: b.above, upTo: b.upTo }));
const base = {
  outcome: 'granted',
  legalBasis: 'SEL § 85',
  weeklyHours: null,
  moduleDays: null,
};

describe('decision rules', () => {
  it.each([
    [0, '1'],
    [2.5, '2'],
    [3, '3'],
    [14, '5'],
    [95, '7.4'],
    [95.5, null],
  ])('%f hours in the § 85 bands → profile %s', (hours, code) => {
    expect(profileInBands(BANDS, hours)?.code ?? null).toBe(code);
  });

  it.each([
    ['hours inside a band', { weeklyHours: 3 }, []],
    ['hours below every band', { weeklyHours: -1 }, ['weeklyHours']],
    ['hours above the highest band wait for approval instead', { weeklyHours: 120 }, []],
    ['modules on a § 85 decision', { moduleDays: 3 }, ['moduleDays']],
    ['modules on a § 104 decision', { legalBasis: 'SEL § 104', moduleDays: 3 }, []],
    ['a refusal has no frame to check', { outcome: 'refused', weeklyHours: 500 }, []],
  ] as const)('%s', (_label, patch, paths) => {
    expect(decisionFrameProblems({ ...base, ...patch }, BANDS).map((p) => p.path)).toEqual(paths);
  });
});

describe('reducesSupport', () => {
  const f = (outcome: string, weeklyHours: number | null, moduleDays: number | null = null) => ({
    outcome,
    weeklyHours,
    moduleDays,
  });
  it.each([
    ['no earlier decision', null, f('granted', 2), false],
    ['earlier refusal', f('refused', null), f('granted', 2), false],
    ['fewer hours', f('granted', 3), f('granted', 2), true],
    ['same hours', f('granted', 3), f('granted', 3), false],
    ['more hours', f('granted', 3), f('partly_granted', 4), false],
    ['fewer module days', f('granted', null, 4), f('granted', null, 3), true],
    ['a refusal after a grant', f('granted', 3), f('refused', null), true],
    ['hours replaced by modules (not comparable)', f('granted', 3), f('granted', null, 2), false],
  ] as const)('%s → %s', (_n, previous, next, expected) => {
    expect(reducesSupport(previous, next)).toBe(expected);
  });
});

describe('offerDeliversBasis', () => {
  it.each([
    [['SEL § 85'], 'SEL § 85', true],
    [['SEL § 103', 'SEL § 104'], 'SEL § 85', false],
    [['SEL § 107', 'SEL § 108'], 'SEL § 108 / ABL § 105', true],
    [['SEL § 108', 'ABL § 105'], 'ABL § 105', true],
    [['SEL § 85', 'ABL § 105'], 'SEL § 107', false],
  ] as const)('offer %j for a decision under %s → %s', (offer, basis, expected) => {
    expect(offerDeliversBasis(offer, basis)).toBe(expected);
  });
});
