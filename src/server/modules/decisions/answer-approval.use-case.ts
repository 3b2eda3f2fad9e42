import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { can } from '../../../shared/access/permissions.ts';
import { decideSchema } from '../../../shared/cases/decision.schema.ts';
import type { ApproveDecision, SendBackDecision } from '../../../shared/cases/decision-approval.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, conflictOn } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, setStatus, transition } from '../case-file/index.ts';
import { checkDecision, makeDecision } from './decide.use-case.ts';
import { decisionApprovalsRepository } from './decision-approvals.repository.ts';

type Pending = NonNullable<Awaited<ReturnType<typeof decisionApprovalsRepository.pendingOfCase>>>;

/**
 * Who may answer a proposal: a team leader of the unit the caseworker asked from, and never the one who proposed
 * it (four eyes; the database refuses it too). Anyone else who can read the case gets 403 (audited).
 */
export function mayAnswer(ctx: RequestContext, a: { unit_id: string | null; requested_by: string }): boolean {
  return (
    ctx.actor.role === 'team_leader' &&
    ctx.actor.unitId !== null &&
    a.unit_id === ctx.actor.unitId &&
    a.requested_by !== ctx.actor.userId
  );
}

/** The case, the state machine's answer and the waiting proposal, with the answerer authorised for it. */
async function loadPending(tx: Tx, ctx: RequestContext, caseId: string, action: 'approve_decision' | 'send_back_decision') {
  const c = await loadCase(tx, caseId);
  const pending = await decisionApprovalsRepository.pendingOfCase(tx, caseId);
  // Whoever may read the case learns nothing from a 403 here; the refusal is audited (the citizen's access log).
  if (!can(ctx.actor.role, 'decision.approve') || (pending && !mayAnswer(ctx, pending))) {
    throw new AuditedDenial(
      { purpose: purposeOf(ctx.actor.role), citizenId: c.citizen_id, recordType: 'decision_approval', recordId: caseId },
      'forbidden',
    );
  }
  const next = transition(c, action);
  if (!pending) throw conflictOn('version', 'approval.notPending');
  return { c, pending, next };
}

/**
 * The team leader approves: the decision is made now, as the caseworker proposed it, dated the day of approval and
 * checked again as any decision is (src/rules). The caseworker decides and signs; the letter says a team leader
 * approved the hours above the highest profile. Refused with 409 when the case moved on or someone answered first.
 */
export async function approveDecision(
  ctx: RequestContext,
  caseId: string,
  input: ApproveDecision,
): Promise<{ decisionId: string; documentId: string; version: number }> {
  return runUseCase(ctx, async (tx) => {
    const { c, pending, next } = await loadPending(tx, ctx, caseId, 'approve_decision');
    // The case's version first: of two answers at once, the second waits here and is refused (409).
    await setStatus(tx, caseId, input.version, next);
    const proposal = decideSchema.parse({
      ...(pending.proposal as object),
      version: input.version,
      decidedOn: ctx.clock.today(),
    });
    const checked = await checkDecision(tx, ctx, c, proposal);
    const made = await makeDecision(tx, ctx, c, proposal, checked, {
      decider: { userId: pending.requested_by, name: pending.requested_by_name },
      approverName: ctx.actor.name,
    });
    await answer(tx, pending, { status: 'approved', answeredBy: ctx.actor.userId, reason: null, decisionId: made.decisionId });
    await journal(
      tx,
      ctx,
      caseId,
      'decision_approved',
      `Afgørelsen er godkendt af teamleder ${ctx.actor.name}`,
      `Foreslået af ${pending.requested_by_name}. Timetallet ligger over den højeste borgerprofil.`,
      made.documentId,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'decision_approval',
      recordId: pending.id,
      details: { answer: 'approved', decisionId: made.decisionId },
    });
    return { ...made, version: input.version + 1 };
  });
}

/**
 * The team leader sends the proposal back with a reason: no decision, no letter; the case is back in assessment,
 * where the caseworker reads the reason and decides again.
 */
export async function sendBackDecision(
  ctx: RequestContext,
  caseId: string,
  input: SendBackDecision,
): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const { c, pending, next } = await loadPending(tx, ctx, caseId, 'send_back_decision');
    await setStatus(tx, caseId, input.version, next);
    await answer(tx, pending, { status: 'sent_back', answeredBy: ctx.actor.userId, reason: input.reason, decisionId: null });
    await journal(
      tx,
      ctx,
      caseId,
      'decision_sent_back',
      `Afgørelsen er sendt tilbage af teamleder ${ctx.actor.name}`,
      input.reason,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'decision_approval',
      recordId: pending.id,
      details: { answer: 'sent_back' },
    });
    return { version: input.version + 1 };
  });
}

async function answer(tx: Tx, pending: Pending, a: Parameters<typeof decisionApprovalsRepository.answer>[2]) {
  if (!(await decisionApprovalsRepository.answer(tx, pending.id, a))) throw conflict();
}
