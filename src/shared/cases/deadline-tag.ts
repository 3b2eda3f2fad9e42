import type { CaseDetail } from './case.schema.ts';

type Deadline = Pick<CaseDetail['deadlines'][number], 'status' | 'duty'>;
export type DeadlineTagKind = Deadline['status'] | 'expired';

/**
 * The word a deadline gets on the case page and in the printed case: only the municipality's own deadlines can be
 * "Overskredet" (src/rules/deadlines/deadline-duty.ts). A citizen's complaint deadline, the end of a period or the
 * provider's FKO status that has passed has "Udløbet" (expired): it is not the municipality's missed step.
 */
export function deadlineTagOf(d: Deadline): DeadlineTagKind {
  return d.status === 'overdue' && d.duty !== 'municipality' ? 'expired' : d.status;
}
