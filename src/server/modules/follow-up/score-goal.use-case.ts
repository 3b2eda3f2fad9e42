import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { journal } from '../case-file/index.ts';
import { orderChanges } from '../orders/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { audit, goalOf, loadOrderFor, requireAccepted } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';

/**
 * An FKO status on one goal. Refused: an order not accepted (409), a goal that has ended or already has its final
 * status (409), a date in the future (400), and a stale goal version — two staff scoring at once (409).
 */
export async function scoreGoal(
  ctx: RequestContext,
  orderId: string,
  goalId: string,
  input: { version: number; kind: 'quarterly' | 'final'; scoredOn: PlainDate; supportNeedCode: string; justification: string },
): Promise<{ statusId: string }> {
  return runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    requireAccepted(o);
    const goal = await goalOf(tx, o, goalId);
    refuseFields(dateProblems('fko_status', input, { today: ctx.clock.today() }));
    const statuses = (await followUpRepository.statuses(tx, [o.id])).filter((s) => s.goal_id === goal.id);
    if (statuses.some((s) => s.kind === 'final')) throw conflictOn('goalId', 'fko.finalGiven');
    if (input.kind === 'quarterly' && goal.ended_on && input.scoredOn > goal.ended_on) {
      throw conflictOn('goalId', 'fko.goalEnded');
    }
    await orderChanges.claimGoal(tx, goal.id, input.version);
    const statusId = await followUpRepository.insertStatus(tx, {
      municipality_id: ctx.actor.municipalityId,
      order_id: o.id,
      goal_id: goal.id,
      kind: input.kind,
      scored_on: input.scoredOn,
      support_need_code: input.supportNeedCode,
      justification: input.justification,
      scored_by_name: ctx.actor.name,
    });
    await journal(
      tx,
      ctx,
      o.case_id,
      'fko_status',
      `${input.kind === 'final' ? 'Slutstatus' : 'FKO-status'} på mål ${goal.position} fra ${o.offer_name}`,
      input.justification,
    );
    await taskWrites.record(tx, ctx, {
      kind: 'fko_status',
      caseId: o.case_id,
      orderId: o.id,
      record: { type: 'fko_status', id: statusId },
      summary: `${input.kind === 'final' ? 'Slutstatus' : 'FKO-status'} på mål ${goal.position}: ${input.justification}`,
    });
    await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'fko_status', recordId: statusId });
    return { statusId };
  });
}
