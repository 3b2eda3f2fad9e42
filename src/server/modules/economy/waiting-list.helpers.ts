import { waitingDays } from '../../../rules/economy/waiting-list.ts';
import type { WaitingEntry } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import type { WaitingRow } from './capacity.repository.ts';

/** The waiting list is personal data: every read and change is logged on the citizen, for supervision. */
export async function audit(
  tx: Tx,
  ctx: RequestContext,
  e: {
    action: 'read' | 'search' | 'create' | 'update';
    citizenId?: string;
    recordId?: string;
    criterion?: string;
    details?: Record<string, unknown>;
  },
) {
  await writeAudit(tx, auditActorOf(ctx), {
    action: e.action,
    purpose: ctx.actor.role === 'caseworker' ? 'case_processing' : ctx.actor.role === 'team_leader' ? 'supervision' : 'economy',
    recordType: 'waiting_list_entry',
    recordId: e.recordId ?? null,
    citizenId: e.citizenId ?? null,
    criterion: e.criterion ?? null,
    details: e.details ?? null,
  });
}

export function toEntry(r: WaitingRow, now: PlainDate): WaitingEntry {
  return {
    id: r.id,
    citizenId: r.citizen_id,
    citizenName: `${r.first_name} ${r.last_name}`,
    caseId: r.case_id,
    legalBasis: r.legal_basis,
    offerId: r.offer_id,
    offerName: r.offer_name,
    decidedOn: r.decided_on as PlainDate,
    neededFrom: r.needed_from as PlainDate,
    priority: r.priority,
    status: r.status,
    offeredOfferId: r.offered_offer_id,
    offeredOfferName: r.offered_offer_name,
    offeredOn: r.offered_on as PlainDate | null,
    answerBy: r.answer_by as PlainDate | null,
    startOn: r.start_on as PlainDate | null,
    closedOn: r.closed_on as PlainDate | null,
    declines: r.declines,
    waitingDays: waitingDays({ neededFrom: r.needed_from as PlainDate, closedOn: r.closed_on as PlainDate | null }, now),
    version: r.version,
  };
}
