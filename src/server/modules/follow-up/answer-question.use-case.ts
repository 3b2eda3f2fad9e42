import { orderTransition } from '../../../rules/follow-up/order-actions.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { orderChanges } from '../orders/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { audit, loadOrderFor, postOrderMessage } from './follow-up.helpers.ts';

/**
 * The caseworker answers the provider's question: the answer goes to the provider (a message and a task), the order
 * is released to be accepted or declined (order-actions.ts: on hold → ordered), and the question task is done.
 */
export async function answerQuestion(
  ctx: RequestContext,
  orderId: string,
  input: { version: number; body: string },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    const step = orderTransition(o.status, 'answer', 'authority');
    if (!step) throw conflictOn('order', 'order.noQuestion');
    await orderChanges.move(tx, orderId, input.version, o.status, step.next as 'ordered');
    await postOrderMessage(tx, ctx, o, input.body, 'answer');
    await taskWrites.complete(tx, ctx, { caseId: o.case_id, orderId, kinds: ['provider_question'] }, 'answered');
    await audit(tx, ctx, {
      action: 'update',
      citizenId: o.citizen_id,
      recordType: 'order',
      recordId: orderId,
      details: { change: 'answered' },
    });
  });
}
