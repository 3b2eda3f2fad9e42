import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { journal, loadCase, setStatus, transition } from '../case-file/index.ts';
import { orderChanges } from '../orders/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { audit, loadOrderFor, providerStep } from './follow-up.helpers.ts';

/**
 * The provider declines an order with a reason (rules/follow-up/order-actions.ts: from ordered or on hold). The
 * granted case waits for an order again (case action `order_declined`), and the caseworker gets the reason as a task;
 * the start deadline keeps running. A stale version or a status that no longer allows it is a 409.
 */
export async function declineOrder(
  ctx: RequestContext,
  orderId: string,
  input: { version: number; reason: string },
): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    const step = providerStep(o, 'decline');
    await orderChanges.move(tx, orderId, input.version, o.status, step.next as 'declined', {
      on: ctx.clock.today(),
      reason: input.reason,
    });
    const c = await loadCase(tx, o.case_id);
    // A revisitation under way has moved the case on already; only an ordered case goes back to wait for an order.
    if (c.status === 'ordered') await setStatus(tx, c.id, c.version, transition(c, 'order_declined'));
    await journal(tx, ctx, o.case_id, 'order_declined', `Bestilling afvist af ${o.offer_name}`, input.reason);
    await taskWrites.record(tx, ctx, {
      kind: 'order_declined',
      caseId: o.case_id,
      orderId,
      record: { type: 'order', id: orderId },
      summary: input.reason,
    });
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
      details: { change: 'declined' },
    });
  });
}
