import type { EconomyOffer } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { toRateCard } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

/** The municipality's offers (own and bought from others) with every rate card version. */
export async function listEconomyOffers(ctx: RequestContext): Promise<EconomyOffer[]> {
  return runUseCase(ctx, async (tx) => {
    const municipalityId = ctx.actor.municipalityId;
    const offers = await ratesRepository.offers(tx, municipalityId);
    const rates = await ratesRepository.all(tx, municipalityId);
    return offers.map((o) => ({
      id: o.id,
      key: o.key,
      name: o.name,
      owner: o.owner,
      providerName: o.provider_name,
      legalBases: o.legal_bases,
      places: o.places,
      unitId: o.org_unit_id,
      rates: rates.filter((r) => r.offer_id === o.id).map(toRateCard),
    }));
  });
}
