import { type RateVersion, rateVersionProblems } from '../../../rules/economy/rate-card.ts';
import type { RateCardInput } from '../../../shared/economy/economy.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { toRateVersion } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

export function versionOf(input: RateCardInput, id: string): RateVersion {
  return {
    id,
    year: input.year,
    inForceFrom: input.inForceFrom,
    inForceTo: input.inForceTo,
    basis: input.basis,
    dailyRate: input.dailyRate,
    hourlyRate: input.hourlyRate,
    moduleDayRate: input.moduleDayRate,
    profilePrices: input.profilePrices,
    addOns: input.addOns,
    occupancyPct: input.occupancyPct,
    financing: input.financing,
  };
}

/** Loads the offer and its other versions under the offer's lock, and refuses a version the rules refuse (400). */
export async function checked(tx: Tx, ctx: RequestContext, input: RateCardInput, id: string) {
  const municipalityId = ctx.actor.municipalityId;
  const offer = await ratesRepository.offer(tx, municipalityId, input.offerId);
  if (!offer) throw fieldError('offerId', 'offer.unknown');
  await ratesRepository.lockOffer(tx, input.offerId);
  const others = (await ratesRepository.ofOffer(tx, municipalityId, input.offerId)).map(toRateVersion);
  const problems = rateVersionProblems(versionOf(input, id), others);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      problems.map((p) => ({ code: 'custom', message: p.key, path: [p.path] })),
    );
  }
  return offer;
}

export function row(input: RateCardInput, createdBy: string) {
  const n = (v: number | null) => (v === null ? null : String(v));
  return {
    offer_id: input.offerId,
    rate_year: input.year,
    in_force_from: input.inForceFrom,
    in_force_to: input.inForceTo,
    pricing_basis: input.basis,
    daily_rate: n(input.dailyRate),
    hourly_rate: n(input.hourlyRate),
    module_day_rate: n(input.moduleDayRate),
    profile_prices: JSON.stringify(input.profilePrices),
    add_ons: JSON.stringify(input.addOns),
    occupancy_pct: n(input.occupancyPct),
    financing: input.financing,
    source: input.source,
    note: input.note || null,
    created_by_name: createdBy,
  };
}
