import { GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../shared/assessment/ffb-terms.ts';

/**
 * Goal progress from FKO scores (seed 003, Randers: the share of goals where the citizen keeps or gains mastery).
 * Mastery means a lower support need on the FFB scale Intet < Let < Moderat < Højt < Fuldstændigt. The latest
 * status (the final status if there is one) is compared with the baseline set at the start.
 */
export const SUPPORT_NEED_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  ['Intet støttebehov', 'Let støttebehov', 'Moderat støttebehov', 'Højt støttebehov', 'Fuldstændigt støttebehov'].map(
    (display, rank) => [SUPPORT_NEED_LEVELS.find((l) => l.display === display)?.code ?? display, rank],
  ),
);

export type Progress = 'gained' | 'kept' | 'lost' | 'no_status';

export type ScoredGoal = {
  goalTypeCode: string;
  baselineCode: string;
  statuses: readonly { scoredOn: string; kind: 'quarterly' | 'final'; supportNeedCode: string }[];
};

/** The latest status: the final one if given, else the newest quarterly. */
export function latestStatus(goal: ScoredGoal) {
  const final = goal.statuses.find((s) => s.kind === 'final');
  if (final) return final;
  return [...goal.statuses].sort((a, b) => a.scoredOn.localeCompare(b.scoredOn)).at(-1);
}

export function classifyProgress(goal: ScoredGoal): Progress {
  const last = latestStatus(goal);
  const base = SUPPORT_NEED_RANK[goal.baselineCode];
  const now = last ? SUPPORT_NEED_RANK[last.supportNeedCode] : undefined;
  if (base === undefined || now === undefined) return 'no_status';
  if (now < base) return 'gained';
  if (now === base) return 'kept';
  return 'lost';
}

/**
 * Success depends on the goal type (FFB Måltype): to develop, mastery must be gained; to maintain or to limit loss,
 * keeping the level counts too.
 */
export const SUCCESS_BY_GOAL_TYPE: Record<'develop' | 'maintain' | 'limit_loss', readonly Progress[]> = {
  develop: ['gained'],
  maintain: ['gained', 'kept'],
  limit_loss: ['gained', 'kept'],
};

export function goalSucceeded(goal: ScoredGoal): boolean | null {
  const progress = classifyProgress(goal);
  if (progress === 'no_status') return null;
  const type = GOAL_TYPES.find((g) => g.code === goal.goalTypeCode)?.key ?? 'develop';
  return SUCCESS_BY_GOAL_TYPE[type].includes(progress);
}

/**
 * The agreement's figure: of the goals with at least one status, the share where the citizen kept or gained
 * mastery. Goals without a status are counted apart, never as failures.
 */
export function keepOrGainShare(goals: readonly ScoredGoal[]): {
  measured: number;
  keptOrGained: number;
  withoutStatus: number;
  share: number | null;
} {
  const progress = goals.map(classifyProgress);
  const measured = progress.filter((p) => p !== 'no_status').length;
  const keptOrGained = progress.filter((p) => p === 'gained' || p === 'kept').length;
  return {
    measured,
    keptOrGained,
    withoutStatus: goals.length - measured,
    share: measured ? keptOrGained / measured : null,
  };
}
