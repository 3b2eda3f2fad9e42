import { describe, expect, it } from 'vitest';
import { GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../shared/assessment/ffb-terms.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import { addWeeks, isoWeekNumber, isoWeekStart } from '../calendar/date-arithmetic.ts';
import { BASE_DEADLINE_RULES } from '../deadlines/deadline-rules.ts';
import { nextFkoStatus, orderState, supportEndsAfterStop, timeLimitAlert } from './fko-schedule.ts';
import {
  classifyProgress,
  goalSucceeded,
  keepOrGainShare,
  type ScoredGoal,
  SUCCESS_BY_GOAL_TYPE,
  SUPPORT_NEED_RANK,
} from './goal-progress.ts';
import { DEFAULT_DEVIATION, hoursDeviation } from './hours-deviation.ts';

const d = (s: string) => s as PlainDate;
const need = (prefix: string) => SUPPORT_NEED_LEVELS.find((l) => l.display.startsWith(prefix))?.code ?? '';
const type = (key: string) => GOAL_TYPES.find((g) => g.key === key)?.code ?? '';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-22', '2026-11-16', 47],
    ['2026-11-23', '2026-11-23', 48],
    ['2027-01-01', '2026-12-28', 53],
    ['2026-01-01', '2025-12-29', 1],
    ['2028-02-29', '2028-02-28', 9],
  ])('%s is in the week of %s (week %i)', (date, monday, week) => {
    expect(isoWeekStart(d(date))).toBe(monday);
    expect(isoWeekNumber(d(date))).toBe(week);
  });
});

describe('hoursDeviation (4 consecutive weeks outside ±25 %)', () => {
  const weeks = (...hours: (number | null)[]) =>
    hours.flatMap((h, i) => (h === null ? [] : [{ weekStart: addWeeks(d('2026-10-05'), i), hours: h }]));
  // Weeks of 5, 12, 19, 26 October and 2 November; "today" 9 November, so five completed weeks.
  it.each([
    ['on frame', [3, 3, 3, 3, 3], false, 0],
    ['within 25 %', [2.25, 3.75, 3, 2.3, 3.7], false, 0],
    ['four low weeks', [3, 1, 1, 1, 1], true, 4],
    ['three low weeks only', [1, 1, 3, 1, 1], false, 2],
    ['four high weeks', [5, 5, 5, 5, 3], false, 0],
    ['four high weeks at the end', [3, 5, 5, 5, 5], true, 4],
    ['missing registrations count as none delivered', [3, null, null, null, null], true, 4],
    ['exactly 25 % off is inside', [2.25, 2.25, 2.25, 2.25, 2.25], false, 0],
  ])('%s: %j → flag %s, streak %i', (_n, hours, flag, streak) => {
    const r = hoursDeviation(weeks(...hours), 3, d('2026-10-05'), d('2026-11-09'));
    expect(r.weeks).toHaveLength(5);
    expect(r.flag).toBe(flag);
    expect(r.streak).toBe(streak);
  });

  it('counts only completed weeks, and the setting decides', () => {
    const r = hoursDeviation([], 3, d('2026-11-16'), d('2026-11-22'));
    expect(r.weeks).toEqual([]);
    expect(r.flag).toBe(false);
    const strict = hoursDeviation(weeks(3, 3.5, 3.5), 3, d('2026-10-05'), d('2026-10-26'), {
      ...DEFAULT_DEVIATION,
      weeks: 2,
      tolerance: 0.1,
    });
    expect(strict.flag).toBe(true);
  });
});

describe('goal progress (mastery = lower support need)', () => {
  it('ranks the FFB scale', () => {
    expect(['Intet', 'Let', 'Moderat', 'Højt', 'Fuldstændigt'].map((n) => SUPPORT_NEED_RANK[need(n)])).toEqual([0, 1, 2, 3, 4]);
  });

  const goal = (typeKey: string, baseline: string, ...scores: [string, 'quarterly' | 'final', string][]): ScoredGoal => ({
    goalTypeCode: type(typeKey),
    baselineCode: need(baseline),
    statuses: scores.map(([scoredOn, kind, s]) => ({ scoredOn, kind, supportNeedCode: need(s) })),
  });

  it.each([
    ['develop, Højt → Moderat', goal('develop', 'Højt', ['2026-03-01', 'quarterly', 'Moderat']), 'gained', true],
    ['develop, Højt → Højt', goal('develop', 'Højt', ['2026-03-01', 'quarterly', 'Højt']), 'kept', false],
    ['maintain, Moderat → Moderat', goal('maintain', 'Moderat', ['2026-03-01', 'quarterly', 'Moderat']), 'kept', true],
    ['maintain, Moderat → Højt', goal('maintain', 'Moderat', ['2026-03-01', 'quarterly', 'Højt']), 'lost', false],
    ['limit loss, Højt → Højt', goal('limit_loss', 'Højt', ['2026-03-01', 'quarterly', 'Højt']), 'kept', true],
    [
      'the newest quarterly counts',
      goal('develop', 'Højt', ['2026-06-01', 'quarterly', 'Let'], ['2026-03-01', 'quarterly', 'Fuldstændigt']),
      'gained',
      true,
    ],
    [
      'the final status wins',
      goal('develop', 'Højt', ['2026-09-01', 'quarterly', 'Let'], ['2026-08-01', 'final', 'Fuldstændigt']),
      'lost',
      false,
    ],
    ['no status yet', goal('develop', 'Højt'), 'no_status', null],
  ] as const)('%s → %s', (_n, g, progress, success) => {
    expect(classifyProgress(g)).toBe(progress);
    expect(goalSucceeded(g)).toBe(success);
  });

  it.each(Object.entries(SUCCESS_BY_GOAL_TYPE))('%s succeeds on %j', (key, ok) => {
    for (const p of ['gained', 'kept', 'lost'] as const) {
      const baseline = 'Moderat';
      const score = { gained: 'Let', kept: 'Moderat', lost: 'Højt' }[p];
      expect(goalSucceeded(goal(key, baseline, ['2026-03-01', 'quarterly', score]))).toBe(ok.includes(p));
    }
  });

  it('gives Randers’ measure: 28 of 47 goals keep or gain mastery ≈ 60 %, goals without status apart', () => {
    const goals = [
      ...Array.from({ length: 18 }, () => goal('develop', 'Højt', ['2026-03-01', 'quarterly', 'Moderat'])),
      ...Array.from({ length: 10 }, () => goal('maintain', 'Moderat', ['2026-03-01', 'quarterly', 'Moderat'])),
      ...Array.from({ length: 19 }, () => goal('develop', 'Moderat', ['2026-03-01', 'quarterly', 'Højt'])),
      ...Array.from({ length: 3 }, () => goal('develop', 'Moderat')),
    ];
    const r = keepOrGainShare(goals);
    expect(r).toMatchObject({ measured: 47, keptOrGained: 28, withoutStatus: 3 });
    expect(Math.round((r.share ?? 0) * 100)).toBe(60);
    expect(keepOrGainShare([goal('develop', 'Højt')]).share).toBeNull();
  });
});

describe('support after a stop decision, and the order state', () => {
  it.each([
    ['SEL § 85', '2026-11-20', '2026-12-18', true],
    ['SEL § 85', '2026-12-04', '2027-01-01', true], // New Year's Day: an end date does not move
    ['SEL § 107', '2026-11-20', '2026-11-20', false],
    ['SEL § 104', '2026-11-20', '2026-11-20', false],
  ] as const)('%s stopped %s → support ends %s (continuation %s)', (basis, stopped, ends, continues) => {
    const r = supportEndsAfterStop(basis, d(stopped), BASE_DEADLINE_RULES);
    expect(r.endsOn).toBe(ends);
    expect(r.continuation !== null).toBe(continues);
  });

  it.each([
    [{ status: 'ordered', endsOn: null }, 'ordered'],
    [{ status: 'accepted', endsOn: null }, 'accepted'],
    [{ status: 'accepted', endsOn: '2026-11-22' }, 'accepted'],
    [{ status: 'accepted', endsOn: '2026-11-21' }, 'ended'],
    [{ status: 'ended', endsOn: null }, 'ended'],
    [{ status: 'on_hold', endsOn: null }, 'on_hold'],
    [{ status: 'declined', endsOn: null }, 'declined'],
  ] as const)('%j on 2026-11-22 → %s', (o, state) => {
    expect(orderState(o, d('2026-11-22'))).toBe(state);
  });
});

describe('FKO schedule and time-limit alerts', () => {
  it.each([
    [
      'first status 3 months after start',
      { start: '2026-12-01', statuses: [], endsOn: null },
      { kind: 'quarterly', due: '2027-03-01' },
    ],
    [
      'then 3 months after the last status',
      { start: '2026-12-01', statuses: [{ scoredOn: '2027-02-26', kind: 'quarterly' }], endsOn: null },
      { kind: 'quarterly', due: '2027-05-26' },
    ],
    [
      'the final status when the plan ends first',
      { start: '2026-12-01', statuses: [], endsOn: '2027-02-15' },
      { kind: 'final', due: '2027-02-15' },
    ],
    [
      'nothing after the final status',
      { start: '2026-12-01', statuses: [{ scoredOn: '2027-02-15', kind: 'final' }], endsOn: '2027-02-15' },
      null,
    ],
    [
      'month end: 30 November + 3 months = 28 February 2027, a Sunday → Monday 1 March',
      { start: '2026-11-30', statuses: [], endsOn: null },
      { kind: 'quarterly', due: '2027-03-01' },
    ],
  ] as const)('%s', (_n, input, expected) => {
    expect(nextFkoStatus(input as unknown as Parameters<typeof nextFkoStatus>[0], BASE_DEADLINE_RULES)).toEqual(expected);
  });

  it.each([
    [null, '2026-11-22', null],
    ['2027-01-31', '2026-11-22', null],
    ['2026-12-22', '2026-11-22', 'expiring'],
    ['2026-11-22', '2026-11-22', 'expiring'],
    ['2026-11-21', '2026-11-22', 'expired'],
  ] as const)('time limit %s on %s → %s', (until, today, alert) => {
    expect(timeLimitAlert(until as PlainDate | null, d(today))).toBe(alert);
  });
});
