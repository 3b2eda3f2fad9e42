import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { isExternal } from '../../../rules/economy/budget-lines.ts';
import { runningWithin } from '../../../rules/economy/grant-period.ts';
import { annualCost, grantCost } from '../../../rules/economy/grant-price.ts';
import { ladderPrices } from '../../../rules/economy/ladder-price.ts';
import { yearEnd, yearStart } from '../../../rules/economy/rate-card.ts';
import { covered176, REFUND_176_LEVELS, refund176 } from '../../../rules/economy/refund-176.ts';
import { SELF_PAYMENT_108_LEVELS, selfPayment108 } from '../../../rules/economy/self-payment.ts';
import { TRANSPORT_103, transport103 } from '../../../rules/economy/transport-103.ts';
import { CITIZEN_PROFILE_BANDS, profileInBands } from '../../../rules/profiles/citizen-profiles.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { LadderPrice } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { today } from '../../platform/clock.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ratesByOffer } from './economy.helpers.ts';
import { grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

export type Frame = { weeklyHours: number | null; moduleDays: number | null; profileCode: string | null };

/** The annual cost of a frame at the offers of its rung and of the next rung, inside the caller's transaction. */
export async function ladderPriceIn(
  tx: Tx,
  municipalityId: string,
  q: { legalBasis: string; frame: Frame; start: PlainDate },
): Promise<LadderPrice> {
  const offers = await ratesRepository.offers(tx, municipalityId);
  const rates = ratesByOffer(await ratesRepository.all(tx, municipalityId));
  // Hours without a profile: the profile of the service level in force on the start date (its own bands, else seed 001's).
  let frame = q.frame;
  if (frame.profileCode === null && frame.weeklyHours !== null) {
    const versions = await grantsRepository.approvedVersionsFor(tx, municipalityId, q.legalBasis);
    const inForce = versionInForce(
      versions.map((v) => ({ ...v, inForceFrom: v.in_force_from as PlainDate | null })),
      q.start,
    );
    const bands = inForce ? catalogueContentSchema.parse(inForce.content).profileBands : [];
    frame = {
      ...frame,
      profileCode:
        profileInBands<{ code: string; above: number; upTo: number }>(
          bands.length ? bands : CITIZEN_PROFILE_BANDS,
          frame.weeklyHours,
        )?.code ?? null,
    };
  }
  const priced = ladderPrices({
    legalBasis: q.legalBasis,
    frame,
    start: q.start,
    offers: offers.map((o) => ({ offerId: o.id, name: o.name, legalBases: o.legal_bases, rates: rates.get(o.id) ?? [] })),
  });
  const rung = (position: 'proposed' | 'next', r: NonNullable<typeof priced.next>) => ({
    position,
    step: r.step,
    offers: r.offers.map((o) => ({
      offerId: o.offerId,
      name: o.name,
      annual: o.annual,
      basis: o.basis,
      carried: o.problems.includes('carried_rate'),
    })),
    min: r.min,
    max: r.max,
  });
  return {
    legalBasis: q.legalBasis,
    start: q.start,
    frame,
    rungs: [rung('proposed', priced.proposed), ...(priced.next ? [rung('next', priced.next)] : [])],
  };
}

export const pricesService = {
  /** The price basis shown at the proposal and the decision: information for the caseworker, never in a letter. */
  async ladder(ctx: RequestContext, q: { legalBasis: string; frame: Frame; start?: PlainDate }): Promise<LadderPrice> {
    return runUseCase(ctx, (tx) => ladderPriceIn(tx, ctx.actor.municipalityId, { ...q, start: q.start ?? today() }));
  },

  /**
   * Places bought and sold in a year, per offer, priced from the rate cards: purchases are our citizens' grants at
   * offers run by others; sales are places in our offers sold to other municipalities.
   */
  async trades(ctx: RequestContext, year: number) {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const from = yearStart(year);
      const to = yearEnd(year);
      const offers = await ratesRepository.offers(tx, m);
      const rates = ratesByOffer(await ratesRepository.all(tx, m));
      const grants = await grantsRepository.running(tx, m, from, to);
      const sales = await capacityRepository.sales(tx, m, from, to);
      const rules = deadlineRulesFor(ctx.actor.municipalityCode);
      const byOffer = new Map<
        string,
        { direction: 'purchase' | 'sale'; counterpart: string; places: number; annual: number; year: number }
      >();
      const add = (key: string, direction: 'purchase' | 'sale', counterpart: string, annual: number, yearCost: number) => {
        const t = byOffer.get(key) ?? { direction, counterpart, places: 0, annual: 0, year: 0 };
        t.places += 1;
        t.annual += annual;
        t.year += yearCost;
        byOffer.set(key, t);
      };
      const offerById = new Map(offers.map((o) => [o.id, o]));
      for (const g of grants) {
        const o = offerById.get(g.offer_id);
        if (!o || !isExternal(o.owner)) continue;
        const frame = {
          weeklyHours: g.weekly_hours === null ? null : Number(g.weekly_hours),
          moduleDays: g.module_days,
          profileCode: g.profile_code,
        };
        const dates = {
          legalBasis: g.legal_basis,
          start: g.start as PlainDate,
          endsOn: g.ends_on as PlainDate | null,
          timeLimitUntil: g.time_limit_until as PlainDate | null,
        };
        const period = runningWithin(dates, from, to, rules);
        const versions = rates.get(o.id) ?? [];
        add(
          `p:${o.id}`,
          'purchase',
          o.provider_name ?? '',
          annualCost(frame, versions, g.start as PlainDate).amount,
          period ? grantCost(frame, versions, period.from, period.to).amount : 0,
        );
      }
      for (const s of sales) {
        const frame = {
          weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
          moduleDays: s.module_days,
          profileCode: s.profile_code,
        };
        const versions = rates.get(s.offer_id) ?? [];
        const start = (s.from_date > from ? s.from_date : from) as PlainDate;
        const end = (s.to_date !== null && s.to_date < to ? s.to_date : to) as PlainDate;
        add(
          `s:${s.offer_id}:${s.paying_municipality_code}`,
          'sale',
          s.paying_municipality_name,
          annualCost(frame, versions, s.from_date as PlainDate).amount,
          end >= start ? grantCost(frame, versions, start, end).amount : 0,
        );
      }
      const round = (n: number) => Math.round(n * 100) / 100;
      return {
        year,
        items: [...byOffer.entries()].map(([key, t]) => {
          const offer = offerById.get(key.split(':')[1] ?? '');
          return {
            direction: t.direction,
            offerId: offer?.id ?? '',
            offerName: offer?.name ?? '',
            owner: offer?.owner ?? 'own',
            counterpart: t.counterpart,
            places: t.places,
            annualCost: round(t.annual),
            yearCost: round(t.year),
          };
        }),
      };
    });
  },

  /** The calculators and the versioned, cited amounts they use (pure: nothing is read or stored). */
  refund(q: { yearlyCost: number; year: number; age: number; coveredBefore67: boolean }) {
    return refund176(q.yearlyCost, q.year, { covered: covered176(q.age, q.coveredBefore67) });
  },
  selfPayment108(q: { annualIncome: number; year: number; singlePensioner: boolean }) {
    return selfPayment108(q.annualIncome, q.year, { singlePensioner: q.singlePensioner });
  },
  transport103,
  levels() {
    return { refund176: REFUND_176_LEVELS, selfPayment108: SELF_PAYMENT_108_LEVELS, transport103: TRANSPORT_103 };
  },
};
