import { mentionsParagraph } from '../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import type { DeadlineRuleSet } from '../deadlines/deadline-rules.ts';
import { computeDeadline } from '../deadlines/deadlines.ts';
import { profileInBands } from '../profiles/citizen-profiles.ts';

export type Band = { code: string; above: number; upTo: number };
export type DecisionProblem = {
  path: string;
  key: 'decision.hours.outsideBands' | 'decision.timeLimit.exceedsLaw' | 'decision.modules.notDayOffer';
};

/** The legal time limit on support from `start`: § 82 six months (seed 004), § 107 three years (seed 001). */
export function legalTimeLimit(legalBasis: string, start: PlainDate, rules: DeadlineRuleSet): PlainDate | null {
  if (mentionsParagraph(legalBasis, '107')) return computeDeadline('sel107_max_duration', start, rules).due;
  if (mentionsParagraph(legalBasis, '82')) return computeDeadline('sel82_max_duration', start, rules).due;
  return null;
}

/**
 * What a decision's frame must satisfy: hours inside the service level's profile bands; modules only for day offers;
 * a time limit within the law (and, where the law limits support, a time limit is always set).
 */
export function decisionFrameProblems(
  d: {
    outcome: string;
    legalBasis: string;
    weeklyHours: number | null;
    moduleDays: number | null;
    startDate: PlainDate | null;
    timeLimitUntil: PlainDate | null;
  },
  bands: readonly Band[],
  rules: DeadlineRuleSet,
): DecisionProblem[] {
  if (d.outcome === 'refused') return [];
  const problems: DecisionProblem[] = [];
  const dayOffer = mentionsParagraph(d.legalBasis, '103') || mentionsParagraph(d.legalBasis, '104');
  if (d.weeklyHours !== null && bands.length > 0 && !profileInBands(bands, d.weeklyHours)) {
    problems.push({ path: 'weeklyHours', key: 'decision.hours.outsideBands' });
  }
  if (d.moduleDays !== null && !dayOffer) problems.push({ path: 'moduleDays', key: 'decision.modules.notDayOffer' });
  if (d.startDate && d.timeLimitUntil) {
    const limit = legalTimeLimit(d.legalBasis, d.startDate, rules);
    if (limit && d.timeLimitUntil > limit) problems.push({ path: 'timeLimitUntil', key: 'decision.timeLimit.exceedsLaw' });
  }
  return problems;
}
