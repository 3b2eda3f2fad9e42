import { type Page, type PageQuery, pageOffset } from '../../../shared/api/page.ts';
import type { Decide } from '../../../shared/cases/decision.schema.ts';
import type { AwaitingApprovalItem, DecisionApproval } from '../../../shared/cases/decision-approval.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase } from '../case-file/index.ts';
import { mayAnswer } from './answer-approval.use-case.ts';
import { decisionApprovalsRepository } from './decision-approvals.repository.ts';

const iso = (t: Date | string) => (t instanceof Date ? t.toISOString() : new Date(t).toISOString());

/**
 * The case's latest proposal for approval as the case page shows it to the caseworker and the team leader: waiting,
 * approved or sent back (with the reason). Read inside the case page's transaction, which audits the read.
 */
export async function approvalOfCase(tx: Tx, ctx: RequestContext, caseId: string): Promise<DecisionApproval | null> {
  const a = await decisionApprovalsRepository.latestOfCase(tx, caseId);
  if (!a) return null;
  const p = a.proposal as Partial<Decide>;
  return {
    id: a.id,
    caseId: a.case_id,
    status: a.status,
    rule: a.rule,
    thresholdHours: Number(a.threshold_hours),
    outcome: p.outcome ?? 'granted',
    serviceTitle: a.service_title,
    legalBasis: a.legal_basis,
    weeklyHours: p.weeklyHours ?? null,
    startDate: (p.startDate ?? null) as PlainDate | null,
    timeLimitUntil: (p.timeLimitUntil ?? null) as PlainDate | null,
    reasons: p.reasons ?? '',
    justification: a.justification,
    requestedByName: a.requested_by_name,
    requestedAt: iso(a.requested_at),
    answeredByName: a.answered_by_name,
    answeredAt: a.answered_at ? iso(a.answered_at) : null,
    sendBackReason: a.send_back_reason,
    youMayAnswer: a.status === 'pending' && mayAnswer(ctx, a),
  };
}

/**
 * "Decisions awaiting my approval": a team leader's queue, the proposals of the leader's unit that wait, oldest
 * first, without their own (which another leader answers). Paged; the read is audited as a search, as the work list
 * is. Anyone else gets 403. The task inbox may list these as tasks (decisions/index.ts).
 */
export async function decisionsAwaitingApproval(ctx: RequestContext, q: PageQuery): Promise<Page<AwaitingApprovalItem>> {
  return runUseCase(ctx, async (tx) => {
    const unitId = ctx.actor.unitId;
    if (ctx.actor.role !== 'team_leader' || !unitId) throw forbidden('only a team leader approves decisions');
    const { items, total } = await decisionApprovalsRepository.awaiting(tx, unitId, ctx.actor.userId, q.pageSize, pageOffset(q));
    await auditCase(tx, ctx, {
      action: 'search',
      recordType: 'decision_approval',
      criterion: 'decisions:awaiting_approval',
      details: { hits: total },
    });
    return {
      items: items.map((i) => {
        const p = i.proposal as Partial<Decide>;
        return {
          approvalId: i.id,
          caseId: i.case_id,
          caseVersion: i.case_version,
          citizenName: `${i.first_name} ${i.last_name}`,
          journalNumber: i.journal_number,
          legalBasis: i.legal_basis,
          weeklyHours: p.weeklyHours ?? null,
          thresholdHours: Number(i.threshold_hours),
          requestedByName: i.requested_by_name,
          requestedAt: iso(i.requested_at),
        };
      }),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}
