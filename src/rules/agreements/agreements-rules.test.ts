import { describe, expect, it } from 'vitest';
import { ASSESSMENT_THEMES, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../shared/assessment/ffb-terms.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import { discloseCount, discloseShare } from './disclosure.ts';
import {
  ageOn,
  agreementYearsBegun,
  type ClosedGoal,
  fkoShare,
  longStayShare,
  MEASURE_DEFINITIONS,
  MEASURE_KEYS,
  type Stay,
  youthHousingShare,
} from './goal-measures.ts';
import { attainmentOf, targetConsistent, targetValueOf, trendOf } from './goal-status.ts';
import { AGREEMENT_THEMES, CONDITION_THEME, themeOfCondition } from './goal-themes.ts';

const d = (s: string) => s as PlainDate;
const need = (prefix: string) => SUPPORT_NEED_LEVELS.find((l) => l.display.startsWith(prefix))?.code ?? '';
const cond = (display: string) => ASSESSMENT_THEMES.find((t) => t.display === display)?.code ?? '';
const develop = GOAL_TYPES[0]?.code ?? '';

describe('FFB condition → agreement theme (seed 003)', () => {
  it('maps every VUM 2.0 theme exactly once, each row cited', () => {
    expect(CONDITION_THEME.map((r) => r.condition).sort()).toEqual(ASSESSMENT_THEMES.map((t) => t.display).sort());
    for (const r of CONDITION_THEME) expect(r.source).toMatch(/seed 003/);
  });
  it.each([
    ['Praktiske opgaver', 'mastery'],
    ['Egenomsorg', 'mastery'],
    ['Samfundsliv', 'mastery'],
    ['Mentale funktioner', 'mastery'],
    ['Mobilitet', 'mastery'],
    ['Kommunikation', 'mastery'],
    ['Sundhedsforhold', 'health'],
    ['Fysiske funktioner', 'health'],
    ['Relationer', 'social_life'],
    ['Sociale forhold', 'social_life'],
    ['Omgivelser', 'social_life'],
  ])('%s counts under %s', (condition, theme) => {
    expect(themeOfCondition(cond(condition))).toBe(theme);
  });
  it('no FKO condition counts under education and employment (seed 003, 3.3.2: registers measure it)', () => {
    expect(CONDITION_THEME.some((r) => r.theme === 'education_employment')).toBe(false);
    expect(AGREEMENT_THEMES).toHaveLength(4);
  });
  it('an unknown condition has no theme', () => expect(themeOfCondition('nope')).toBeNull());
});

const goal = (
  condition: string,
  baseline: string,
  latest: string | null,
  endedOn: string | null,
  kind = 'final',
): ClosedGoal => ({
  conditionCode: cond(condition),
  goalTypeCode: develop,
  baselineCode: need(baseline),
  endedOn: endedOn as PlainDate | null,
  statuses: latest
    ? [{ scoredOn: d(endedOn ?? '2026-01-01'), kind: kind as 'final' | 'quarterly', supportNeedCode: need(latest) }]
    : [],
});

describe('keep-or-gain share: per goal, on plans closed in the period', () => {
  const period = { from: d('2025-01-01'), to: d('2025-12-31') };
  const goals = [
    goal('Praktiske opgaver', 'Højt', 'Moderat', '2025-03-01'), // gained
    goal('Egenomsorg', 'Moderat', 'Moderat', '2025-06-01'), // kept
    goal('Samfundsliv', 'Let', 'Moderat', '2025-07-01'), // lost
    goal('Sundhedsforhold', 'Højt', 'Højt', '2025-08-01', 'quarterly'), // kept (latest quarterly)
    goal('Relationer', 'Moderat', null, '2025-09-01'), // no status
    goal('Praktiske opgaver', 'Højt', 'Let', '2024-12-31'), // closed before the period
    goal('Praktiske opgaver', 'Højt', 'Let', null), // plan still open
  ];
  it.each([
    ['overall', {}, 3, 4, 75, 1],
    ['mastery', { theme: 'mastery' as const }, 2, 3, 66.7, 0],
    ['health', { theme: 'health' as const }, 1, 1, 100, 0],
    ['social life', { theme: 'social_life' as const }, 0, 0, null, 1],
    ['education (no FKO goals)', { theme: 'education_employment' as const }, 0, 0, null, 0],
    ['gain only', { gainOnly: true }, 1, 4, 25, 1],
  ])('%s', (_, opts, numerator, denominator, value, withoutStatus) => {
    expect(fkoShare(goals, period, opts)).toEqual({ numerator, denominator, value, withoutStatus });
  });
  it('seed 003 baseline arithmetic: 28 of 47 goals is 60 %', () => {
    const many = Array.from({ length: 47 }, (_, i) =>
      goal('Praktiske opgaver', 'Højt', i < 28 ? 'Højt' : 'Fuldstændigt', '2025-05-05'),
    );
    expect(fkoShare(many, period).value).toBe(59.6);
  });
});

const stay = (arrivedOn: string, leftOn: string | null, outcome: Stay['outcome'], birthDate = '1980-01-01'): Stay => ({
  arrivedOn: d(arrivedOn),
  leftOn: leftOn as PlainDate | null,
  outcome,
  birthDate: d(birthDate),
});

describe('shelter stays over 120 days (SEL § 110)', () => {
  const period = { from: d('2025-01-01'), to: d('2025-12-31') };
  it.each([
    ['120 days is not over 120', [stay('2025-01-01', '2025-05-01', 'own_home')], 0, 1],
    ['121 days is', [stay('2025-01-01', '2025-05-02', 'own_home')], 1, 1],
    ['a stay from last year counts in full', [stay('2024-10-01', '2025-02-01', 'street')], 1, 1],
    ['a running stay counts to the period end', [stay('2025-08-01', null, null)], 1, 1],
    ['a running stay short at the end', [stay('2025-12-01', null, null)], 0, 1],
    ['a stay ended before the period is out', [stay('2024-01-01', '2024-12-31', 'own_home')], 0, 0],
    ['a stay begun after the period is out', [stay('2026-01-02', null, null)], 0, 0],
  ])('%s', (_, stays, numerator, denominator) => {
    const s = longStayShare(stays, period);
    expect([s.numerator, s.denominator]).toEqual([numerator, denominator]);
  });
});

describe('young people leaving with a housing solution', () => {
  const period = { from: d('2025-01-01'), to: d('2025-12-31') };
  it.each([
    ['18 at arrival, own home', stay('2025-01-10', '2025-03-01', 'own_home', '2006-12-31'), 1, 1],
    ['24 at arrival, housing offer', stay('2025-01-10', '2025-03-01', 'housing_offer', '2000-06-01'), 1, 1],
    ['transitional home counts', stay('2025-01-10', '2025-03-01', 'transitional_home', '2003-01-01'), 1, 1],
    ['25 at arrival is not young', stay('2025-01-10', '2025-03-01', 'own_home', '1999-06-01'), 0, 0],
    ['17 at arrival is not counted', stay('2025-01-10', '2025-03-01', 'own_home', '2008-02-01'), 0, 0],
    ['left to the street', stay('2025-01-10', '2025-03-01', 'street', '2004-01-01'), 0, 1],
    ['another shelter is no housing', stay('2025-01-10', '2025-03-01', 'other_shelter', '2004-01-01'), 0, 1],
    ['still there', stay('2025-01-10', null, null, '2004-01-01'), 0, 0],
    ['left after the period', stay('2025-01-10', '2026-01-01', 'own_home', '2004-01-01'), 0, 0],
  ])('%s', (_, s, numerator, denominator) => {
    const r = youthHousingShare([s], period);
    expect([r.numerator, r.denominator]).toEqual([numerator, denominator]);
  });
  it.each([
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2000-06-01', '2025-05-31', 24],
    ['2000-06-01', '2025-06-01', 25],
  ])('born %s, on %s one is %i', (birth, on, age) => expect(ageOn(d(birth), d(on))).toBe(age));
});

describe('suppression: no count of 1–4 identifiable citizens', () => {
  it.each([
    [
      { numerator: 0, denominator: 0, value: null },
      { value: null, numerator: 0, suppressed: false, smallN: false },
    ],
    [
      { numerator: 3, denominator: 40, value: 7.5 },
      { value: null, numerator: null, suppressed: true, smallN: false },
    ],
    [
      { numerator: 38, denominator: 40, value: 95 },
      { value: null, numerator: null, suppressed: true, smallN: false },
    ],
    [
      { numerator: 4, denominator: 8, value: 50 },
      { value: null, numerator: null, suppressed: true, smallN: true },
    ],
    [
      { numerator: 5, denominator: 10, value: 50 },
      { value: 50, numerator: 5, suppressed: false, smallN: true },
    ],
    [
      { numerator: 0, denominator: 12, value: 0 },
      { value: 0, numerator: 0, suppressed: false, smallN: true },
    ],
    [
      { numerator: 2, denominator: 2, value: 100 },
      { value: null, numerator: null, suppressed: true, smallN: true },
    ],
    [
      { numerator: 28, denominator: 47, value: 59.6 },
      { value: 59.6, numerator: 28, suppressed: false, smallN: false },
    ],
  ])('%o → %o', (s, expected) => {
    expect(discloseShare(s)).toEqual({ ...expected, denominator: s.denominator });
  });
  it.each([
    [0, 0],
    [1, null],
    [4, null],
    [5, 5],
    [203, 203],
  ])('count %i → %o', (n, shown) => expect(discloseCount(n)).toBe(shown));
});

describe('targets, trend and attainment (seed 003 examples)', () => {
  const pct = (baselineValue: number | null, targetValue: number | null, targetChangePp: number | null, up = true) => ({
    baselineValue,
    targetValue,
    targetChangePp,
    direction: up ? ('increase' as const) : ('decrease' as const),
  });
  it.each([
    ['keep or gain 60 % + 3 pp', pct(60, 63, 3), 63, true],
    ['youth housing 43 % + 7 pp', pct(43, 50, 7), 50, true],
    ['stays over 120 days 14 % − 2 pp', pct(14, 12, 2, false), 12, true],
    ['homeless 86 → 75', pct(86, 75, null, false), 75, true],
    ['offer goal 4: + 3 pp without a printed baseline', pct(null, null, 3), null, true],
    ['change only: derived', pct(33, null, 4), 37, true],
    ['a wrong transcription is caught', pct(60, 64, 3), 64, false],
  ])('%s', (_, g, target, consistent) => {
    expect(targetValueOf(g)).toBe(target);
    expect(targetConsistent(g)).toBe(consistent);
  });
  it.each([
    [60, 62, 'increase', 'better'],
    [60, 60.4, 'increase', 'unchanged'],
    [60, 55, 'increase', 'worse'],
    [14, 12, 'decrease', 'better'],
    [14, 16, 'decrease', 'worse'],
    [null, 12, 'decrease', 'unknown'],
  ] as const)('%s → %s (%s) is %s', (before, now, direction, trend) => {
    expect(trendOf(before, now, direction)).toBe(trend);
  });
  it.each([
    [pct(60, 63, 3), 63, 'met'],
    [pct(60, 63, 3), 61, 'on_way'],
    [pct(60, 63, 3), 58, 'not_met'],
    [pct(14, 12, 2, false), 11.5, 'met'],
    [pct(14, 12, 2, false), 15, 'not_met'],
    [pct(60, 63, 3), null, 'unknown'],
  ])('%o at %s is %s', (g, now, attainment) => expect(attainmentOf(g, now)).toBe(attainment));
});

describe('measure definitions', () => {
  it.each(MEASURE_KEYS.map((k) => [k]))('%s has a version, both languages and a source', (k) => {
    const def = MEASURE_DEFINITIONS[k];
    expect(def.version).toBeGreaterThan(0);
    expect(def.da.length).toBeGreaterThan(20);
    expect(def.en.length).toBeGreaterThan(20);
    expect(def.source).toMatch(/seed 003/);
  });
});

describe('the years of an agreement measured up to a day', () => {
  const csi = { from: '2025-01-01' as PlainDate, to: '2026-12-31' as PlainDate };
  it.each([
    ['before it begins', csi, '2025-01-01', []],
    ['its second day', csi, '2025-01-02', [['2025-01-01', '2025-01-01']]],
    [
      'in its second year',
      csi,
      '2026-12-01',
      [
        ['2025-01-01', '2025-12-31'],
        ['2026-01-01', '2026-11-30'],
      ],
    ],
    ['on New Year', csi, '2026-01-01', [['2025-01-01', '2025-12-31']]],
    [
      'after it ended',
      csi,
      '2027-06-01',
      [
        ['2025-01-01', '2025-12-31'],
        ['2026-01-01', '2026-12-31'],
      ],
    ],
    [
      'one beginning mid-year',
      { from: '2019-07-01' as PlainDate, to: '2020-06-30' as PlainDate },
      '2021-01-01',
      [
        ['2019-07-01', '2019-12-31'],
        ['2020-01-01', '2020-06-30'],
      ],
    ],
  ] as const)('%s', (_, agreement, today, want) => {
    expect(agreementYearsBegun(agreement, today as PlainDate)).toEqual(want.map(([from, to]) => ({ from, to })));
  });
});
