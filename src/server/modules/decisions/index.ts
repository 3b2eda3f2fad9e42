import { decisionsRepository } from './decisions.repository.ts';

/**
 * Decisions' public API: the stop decision (taken at a follow-up), the complaint guidance a decision letter carries
 * (also for the demo generator's letters), and the one reader of decisions.
 */
export { complaintGuidanceOf } from './complaint-guidance.ts';
export { decideStop, type StopInput } from './decide-stop.ts';
export { decisionsRoutes } from './decisions.routes.ts';

export const decisionReads = {
  /** Decisions of one case or a page of cases, newest first, with the service level they applied. */
  decisions: decisionsRepository.decisions,
  /** The latest decision: what an order rests on and what a complaint is about. */
  latest: decisionsRepository.latest,
};
export { decisionImport, type ImportedDecision } from './decision-import.repository.ts';
