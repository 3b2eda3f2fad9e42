import { type ComplaintAction, type ComplaintStatus, nextComplaintStatus } from '../../../rules/complaints/complaint-rules.ts';
import { invalidTransition, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { complaintsRepository } from './complaints.repository.ts';

export async function loadComplaint(tx: Tx, caseId: string, complaintId: string) {
  const complaint = await complaintsRepository.byId(tx, caseId, complaintId);
  if (!complaint) throw notFound();
  return complaint;
}

/** The complaint's own state machine (`COMPLAINT_TRANSITIONS`); a refused action is a 409 that changes nothing. */
export function complaintTransition(status: string, action: ComplaintAction): ComplaintStatus {
  const next = nextComplaintStatus(status as ComplaintStatus, action);
  if (!next) throw invalidTransition(`${action} is not allowed for a complaint in ${status}`);
  return next;
}
