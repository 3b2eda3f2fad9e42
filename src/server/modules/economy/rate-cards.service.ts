import { type RateVersion, rateVersionProblems } from '../../../rules/economy/rate-card.ts';
import type { EconomyOffer, RateCardInput } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditEconomy, toRateCard, toRateVersion } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

function versionOf(input: RateCardInput, id: string): RateVersion {
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
async function checked(tx: Tx, ctx: RequestContext, input: RateCardInput, id: string) {
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

function row(input: RateCardInput, createdBy: string) {
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

export const rateCardsService = {
  /** The municipality's offers (own and bought from others) with every rate card version. */
  async offers(ctx: RequestContext): Promise<EconomyOffer[]> {
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
  },

  async create(ctx: RequestContext, input: RateCardInput): Promise<{ id: string }> {
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
  },

  async update(ctx: RequestContext, id: string, input: RateCardInput & { version: number }): Promise<{ version: number }> {
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
  },
};
