import { mentionsParagraph, paragraphsOf } from '../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import type { DeadlineRuleSet } from '../deadlines/deadline-rules.ts';
import { profileInBands } from '../profiles/citizen-profiles.ts';
import { legalTimeLimit } from '../records/date-constraints.ts';

export { legalTimeLimit };

export type Band = { code: string; above: number; upTo: number };
export type DecisionProblem = {
  path: string;
  key: 'decision.hours.outsideBands' | 'decision.timeLimit.exceedsLaw' | 'decision.modules.notDayOffer';
};

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

type Frame = { outcome: string; weeklyHours: number | null; moduleDays: number | null };

/**
 * Does a new decision reduce support against the one it replaces? A refusal after a grant does; so do fewer hours or
 * fewer module days. A reducing decision carries complaint guidance even when its outcome is "granted"
 * (forvaltningsloven § 25: guidance whenever the decision is not fully in the citizen's favour).
 */
export function reducesSupport(previous: Frame | null, next: Frame): boolean {
  if (!previous || previous.outcome === 'refused') return false;
  if (next.outcome === 'refused') return true;
  const fewer = (a: number | null, b: number | null) => a !== null && b !== null && b < a;
  return fewer(previous.weeklyHours, next.weeklyHours) || fewer(previous.moduleDays, next.moduleDays);
}

/** An order goes to an offer that delivers support under a paragraph the decision grants (an order is no decision). */
export function offerDeliversBasis(offerLegalBases: readonly string[], decisionLegalBasis: string): boolean {
  const granted = paragraphsOf(decisionLegalBasis);
  return offerLegalBases.some((basis) => paragraphsOf(basis).some((p) => granted.includes(p)));
}
