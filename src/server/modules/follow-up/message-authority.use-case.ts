import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { loadOrderFor, postOrderMessage } from './follow-up.helpers.ts';

/** The provider's message (e.g. a question about the order) that the provider and the authority both see on the case. */
export async function messageAuthority(ctx: RequestContext, orderId: string, body: string): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    await postOrderMessage(tx, ctx, o, body);
  });
}
