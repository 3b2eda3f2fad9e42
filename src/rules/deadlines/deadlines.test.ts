import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { CITIZEN_DEADLINE_CLOSED_DAYS, closedDayOn, isDeadlineDay, onOrNextDeadlineDay } from '../calendar/closed-days.ts';
import {
  BASE_DEADLINE_RULES,
  type ComplaintChannel,
  DEADLINE_KINDS,
  type DeadlineKind,
  deadlineRulesFor,
  MUNICIPALITY_DEADLINE_RULES,
} from './deadline-rules.ts';
import { computeDeadline, deadlineState, deadlineStatus, dueWindow, endsAtTimeOf } from './deadlines.ts';

const d = (s: string) => s as PlainDate;

describe('deadline rules table', () => {
  it.each(DEADLINE_KINDS)('%s has a rule that cites its source', (kind) => {
    const rule = BASE_DEADLINE_RULES.rules[kind];
    expect(rule.kind).toBe(kind);
    expect(rule.amount).toBeGreaterThan(0);
    // Cited: a law in the text a person reads, or a seed document for developers.
    expect(`${rule.source} ${rule.seed ?? ''}`).toMatch(/seeds\/00\d_[0-9a-f]+\.txt|loven §/);
  });

  it.each(['760', '730', '707'])('in %s every source reads as a person reads it (no file paths, no versions)', (code) => {
    for (const rule of Object.values(deadlineRulesFor(code).rules)) {
      expect(rule.source).not.toMatch(/shared\/|seeds|\.txt|base-\d|\(\d{3}-/);
      expect(rule.source).toMatch(/^[A-ZÆØÅ]/);
    }
  });

  it.each(DEADLINE_KINDS)('%s: only the complaint deadline is the citizen’s, with its closed days', (kind) => {
    expect(BASE_DEADLINE_RULES.rules[kind].closedDays).toBe(kind === 'complaint' ? 'citizen_deadline' : 'public_holidays');
  });

  it.each([
    ['receipt', 14, 'days'],
    ['decision', 3, 'months'],
    ['decision_day_offer', 2, 'months'],
    ['start', 4, 'weeks'],
    ['complaint', 4, 'weeks'],
    ['forward_to_ankestyrelsen', 4, 'weeks'],
    ['housing_support_continuation', 4, 'weeks'],
    ['sel82_max_duration', 6, 'months'],
    ['sel107_max_duration', 3, 'years'],
    ['fko_status', 3, 'months'],
  ] as const)('%s is %i %s', (kind, amount, unit) => {
    expect(BASE_DEADLINE_RULES.rules[kind]).toMatchObject({ amount, unit });
  });
});

describe('computeDeadline across month ends, leap years, Easter, Christmas and New Year 2025–2028', () => {
  it.each([
    // kind, from, counted, due
    ['receipt', '2026-03-20', '2026-04-03', '2026-04-07'], // Langfredag → past Easter Monday
    ['receipt', '2025-04-03', '2025-04-17', '2025-04-22'], // Skærtorsdag → past 2. påskedag
    ['receipt', '2023-04-21', '2023-05-05', '2023-05-08'], // Store Bededag 2023 still counts
    ['receipt', '2024-04-12', '2024-04-26', '2024-04-26'], // … and from 2024 it does not
    ['receipt', '2026-11-23', '2026-12-07', '2026-12-07'], // plain Monday
    ['complaint', '2026-11-27', '2026-12-25', '2026-12-28'], // Juledag → Monday 28th
    ['complaint', '2026-11-26', '2026-12-24', '2026-12-28'], // juleaftensdag closes, then Christmas and the weekend
    ['complaint', '2027-12-04', '2028-01-01', '2028-01-03'], // Nytårsdag on a Saturday
    ['complaint', '2025-12-04', '2026-01-01', '2026-01-02'], // Nytårsdag on a Thursday
    ['decision', '2025-11-30', '2026-02-28', '2026-03-02'], // month end, Saturday
    ['decision', '2027-11-30', '2028-02-29', '2028-02-29'], // leap day, Tuesday
    ['decision', '2027-12-28', '2028-03-28', '2028-03-28'],
    ['decision_day_offer', '2025-12-31', '2026-02-28', '2026-03-02'],
    ['decision_day_offer', '2027-12-31', '2028-02-29', '2028-02-29'],
    ['start', '2027-04-08', '2027-05-06', '2027-05-07'], // Kristi himmelfartsdag → Friday
    ['forward_to_ankestyrelsen', '2028-05-08', '2028-06-05', '2028-06-06'], // 2. pinsedag
    ['forward_to_ankestyrelsen', '2025-05-12', '2025-06-09', '2025-06-10'], // 2. pinsedag 2025
    ['fko_status', '2026-09-30', '2026-12-30', '2026-12-30'],
    ['fko_status', '2027-09-25', '2027-12-25', '2027-12-27'], // Juledag on a Saturday
    // Durations of support are end dates, not deadlines for acting: they do not move.
    ['housing_support_continuation', '2026-12-01', '2026-12-29', '2026-12-29'],
    ['housing_support_continuation', '2026-11-27', '2026-12-25', '2026-12-25'],
    ['sel82_max_duration', '2026-08-31', '2027-02-28', '2027-02-28'],
    ['sel107_max_duration', '2024-02-29', '2027-02-28', '2027-02-28'],
    ['sel107_max_duration', '2025-02-28', '2028-02-28', '2028-02-28'],
  ] as const)('%s from %s counts to %s, due %s', (kind, from, counted, due) => {
    const r = computeDeadline(kind as DeadlineKind, d(from), BASE_DEADLINE_RULES);
    expect(r).toMatchObject({ kind, from, counted, due, ruleVersion: BASE_DEADLINE_RULES.version });
  });
});

describe('the complaint deadline ends per channel (retssikkerhedsloven § 67)', () => {
  it.each([
    // municipality, channel, time on the last day
    ['760', 'written', '23:59:59'], // Ringkøbing-Skjern cannot shorten a written complaint's 4 weeks
    ['760', 'digital', '23:59:59'], // … nor a digital one: 20:00 on the last day is in time
    ['760', 'oral', '15:00'], // an oral complaint at the office: close of office hours (seed 001)
    ['760', undefined, '23:59:59'], // the general end, as stored on the deadline
    ['730', 'written', '23:59:59'],
    ['730', 'digital', '23:59:59'],
    ['730', 'oral', '23:59:59'], // Randers sets no office-hours end
    ['707', 'oral', '23:59:59'],
  ] as const)('in %s a %s complaint is in time until %s', (code, channel, time) => {
    const rules = deadlineRulesFor(code);
    expect(computeDeadline('complaint', d('2026-11-23'), rules, channel).endsAtTime).toBe(time);
    expect(endsAtTimeOf(rules.rules.complaint, rules, channel)).toBe(time);
  });

  it.each(['written', 'digital'] as const)('a local row that ends a %s complaint at office close is overridden', (channel) => {
    const original = MUNICIPALITY_DEADLINE_RULES['760'];
    MUNICIPALITY_DEADLINE_RULES['760'] = {
      version: 'test',
      rules: { complaint: { endsAt: 'close_of_office_hours', endsAtByChannel: { [channel]: 'close_of_office_hours' } } },
    };
    try {
      const rules = deadlineRulesFor('760');
      expect(computeDeadline('complaint', d('2026-11-23'), rules, channel as ComplaintChannel).endsAtTime).toBe('23:59:59');
    } finally {
      MUNICIPALITY_DEADLINE_RULES['760'] = original as (typeof MUNICIPALITY_DEADLINE_RULES)[string];
    }
  });

  it.each([
    ['760', 'receipt', '23:59:59'],
    ['760', 'forward_to_ankestyrelsen', '23:59:59'],
  ] as const)('in %s a %s deadline ends at %s', (code, kind, time) => {
    expect(computeDeadline(kind, d('2026-11-23'), deadlineRulesFor(code)).endsAtTime).toBe(time);
  });

  it('records the version of the rule set that produced a deadline', () => {
    expect(deadlineRulesFor('760').version).toBe('base-2026.2+760-2026.2');
    expect(deadlineRulesFor('707').version).toBe('base-2026.2');
    expect(computeDeadline('complaint', d('2026-11-23'), deadlineRulesFor('760')).source).toContain('kontortids ophør');
  });
});

describe('closed days for deadlines the citizen must meet (forældelsesloven § 27, stk. 2)', () => {
  it.each(CITIZEN_DEADLINE_CLOSED_DAYS)('$name ($day/$month) is cited', (c) => {
    expect(c.source).toBe('Forældelsesloven § 27, stk. 2');
    expect(closedDayOn(d(`2027-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`))).toBe(c);
  });

  it.each([
    // date, closed for the citizen's deadline, closed for the municipality's own
    ['2026-06-05', true, false], // Grundlovsdag, a Friday
    ['2026-12-24', true, false], // juleaftensdag, a Thursday
    ['2026-12-31', true, false], // nytårsaftensdag, a Thursday
    ['2025-12-24', true, false], // a Wednesday
    ['2026-06-04', false, false],
    ['2026-12-23', false, false],
    ['2026-12-25', true, true], // juledag is a public holiday for both
    ['2026-12-26', true, true],
    ['2026-05-01', false, false], // 1. maj is not listed
  ] as const)('%s: closed for the citizen %s, for the municipality %s', (date, citizen, own) => {
    expect(isDeadlineDay(d(date), 'citizen_deadline')).toBe(!citizen);
    expect(isDeadlineDay(d(date), 'public_holidays')).toBe(!own);
  });

  it.each([
    // a counted last day → the citizen's deadline, the municipality's own
    ['2026-06-05', '2026-06-08', '2026-06-05'], // Grundlovsdag (Friday) → Monday 8 June
    ['2025-06-05', '2025-06-06', '2025-06-05'], // Grundlovsdag (Thursday) → Friday
    ['2027-06-05', '2027-06-07', '2027-06-07'], // a Saturday anyway
    ['2025-12-24', '2025-12-29', '2025-12-24'], // Wednesday → past Christmas → Monday 29th
    ['2026-12-24', '2026-12-28', '2026-12-24'], // Thursday → Monday 28th
    ['2026-12-31', '2027-01-04', '2026-12-31'], // Thursday → past Nytårsdag (Friday) and the weekend
    ['2025-12-31', '2026-01-02', '2025-12-31'], // Wednesday → past Nytårsdag → Friday 2 January
    ['2027-12-31', '2028-01-03', '2027-12-31'], // Friday → Monday 3 January
    ['2026-12-23', '2026-12-23', '2026-12-23'],
  ] as const)('a deadline counted to %s ends %s for the citizen and %s for the municipality', (counted, citizen, own) => {
    expect(onOrNextDeadlineDay(d(counted), 'citizen_deadline')).toBe(citizen);
    expect(onOrNextDeadlineDay(d(counted), 'public_holidays')).toBe(own);
  });

  it.each([
    // complaint deadlines counted from a decision date: 4 weeks to a closed day
    ['2026-05-08', '2026-06-05', '2026-06-08'],
    ['2026-12-03', '2026-12-31', '2027-01-04'],
    ['2025-11-26', '2025-12-24', '2025-12-29'],
  ] as const)('a decision of %s: complaint counted to %s, due %s', (from, counted, due) => {
    expect(computeDeadline('complaint', d(from), BASE_DEADLINE_RULES)).toMatchObject({ counted, due });
    // The municipality's own 4 weeks (the start deadline) end on the counted day.
    expect(computeDeadline('start', d(from), BASE_DEADLINE_RULES).due).toBe(counted);
  });
});

describe('deadlineStatus', () => {
  it.each([
    ['2026-11-21', 'overdue'],
    ['2026-11-22', 'due_soon'],
    ['2026-11-29', 'due_soon'],
    ['2026-11-30', 'open'],
  ] as const)('due %s on 2026-11-22 is %s', (due, status) => {
    expect(deadlineStatus(d(due), d('2026-11-22'))).toBe(status);
  });
});

describe('dueWindow (the "my cases" filters) agrees with deadlineStatus', () => {
  const today = d('2026-03-10');
  it.each([
    ['2026-03-09', 'overdue'],
    ['2026-03-10', 'due_soon'],
    ['2026-03-17', 'due_soon'],
    ['2026-03-18', 'open'],
  ] as const)('a deadline due %s is %s', (due, status) => {
    const inside = (w: { from: string | null; to: string }) => (w.from === null || due >= w.from) && due <= w.to;
    expect(inside(dueWindow('overdue', today))).toBe(status === 'overdue');
    expect(inside(dueWindow('due_soon', today))).toBe(status === 'due_soon');
    expect(deadlineStatus(d(due), today)).toBe(status);
  });
});

describe('deadlineState', () => {
  it.each([
    ['2026-03-10', '2026-03-09', '2026-04-01', 'met'],
    ['2026-03-10', '2026-03-10', '2026-04-01', 'met'],
    ['2026-03-10', '2026-03-11', '2026-04-01', 'met_late'],
    ['2026-03-10', null, '2026-03-11', 'overdue'],
    ['2026-03-10', null, '2026-03-03', 'due_soon'],
    ['2026-03-10', null, '2026-03-02', 'open'],
  ] as const)('due %s, met %s, today %s → %s', (due, metOn, today, expected) => {
    expect(deadlineState(due as PlainDate, metOn as PlainDate | null, today as PlainDate)).toBe(expected);
  });
});
