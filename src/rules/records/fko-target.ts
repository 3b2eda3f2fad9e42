import { GOAL_TYPES } from '../../shared/assessment/ffb-terms.ts';
import type { ValidationKey } from '../../shared/i18n/validation-messages.ts';
import { SUPPORT_NEED_RANK } from '../follow-up/goal-progress.ts';

/**
 * The FKO target support need against the baseline, per FFB goal type (Måltype). On the FFB scale a lower support
 * need is more mastery (Intet < Let < Moderat < Højt < Fuldstændigt). A goal to develop (Udvikle funktionsevne) aims
 * at a lower need than today; to maintain (Fastholde), at today's need; to limit loss (Begrænse tab), at today's need
 * or a higher one — a lower need would be a goal to develop. A target that breaks its row cannot be true of the goal
 * and is refused (seed 003: the authority sets the current and the target support need per goal; KL FFB Måltype).
 */
export type GoalTypeKey = (typeof GOAL_TYPES)[number]['key'];

export const FKO_TARGET_RULES: Record<
  GoalTypeKey,
  { relation: 'lower' | 'equal' | 'equal_or_higher'; key: ValidationKey; why: string }
> = {
  develop: {
    relation: 'lower',
    key: 'order.target.develop',
    why: 'Udvikle funktionsevne: målet er et lavere støttebehov end udgangspunktet',
  },
  maintain: {
    relation: 'equal',
    key: 'order.target.maintain',
    why: 'Fastholde funktionsevne: målet er det samme støttebehov som udgangspunktet',
  },
  limit_loss: {
    relation: 'equal_or_higher',
    key: 'order.target.limitLoss',
    why: 'Begrænse tab af funktionsevne: målet er samme eller et højere støttebehov; et lavere er et udviklingsmål',
  },
};

/** The problem with a goal's FKO target, or null when it fits the goal type (or a code is not yet chosen). */
export function fkoTargetProblem(goal: {
  goalTypeCode: string;
  baselineSupportNeedCode: string;
  targetSupportNeedCode: string;
}): ValidationKey | null {
  const type = GOAL_TYPES.find((g) => g.code === goal.goalTypeCode)?.key;
  const baseline = SUPPORT_NEED_RANK[goal.baselineSupportNeedCode];
  const target = SUPPORT_NEED_RANK[goal.targetSupportNeedCode];
  if (!type || baseline === undefined || target === undefined) return null;
  const rule = FKO_TARGET_RULES[type];
  const fits =
    rule.relation === 'lower' ? target < baseline : rule.relation === 'equal' ? target === baseline : target >= baseline;
  return fits ? null : rule.key;
}

/** The FKO problems of an order's goals, at `goals.<i>.targetSupportNeedCode`. */
export function fkoTargetProblems(
  goals: readonly { goalTypeCode: string; baselineSupportNeedCode: string; targetSupportNeedCode: string }[],
): { path: string; key: ValidationKey }[] {
  return goals.flatMap((g, i) => {
    const key = fkoTargetProblem(g);
    return key ? [{ path: `goals.${i}.targetSupportNeedCode`, key }] : [];
  });
}
