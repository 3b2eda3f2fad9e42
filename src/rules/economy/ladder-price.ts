import { mentionsParagraph } from '../../shared/catalogue/paragraphs.ts';
import type { PlainDate } from '../../shared/plain-date.ts';
import { INTERVENTION_LADDER, type LadderStep } from '../proposal/proposal-rules.ts';
import { annualCost, type GrantFrame, type PriceProblem } from './grant-price.ts';
import type { RateVersion } from './rate-card.ts';

/**
 * The annual cost the caseworker sees at the proposal and the decision: of the proposed grant at the offers that
 * deliver it, and of the next rung of the intervention ladder (indsatstrappen). Information for the caseworker and
 * management only: SEL § 1, stk. 3 lets a decision rest on professional and economic grounds, but the decision's
 * reasons to the citizen are the concrete, individual assessment; no amount is ever put in a letter.
 */
export type PriceableOffer = { offerId: string; name: string; legalBases: readonly string[]; rates: readonly RateVersion[] };

export type OfferPrice = {
  offerId: string;
  name: string;
  annual: number;
  basis: RateVersion['basis'] | null;
  problems: PriceProblem[];
};

export type RungPrice = {
  step: LadderStep | 'day_offer';
  paragraphs: readonly string[];
  offers: OfferPrice[];
  min: number | null;
  max: number | null;
};

export function nextRung(step: LadderStep): LadderStep | null {
  const i = INTERVENTION_LADDER.findIndex((r) => r.step === step);
  return INTERVENTION_LADDER[i + 1]?.step ?? null;
}

export function paragraphsOfStep(step: LadderStep): readonly string[] {
  return INTERVENTION_LADDER.find((r) => r.step === step)?.paragraphs ?? [];
}

/** The step of the ladder a legal basis is on (SEL § 85 own home, § 107 temporary, § 108 / ABL § 105 long-term). */
export function stepOfLegalBasis(legalBasis: string): LadderStep | null {
  return INTERVENTION_LADDER.find((r) => r.paragraphs.some((p) => mentionsParagraph(legalBasis, p)))?.step ?? null;
}

/**
 * Whether an offer stands on a rung: it delivers one of the rung's paragraphs. Support in the citizen's own home
 * (SEL § 85) is only offers that are not housing, so Blommevej (SEL § 85 support in homes let under ABL § 105, seed
 * 000) is long-term housing, while Rosengården (SEL §§ 107 and 108) stands on both housing rungs.
 */
export function offerOnRung(legalBases: readonly string[], rung: LadderStep): boolean {
  const delivers = (paragraphs: readonly string[]) => legalBases.some((b) => paragraphs.some((p) => mentionsParagraph(b, p)));
  if (!delivers(paragraphsOfStep(rung))) return false;
  if (rung !== 'own_home') return true;
  return !INTERVENTION_LADDER.filter((r) => r.step !== 'own_home').some((r) => delivers(r.paragraphs));
}

/** Problems that leave an offer without a price for the frame: it is left out rather than shown at nothing. */
const UNPRICEABLE = new Set<PriceProblem>(['no_rate', 'missing_hours', 'missing_modules', 'missing_profile_price']);

const isDayOffer = (legalBases: readonly string[], paragraphs: readonly string[]) =>
  legalBases.some((b) => paragraphs.some((p) => mentionsParagraph(b, p)));

/** The annual cost of a frame at each offer on the rung (or, for day offers, delivering the paragraph), cheapest first. */
export function priceAtOffers(
  frame: GrantFrame,
  rung: LadderStep | 'day_offer',
  paragraphs: readonly string[],
  offers: readonly PriceableOffer[],
  start: PlainDate,
): Omit<RungPrice, 'step'> {
  const priced = offers
    .filter(
      (o) =>
        o.rates.length > 0 && (rung === 'day_offer' ? isDayOffer(o.legalBases, paragraphs) : offerOnRung(o.legalBases, rung)),
    )
    .map((o) => {
      const cost = annualCost(frame, o.rates, start);
      const basis = [...o.rates].sort((a, b) => (a.inForceFrom < b.inForceFrom ? -1 : 1)).at(-1)?.basis ?? null;
      return { offerId: o.offerId, name: o.name, annual: cost.amount, basis, problems: cost.problems };
    })
    .filter((p) => !p.problems.some((x) => UNPRICEABLE.has(x)))
    .sort((a, b) => a.annual - b.annual || a.name.localeCompare(b.name, 'da'));
  const amounts = priced.map((p) => p.annual);
  return {
    paragraphs,
    offers: priced,
    min: amounts.length ? Math.min(...amounts) : null,
    max: amounts.length ? Math.max(...amounts) : null,
  };
}

/** The proposed rung (by its legal basis or ladder step) and the next one up, priced for the same frame from `start`. */
export function ladderPrices(input: {
  legalBasis: string;
  frame: GrantFrame;
  start: PlainDate;
  offers: readonly PriceableOffer[];
}): { proposed: RungPrice; next: RungPrice | null } {
  const step = stepOfLegalBasis(input.legalBasis);
  const dayOffer = mentionsParagraph(input.legalBasis, '103') || mentionsParagraph(input.legalBasis, '104');
  const ownParagraphs = dayOffer
    ? ['103', '104'].filter((p) => mentionsParagraph(input.legalBasis, p))
    : step
      ? paragraphsOfStep(step)
      : [];
  const rung = dayOffer ? 'day_offer' : (step ?? 'own_home');
  const proposed: RungPrice = { step: rung, ...priceAtOffers(input.frame, rung, ownParagraphs, input.offers, input.start) };
  const up = step && !dayOffer ? nextRung(step) : null;
  const next = up ? { step: up, ...priceAtOffers(input.frame, up, paragraphsOfStep(up), input.offers, input.start) } : null;
  return { proposed, next };
}
