import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { deadlineRulesFor } from '../deadlines/deadline-rules.ts';
import {
  APPEAL_OUTCOMES,
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUSES,
  COMPLAINT_TRANSITIONS,
  complaintTimeliness,
  complaintTimelinessByChannel,
  isComplaintOpen,
  nextComplaintStatus,
} from './complaint-rules.ts';

describe('complaint track', () => {
  const pairs = COMPLAINT_STATUSES.flatMap((s) => COMPLAINT_ACTIONS.map((a) => [s, a] as const));
  it.each(pairs)('%s × %s follows the table, and is refused when absent', (status, action) => {
    expect(nextComplaintStatus(status, action)).toBe(COMPLAINT_TRANSITIONS[status][action] ?? null);
  });

  it.each([
    ['reconsideration', 'uphold', 'upheld'],
    ['reconsideration', 'maintain', 'forwarded'],
    ['forwarded', 'record_appeal_result', 'appeal_decided'],
    ['upheld', 'maintain', null],
    ['reconsideration', 'record_appeal_result', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextComplaintStatus(from, action)).toBe(to);
  });

  it.each(COMPLAINT_STATUSES)('%s is open exactly when actions remain', (status) => {
    expect(isComplaintOpen(status)).toBe(Object.keys(COMPLAINT_TRANSITIONS[status]).length > 0);
  });

  it.each(Object.entries(APPEAL_OUTCOMES))('appeal result %s: a new decision needed = table', (key, row) => {
    expect(row.newDecision).toBe(key === 'changed' || key === 'remitted');
  });
});

describe('complaintTimeliness', () => {
  const d = (s: string) => s as PlainDate;
  it.each([
    // RKSK: the last day ends at the close of office hours (15:00)
    ['day before', { on: d('2026-03-02'), at: null }, { due: d('2026-03-03'), endsAtTime: '15:00' }, 'in_time'],
    ['last day, before close', { on: d('2026-03-03'), at: '14:59' }, { due: d('2026-03-03'), endsAtTime: '15:00' }, 'in_time'],
    ['last day, at close', { on: d('2026-03-03'), at: '15:00' }, { due: d('2026-03-03'), endsAtTime: '15:00' }, 'in_time'],
    ['last day, after close', { on: d('2026-03-03'), at: '15:01' }, { due: d('2026-03-03'), endsAtTime: '15:00' }, 'late'],
    [
      'last day, letter without time',
      { on: d('2026-03-03'), at: null },
      { due: d('2026-03-03'), endsAtTime: '15:00' },
      'in_time',
    ],
    // Other municipalities: to the end of the day
    [
      'last day, evening, end of day rule',
      { on: d('2026-03-03'), at: '22:30' },
      { due: d('2026-03-03'), endsAtTime: '23:59:59' },
      'in_time',
    ],
    ['day after', { on: d('2026-03-04'), at: '08:00' }, { due: d('2026-03-03'), endsAtTime: '23:59:59' }, 'late'],
  ] as const)('%s → %s', (_name, received, deadline, expected) => {
    expect(complaintTimeliness(received, deadline)).toBe(expected);
  });
});

describe('complaintTimelinessByChannel (retssikkerhedsloven § 67; seed 001 "Klage")', () => {
  const d = (s: string) => s as PlainDate;
  const due = d('2026-03-03');
  it.each([
    // municipality, channel, received on, at, result
    ['760', 'digital', '2026-03-03', '20:00', 'in_time'], // the citizen's own digital complaint at 20:00 on the last day
    ['760', 'digital', '2026-03-03', '23:59', 'in_time'],
    ['760', 'written', '2026-03-03', null, 'in_time'],
    ['760', 'written', '2026-03-03', '18:30', 'in_time'],
    ['760', 'oral', '2026-03-03', '14:59', 'in_time'],
    ['760', 'oral', '2026-03-03', '15:00', 'in_time'],
    ['760', 'oral', '2026-03-03', '15:01', 'late'], // at the office after it closed
    ['760', 'digital', '2026-03-04', '00:01', 'late'],
    ['730', 'oral', '2026-03-03', '16:00', 'in_time'], // Randers sets no office-hours end
    ['730', 'digital', '2026-03-04', '08:00', 'late'],
  ] as const)('in %s a %s complaint received %s at %s is %s', (code, channel, on, at, expected) => {
    expect(complaintTimelinessByChannel({ on: d(on), at, channel }, due, deadlineRulesFor(code))).toBe(expected);
  });
});
