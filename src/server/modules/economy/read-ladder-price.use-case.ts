import type { LadderPrice } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { type Frame, ladderPriceIn } from './prices.helpers.ts';

/** The price basis shown at the proposal and the decision: information for the caseworker, never in a letter. */
export async function readLadderPrice(
  ctx: RequestContext,
  q: { legalBasis: string; frame: Frame; start?: PlainDate },
): Promise<LadderPrice> {
  return runUseCase(ctx, (tx) => ladderPriceIn(tx, ctx.actor.municipalityId, { ...q, start: q.start ?? ctx.clock.today() }));
}
