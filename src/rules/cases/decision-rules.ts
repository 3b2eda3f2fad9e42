import { mentionsParagraph, paragraphsOf } from '../../shared/catalogue/paragraphs.ts';
import { profileInBands } from '../profiles/citizen-profiles.ts';
import { approvalNeeded } from './decision-approval.ts';

export type Band = { code: string; above: number; upTo: number };
export type DecisionProblem = {
  path: string;
  key: 'decision.hours.outsideBands' | 'decision.modules.notDayOffer';
};

/**
 * What a decision's frame must satisfy: hours inside the service level's profile bands, or above the highest band,
 * where the decision waits for a team leader's approval instead (./decision-approval.ts); modules only for day offers.
 * Its dates (start after the decision, a time limit after the start and within the law, required where the law
 * limits support) are rows of the date-constraint table (src/rules/records/date-constraints.ts).
 */
export function decisionFrameProblems(
  d: {
    outcome: string;
    legalBasis: string;
    weeklyHours: number | null;
    moduleDays: number | null;
  },
  bands: readonly Band[],
): DecisionProblem[] {
  if (d.outcome === 'refused') return [];
  const problems: DecisionProblem[] = [];
  const dayOffer = mentionsParagraph(d.legalBasis, '103') || mentionsParagraph(d.legalBasis, '104');
  if (d.weeklyHours !== null && bands.length > 0 && !profileInBands(bands, d.weeklyHours) && !approvalNeeded(d, bands)) {
    problems.push({ path: 'weeklyHours', key: 'decision.hours.outsideBands' });
  }
  if (d.moduleDays !== null && !dayOffer) problems.push({ path: 'moduleDays', key: 'decision.modules.notDayOffer' });
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
