import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_THEMES,
  FUNCTION_LEVELS,
  NOT_ASSESSED_LEVEL,
  SUPPORT_NEED_LEVELS,
  SUPPORT_NOT_ASSESSED,
} from '../../shared/assessment/ffb-terms.ts';
import { assessmentCompleteness } from './completeness.ts';

const MODERATE = FUNCTION_LEVELS[2]?.code ?? '';
const HIGH_NEED = SUPPORT_NEED_LEVELS[3]?.code ?? '';
const ACTIVITY = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');
const OTHERS = ASSESSMENT_THEMES.filter((t) => t.group !== 'activity');
const allActivity = ACTIVITY.map((t) => ({ themeCode: t.code, levelCode: MODERATE }));

describe('assessment completeness (FFB)', () => {
  it('has six activity-and-participation themes and five others', () => {
    expect(ACTIVITY.map((t) => t.display)).toEqual([
      'Praktiske opgaver',
      'Egenomsorg',
      'Mobilitet',
      'Kommunikation',
      'Samfundsliv',
      'Relationer',
    ]);
    expect(OTHERS).toHaveLength(5);
  });

  it.each([
    ['every activity theme levelled and a support need', allActivity, HIGH_NEED, []],
    ['nothing done', [], null, [...ACTIVITY.map((t) => t.display), 'support need']],
    [
      '"Ikke vurderet" does not count',
      allActivity.map((t, i) => (i === 0 ? { ...t, levelCode: NOT_ASSESSED_LEVEL } : t)),
      HIGH_NEED,
      ['Praktiske opgaver'],
    ],
    ['support need "Ikke vurderet"', allActivity, SUPPORT_NOT_ASSESSED, ['support need']],
    [
      'other themes may stay unassessed',
      [...allActivity, ...OTHERS.map((t) => ({ themeCode: t.code, levelCode: null }))],
      HIGH_NEED,
      [],
    ],
    ['one activity theme missing', allActivity.slice(1), HIGH_NEED, ['Praktiske opgaver']],
  ] as const)('%s', (_label, themes, need, missing) => {
    const r = assessmentCompleteness(themes, need);
    expect(
      r.missing.map((m) => (m.themeCode ? ASSESSMENT_THEMES.find((t) => t.code === m.themeCode)?.display : 'support need')),
    ).toEqual(missing);
    expect(r.complete).toBe(missing.length === 0);
  });
});
