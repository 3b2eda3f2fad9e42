import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, fieldError, refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit, loadOrderFor, requireAccepted } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';

/** The daily journal (dagbog) on a goal: not for a future day, not after the order ended. */
export async function writeJournal(
  ctx: RequestContext,
  orderId: string,
  input: { goalId: string; writtenOn: PlainDate; body: string },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    requireAccepted(o);
    const goal = (await followUpRepository.goals(tx, [o.id])).find((g) => g.id === input.goalId);
    if (!goal) throw fieldError('goalId', 'id.invalid');
    refuseFields(dateProblems('journal_entry', input, { today: ctx.clock.today() }));
    if (o.ends_on && input.writtenOn > o.ends_on) throw conflictOn('writtenOn', 'order.ended');
    const id = await followUpRepository.insertJournal(tx, {
      municipality_id: ctx.actor.municipalityId,
      order_id: o.id,
      goal_id: goal.id,
      written_on: input.writtenOn,
      body: input.body,
      author_name: ctx.actor.name,
    });
    await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'order_journal', recordId: String(id) });
  });
}
