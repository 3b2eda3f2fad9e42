import { describe, expect, it } from 'vitest';
import { CITIZEN_PROFILE_BANDS } from '../profiles/citizen-profiles.ts';
import { APPROVAL_RULES, approvalNeeded, approvalThreshold } from './decision-approval.ts';

const SEED_BANDS = CITIZEN_PROFILE_BANDS.map((b) => ({ upTo: b.upTo }));
const OWN_BANDS = [{ upTo: 10 }, { upTo: 40 }];

describe("decisions held for a team leader's approval", () => {
  it.each(APPROVAL_RULES)('$code cites its source and names its approver', (rule) => {
    expect(rule.source.length).toBeGreaterThan(40);
    expect(rule.approver).toBe('team_leader');
    expect(rule.defaultThresholdHours).toBeGreaterThan(0);
  });

  it.each([
    ['seed 001: 95 hours is the top of profile 7.4', 'granted', 95, SEED_BANDS, null],
    ['seed 001: 95.5 hours is above every profile', 'granted', 95.5, SEED_BANDS, 95],
    ['seed 001: 1:1 in all waking hours (112 hours)', 'granted', 112, SEED_BANDS, 95],
    ['a partial grant above the top', 'partly_granted', 100, SEED_BANDS, 95],
    ['a refusal has no hours to approve', 'refused', 120, SEED_BANDS, null],
    ['a level with its own, lower bands', 'granted', 41, OWN_BANDS, 40],
    ["inside a level's own bands", 'granted', 40, OWN_BANDS, null],
    ['a level without bands: the default, 95 hours', 'granted', 96, [], 95],
    ['a level without bands, below the default', 'granted', 60, [], null],
  ] as const)('%s', (_label, outcome, weeklyHours, bands, threshold) => {
    const need = approvalNeeded({ outcome, weeklyHours }, bands);
    expect(need?.thresholdHours ?? null).toBe(threshold);
    if (need) expect(need.rule).toBe('hours_above_last_band');
  });

  it('has no hours to look at for modules only', () => {
    expect(approvalNeeded({ outcome: 'granted', weeklyHours: null }, SEED_BANDS)).toBeNull();
  });

  it.each([
    [SEED_BANDS, 95],
    [OWN_BANDS, 40],
    [[], 95],
  ] as const)('threshold of %j is %d', (bands, expected) => {
    const [rule] = APPROVAL_RULES;
    if (!rule) throw new Error('no rule');
    expect(approvalThreshold(rule, bands)).toBe(expected);
  });
});
