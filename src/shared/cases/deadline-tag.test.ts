import { describe, expect, it } from 'vitest';
import { deadlineTagOf } from './deadline-tag.ts';

describe('a deadline past its day is overdue only if it is the municipality’s to meet (issue 16)', () => {
  it.each([
    ['overdue', 'municipality', 'overdue'],
    ['overdue', 'citizen', 'expired'],
    ['overdue', 'period_end', 'expired'],
    ['overdue', 'provider', 'expired'],
    ['due_soon', 'citizen', 'due_soon'],
    ['met_late', 'municipality', 'met_late'],
    ['met', 'municipality', 'met'],
    ['open', 'citizen', 'open'],
  ] as const)('%s and the %s’s duty → %s', (status, duty, tag) => {
    expect(deadlineTagOf({ status, duty })).toBe(tag);
  });
});
