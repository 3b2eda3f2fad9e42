import { dateProblems } from '../../../rules/records/date-constraints.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { refuseFields } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { journal, markDeadlineMet } from '../case-file/index.ts';
import { danishDate } from '../letters/index.ts';
import { orderChanges } from '../orders/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { audit, loadOrderFor, providerStep } from './follow-up.helpers.ts';

/** Accepting sets the actual start; the start deadline from the decision is met on that day (late shows as late). */
export async function acceptOrder(
  ctx: RequestContext,
  orderId: string,
  input: { version: number; startDate: PlainDate },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    providerStep(o, 'accept');
    refuseFields(
      dateProblems('order_acceptance', input, { today: ctx.clock.today(), 'decision.decidedOn': o.decided_on as PlainDate }),
    );
    await orderChanges.accept(tx, orderId, input.version, ctx.clock.today(), input.startDate);
    await markDeadlineMet(tx, o.case_id, 'start', input.startDate);
    await journal(
      tx,
      ctx,
      o.case_id,
      'order_accepted',
      `Bestilling accepteret af ${o.offer_name}; støtten starter ${danishDate(input.startDate)}`,
      null,
    );
    await taskWrites.complete(
      tx,
      ctx,
      { caseId: o.case_id, orderId, kinds: ['order_received', 'question_answered'] },
      'followed_up',
    );
    await audit(tx, ctx, {
      action: 'update',
      citizenId: o.citizen_id,
      recordType: 'order',
      recordId: orderId,
      details: { change: 'accepted' },
    });
  });
}
