import type { RateCardInput } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditEconomy } from './economy.helpers.ts';
import { checked, row } from './rate-cards.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

export async function updateRateCard(
  ctx: RequestContext,
  id: string,
  input: RateCardInput & { version: number },
): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const existing = await ratesRepository.byId(tx, ctx.actor.municipalityId, id);
    if (!existing) throw notFound();
    if (existing.offer_id !== input.offerId) throw fieldError('offerId', 'offer.unknown');
    const offer = await checked(tx, ctx, input, id);
    const ok = await ratesRepository.update(tx, ctx.actor.municipalityId, id, input.version, row(input, ctx.actor.name));
    if (!ok) throw conflict();
    await auditEconomy(tx, ctx, {
      action: 'update',
      recordType: 'rate_card',
      recordId: id,
      details: { offer: offer.name, year: input.year, inForceFrom: input.inForceFrom as PlainDate },
    });
    return { version: input.version + 1 };
  });
}
