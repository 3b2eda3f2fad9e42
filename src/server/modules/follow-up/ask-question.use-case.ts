import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { orderChanges } from '../orders/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { audit, loadOrderFor, postOrderMessage, providerStep } from './follow-up.helpers.ts';

/**
 * The provider asks about an order and holds it until the caseworker answers (order-actions.ts: ordered → on hold).
 * The question is a message both sides see, and a task for the caseworker that only an answer completes.
 */
export async function askQuestion(
  ctx: RequestContext,
  orderId: string,
  input: { version: number; question: string },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    const step = providerStep(o, 'ask');
    await orderChanges.move(tx, orderId, input.version, o.status, step.next as 'on_hold');
    await postOrderMessage(tx, ctx, o, input.question, 'question');
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
      details: { change: 'on_hold' },
    });
  });
}
