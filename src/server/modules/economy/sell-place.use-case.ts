import { isExternal } from '../../../rules/economy/budget-lines.ts';
import type { PlaceSaleInput } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { auditEconomy } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

/**
 * A place in one of our offers sold to another municipality, which acts and pays (retssikkerhedsloven §§ 9–9 c).
 * Without a paying municipality it is no sale (400 naming the field); our own code is refused too.
 */
export async function sellPlace(ctx: RequestContext, input: PlaceSaleInput): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const offer = await ratesRepository.offer(tx, m, input.offerId);
    if (!offer) throw fieldError('offerId', 'offer.unknown');
    if (isExternal(offer.owner)) throw fieldError('offerId', 'sale.externalOffer');
    if (input.payingMunicipalityCode === ctx.actor.municipalityCode)
      throw fieldError('payingMunicipalityCode', 'sale.ownMunicipality');
    if (input.toDate !== null && input.toDate < input.fromDate) throw fieldError('toDate', 'dates.order');
    const id = await capacityRepository.insertSale(tx, m, {
      offer_id: input.offerId,
      paying_municipality_code: input.payingMunicipalityCode,
      paying_municipality_name: input.payingMunicipalityName,
      buyer_reference: input.buyerReference || null,
      citizen_label: input.citizenLabel || null,
      from_date: input.fromDate,
      to_date: input.toDate,
      weekly_hours: input.weeklyHours,
      module_days: input.moduleDays,
      profile_code: input.profileCode,
      note: input.note || null,
      created_by_name: ctx.actor.name,
    });
    await auditEconomy(tx, ctx, {
      action: 'create',
      recordType: 'place_sale',
      recordId: id,
      details: { offer: offer.name, paying: input.payingMunicipalityCode },
    });
    return { id };
  });
}
