import type { ProviderOrder } from '../../../shared/follow-up/follow-up.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit, loadOrderFor, readOrder } from './follow-up.helpers.ts';

/** One order as the provider works on it: plan, goals with statuses, hours, journal, messages. */
export async function readProviderOrder(ctx: RequestContext, orderId: string): Promise<ProviderOrder> {
  return runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    const view = await readOrder(tx, ctx, o);
    await audit(tx, ctx, { action: 'read', citizenId: o.citizen_id, recordType: 'order', recordId: orderId });
    return view;
  });
}
