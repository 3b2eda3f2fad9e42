import { decisionsRepository } from './decisions.repository.ts';

/**
 * Decisions' public API: the stop decision (taken at a follow-up), the complaint guidance a decision letter carries
 * (also for the demo generator's letters), and the one reader of decisions.
 */
export { complaintGuidanceOf } from './complaint-guidance.ts';
export { decideStop, type StopInput } from './decide-stop.ts';
export { decisionsRoutes } from './decisions.routes.ts';
/**
 * "Decisions awaiting my approval" (issue 12): `decisionsAwaitingApproval(ctx, { page, pageSize })` →
 * `Page<AwaitingApprovalItem>` (src/shared/cases/decision-approval.schema.ts), a team leader's queue, oldest first;
 * 403 for anyone else. Its own transaction, audited as a search.
 */
/** The case's latest proposal for approval, read inside the caller's transaction (the case page). */
export { approvalOfCase, decisionsAwaitingApproval } from './read-approvals.use-case.ts';

export const decisionReads = {
  /** Decisions of one case or a page of cases, newest first, with the service level they applied. */
  decisions: decisionsRepository.decisions,
  /** The latest decision: what an order rests on and what a complaint is about. */
  latest: decisionsRepository.latest,
};
export { decisionImport, type ImportedDecision } from './decision-import.repository.ts';
