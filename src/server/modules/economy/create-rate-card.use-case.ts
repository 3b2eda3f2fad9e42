import type { RateCardInput } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditEconomy } from './economy.helpers.ts';
import { checked, row } from './rate-cards.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

export async function createRateCard(ctx: RequestContext, input: RateCardInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const offer = await checked(tx, ctx, input, 'new');
    const id = await ratesRepository.insert(tx, ctx.actor.municipalityId, row(input, ctx.actor.name));
    await auditEconomy(tx, ctx, {
      action: 'create',
      recordType: 'rate_card',
      recordId: id,
      details: { offer: offer.name, year: input.year, inForceFrom: input.inForceFrom, basis: input.basis },
    });
    return { id };
  });
}
