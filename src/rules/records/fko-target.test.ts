import { describe, expect, it } from 'vitest';
import { GOAL_TYPES, SUPPORT_NEED_LEVELS, SUPPORT_NOT_ASSESSED } from '../../shared/assessment/ffb-terms.ts';
import { VALIDATION_MESSAGES } from '../../shared/i18n/validation-messages.ts';
import { FKO_TARGET_RULES, fkoTargetProblem, fkoTargetProblems } from './fko-target.ts';

const need = (display: string) => SUPPORT_NEED_LEVELS.find((l) => l.display === `${display} støttebehov`)?.code ?? '';
const type = (key: string) => GOAL_TYPES.find((g) => g.key === key)?.code ?? '';
const SCALE = ['Intet', 'Let', 'Moderat', 'Højt', 'Fuldstændigt'];

describe('FKO target against the baseline, per goal type', () => {
  it.each(Object.entries(FKO_TARGET_RULES))('%s has a rule, a reason and a message', (_key, rule) => {
    expect(rule.why.length).toBeGreaterThan(10);
    expect(VALIDATION_MESSAGES[rule.key].da.length).toBeGreaterThan(10);
    expect(VALIDATION_MESSAGES[rule.key].en.length).toBeGreaterThan(10);
  });

  // Every goal type against every pair on the scale: the table decides, nothing is hard-coded per pair.
  const pairs = GOAL_TYPES.flatMap((g) =>
    SCALE.flatMap((baseline, b) => SCALE.map((target, t) => [g.key, baseline, target, b, t] as const)),
  );
  it.each(pairs)('%s from %s to %s', (key, baseline, target, b, t) => {
    const expected = { develop: t < b, maintain: t === b, limit_loss: t >= b }[key];
    const problem = fkoTargetProblem({
      goalTypeCode: type(key),
      baselineSupportNeedCode: need(baseline),
      targetSupportNeedCode: need(target),
    });
    expect(problem).toBe(expected ? null : FKO_TARGET_RULES[key].key);
  });

  it.each([
    ['Udvikle: a target worse than the baseline', 'develop', 'Moderat', 'Højt', 'order.target.develop'],
    ['Udvikle: a target equal to the baseline', 'develop', 'Moderat', 'Moderat', 'order.target.develop'],
    ['Udvikle: from no need there is nothing to develop', 'develop', 'Intet', 'Intet', 'order.target.develop'],
    ['Fastholde: a better target is not maintaining', 'maintain', 'Højt', 'Moderat', 'order.target.maintain'],
    ['Begrænse tab: a better target is a goal to develop', 'limit_loss', 'Højt', 'Let', 'order.target.limitLoss'],
    ['Begrænse tab: a higher need is a limited loss', 'limit_loss', 'Moderat', 'Højt', null],
  ] as const)('%s', (_label, key, baseline, target, expected) => {
    expect(
      fkoTargetProblem({ goalTypeCode: type(key), baselineSupportNeedCode: need(baseline), targetSupportNeedCode: need(target) }),
    ).toBe(expected);
  });

  it('leaves unchosen or unassessed codes to the schema', () => {
    expect(
      fkoTargetProblem({ goalTypeCode: '', baselineSupportNeedCode: need('Let'), targetSupportNeedCode: need('Højt') }),
    ).toBe(null);
    expect(
      fkoTargetProblem({
        goalTypeCode: type('develop'),
        baselineSupportNeedCode: SUPPORT_NOT_ASSESSED,
        targetSupportNeedCode: need('Højt'),
      }),
    ).toBe(null);
  });

  it('names the goal the problem is in', () => {
    const ok = { goalTypeCode: type('develop'), baselineSupportNeedCode: need('Højt'), targetSupportNeedCode: need('Let') };
    const bad = { ...ok, targetSupportNeedCode: need('Fuldstændigt') };
    expect(fkoTargetProblems([ok, bad, ok])).toEqual([{ path: 'goals.1.targetSupportNeedCode', key: 'order.target.develop' }]);
  });
});
