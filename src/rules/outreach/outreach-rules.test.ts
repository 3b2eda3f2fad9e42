import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { OUTREACH_LIMITS, outreachStatus } from './outreach-rules.ts';

const d = (s: string) => s as PlainDate;

describe('outreach advice limits (seed 003)', () => {
  it.each([
    [0, 3, []],
    [2, 1, []],
    [3, 0, ['talks_at_limit']],
    [4, 0, ['talks_over_limit']],
  ] as const)('%i talks → %i left, warnings %j', (talks, left, warnings) => {
    const s = outreachStatus({ talks, courseStartedOn: null }, d('2026-05-01'));
    expect(s.talksLeft).toBe(left);
    expect(s.warnings).toEqual(warnings);
    expect(s.courseEndsOn).toBeNull();
  });

  it.each([
    ['early in the course', d('2026-01-15'), d('2026-03-01'), d('2026-07-15'), []],
    ['30 days before the end', d('2026-01-15'), d('2026-06-15'), d('2026-07-15'), ['course_ends_soon']],
    ['on the last day', d('2026-01-15'), d('2026-07-15'), d('2026-07-15'), ['course_ends_soon']],
    ['past ½ year', d('2026-01-15'), d('2026-07-16'), d('2026-07-15'), ['course_over_limit']],
    ['month-end start', d('2025-08-31'), d('2025-12-01'), d('2026-02-28'), []],
  ] as const)('%s', (_n, start, today, end, warnings) => {
    const s = outreachStatus({ talks: 0, courseStartedOn: start }, today);
    expect(s.courseEndsOn).toBe(end);
    expect(s.warnings).toEqual(warnings);
  });

  it('cites the seed for each limit', () => {
    expect(OUTREACH_LIMITS.clarifyingTalks.max).toBe(3);
    expect(OUTREACH_LIMITS.adviceCourseMonths.max).toBe(6);
    for (const row of Object.values(OUTREACH_LIMITS)) expect(row.source).toMatch(/Seed 003/);
  });
});
