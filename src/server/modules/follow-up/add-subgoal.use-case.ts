import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit, goalOf, loadOrderFor, requireAccepted } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';

/** A sub-goal (delmål) under one of the order's goals, while the goal runs. */
export async function addSubgoal(
  ctx: RequestContext,
  orderId: string,
  goalId: string,
  input: { text: string; targetDate: PlainDate },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    requireAccepted(o);
    const goal = await goalOf(tx, o, goalId);
    if (goal.ended_on) throw conflictOn('goalId', 'fko.goalEnded');
    refuseFields(dateProblems('subgoal', input, { today: ctx.clock.today() }));
    const id = await followUpRepository.insertSubgoal(tx, {
      municipality_id: ctx.actor.municipalityId,
      order_id: o.id,
      goal_id: goal.id,
      text: input.text,
      target_date: input.targetDate,
      created_by_name: ctx.actor.name,
    });
    await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'order_subgoal', recordId: id });
  });
}
