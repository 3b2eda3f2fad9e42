import type { DeadlineKind } from './deadline-rules.ts';

/**
 * Which deadlines oblige the municipality to write to the citizen when it cannot keep them. Retssikkerhedsloven
 * § 3, stk. 2: if a decision deadline cannot be kept, the applicant is told in writing when a decision can be
 * expected. Visitator applies the same to the municipality's other published promises to the citizen (receipt,
 * start). Deadlines that bind the citizen (complaint) or that run between authorities do not give a notice.
 */
export const DEADLINE_NOTICE: Record<DeadlineKind, { notice: boolean; source: string }> = {
  receipt: { notice: true, source: 'Seed 001 "Sagsbehandlingstider" (offentliggjort frist); retssikkerhedsloven § 3, stk. 2' },
  decision: { notice: true, source: 'Retssikkerhedsloven § 3, stk. 2' },
  decision_day_offer: { notice: true, source: 'Retssikkerhedsloven § 3, stk. 2' },
  start: {
    notice: true,
    source: 'Seed 001 "Sagsbehandlingstider" (iværksættelse inden 4 uger); retssikkerhedsloven § 3, stk. 2',
  },
  complaint: { notice: false, source: 'The citizen’s deadline, not the municipality’s' },
  forward_to_ankestyrelsen: { notice: false, source: 'Between the municipality and Ankestyrelsen' },
  housing_support_continuation: { notice: false, source: 'A period of support, not a deadline for acting' },
  sel82_max_duration: { notice: false, source: 'A legal time limit on support' },
  sel107_max_duration: { notice: false, source: 'A legal time limit on support' },
  fko_status: { notice: false, source: 'Between the provider and the authority' },
};

/** A notice can be drafted for a deadline that requires one and is not yet met (overdue, or seen not to hold). */
export function noticeAllowed(kind: DeadlineKind, metOn: string | null): boolean {
  return DEADLINE_NOTICE[kind].notice && metOn === null;
}
