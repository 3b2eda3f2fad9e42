import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { latestOrderOf, postOrderMessage } from './follow-up.helpers.ts';

/** The caseworker's message to the provider about the case's order. */
export async function messageProvider(ctx: RequestContext, caseId: string, body: string): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    await postOrderMessage(tx, ctx, await latestOrderOf(tx, ctx, caseId), body);
  });
}
