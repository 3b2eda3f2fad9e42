import { annualCost } from '../../../rules/economy/grant-price.ts';
import { yearEnd, yearStart } from '../../../rules/economy/rate-card.ts';
import type { PlaceSale } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ratesByOffer } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

export async function listPlaceSales(ctx: RequestContext, year: number): Promise<PlaceSale[]> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const rates = ratesByOffer(await ratesRepository.all(tx, m));
    const sales = await capacityRepository.sales(tx, m, yearStart(year), yearEnd(year));
    return sales.map((s) => ({
      id: s.id,
      offerId: s.offer_id,
      offerName: s.offer_name,
      payingMunicipalityCode: s.paying_municipality_code,
      payingMunicipalityName: s.paying_municipality_name,
      buyerReference: s.buyer_reference,
      citizenLabel: s.citizen_label,
      fromDate: s.from_date as PlainDate,
      toDate: s.to_date as PlainDate | null,
      annualPrice: annualCost(
        {
          weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
          moduleDays: s.module_days,
          profileCode: s.profile_code,
        },
        rates.get(s.offer_id) ?? [],
        s.from_date as PlainDate,
      ).amount,
      invented: s.invented,
    }));
  });
}
