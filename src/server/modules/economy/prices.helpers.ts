import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { ladderPrices } from '../../../rules/economy/ladder-price.ts';
import { covered176, REFUND_176_LEVELS, refund176 } from '../../../rules/economy/refund-176.ts';
import { SELF_PAYMENT_108_LEVELS, selfPayment108 } from '../../../rules/economy/self-payment.ts';
import { TRANSPORT_103, transport103 } from '../../../rules/economy/transport-103.ts';
import { CITIZEN_PROFILE_BANDS, profileInBands } from '../../../rules/profiles/citizen-profiles.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { LadderPrice } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { Tx } from '../../platform/tx.ts';
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

/** The calculators and the versioned, cited amounts they use (pure: nothing is read or stored). */
export const calculators = {
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
