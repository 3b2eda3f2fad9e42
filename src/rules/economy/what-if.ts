import type { PlainDate } from '../../shared/plain-date.ts';
import { profileInBands } from '../profiles/citizen-profiles.ts';
import { annualCost, type GrantFrame, roundOre } from './grant-price.ts';
import { lastDayOf, type ProfilePrice, type RateTimeline, type RateVersion, timeline } from './rate-card.ts';

/**
 * What a draft service level would cost before it is approved (beyond the systems we know): which running grants it
 * moves to another citizen profile or price, for how many citizens, and the change in annual cost per offer and in
 * total. The prices come from the same rules as the forecast (grant-price.ts): each grant's cost for a year from
 * `on`, under the bands and rates in force and under the draft.
 *
 * A draft can change three things:
 * - the hour bands (a grant's hours fall in another profile; offers priced per profile change price);
 * - rates (per offer, as a scenario: a new hourly, daily, module-day or profile price);
 * - exclusions (notCovered): the system cannot know what an exclusion removes from a concrete grant, so the person
 *   running the what-if states an estimate of hours a week it removes from each affected grant.
 */
export type Band = { code: string; above: number; upTo: number };

export type WhatIfGrant = GrantFrame & {
  id: string;
  offerId: string;
  citizenId: string;
};

export type RateOverride = {
  dailyRate?: number;
  hourlyRate?: number;
  moduleDayRate?: number;
  profilePrices?: readonly ProfilePrice[];
};

export type WhatIfMove = {
  grantId: string;
  offerId: string;
  citizenId: string;
  hoursBefore: number | null;
  hoursAfter: number | null;
  profileBefore: string | null;
  profileAfter: string | null;
  /** The hours fall in no band of the draft: a grant the draft would not allow as decided. */
  outsideDraft: boolean;
  before: number;
  after: number;
  delta: number;
};

export type WhatIfOffer = {
  offerId: string;
  grants: number;
  moved: number;
  citizensMoved: number;
  before: number;
  after: number;
  delta: number;
};

/** The offer's versions with a scenario's prices from `from` on (earlier versions cannot price anything after it). */
export function withOverride(
  versions: readonly RateVersion[],
  override: RateOverride | undefined,
  from: PlainDate,
): RateVersion[] {
  if (!override) return [...versions];
  return versions.map((v) =>
    lastDayOf(v) < from
      ? v
      : {
          ...v,
          dailyRate: override.dailyRate ?? v.dailyRate,
          hourlyRate: override.hourlyRate ?? v.hourlyRate,
          moduleDayRate: override.moduleDayRate ?? v.moduleDayRate,
          profilePrices: override.profilePrices ?? v.profilePrices,
        },
  );
}

export function whatIf(input: {
  on: PlainDate;
  grants: readonly WhatIfGrant[];
  currentBands: readonly Band[];
  draftBands: readonly Band[];
  ratesByOffer: ReadonlyMap<string, readonly RateVersion[]>;
  overrides?: ReadonlyMap<string, RateOverride>;
  /** Estimated change of weekly hours for every hour-based grant (exclusions); 0 by default. */
  hoursChange?: number;
}): { moves: WhatIfMove[]; offers: WhatIfOffer[]; total: Omit<WhatIfOffer, 'offerId'> } {
  const change = input.hoursChange ?? 0;
  const offers = new Map<string, WhatIfOffer & { citizens: Set<string> }>();
  const moves: WhatIfMove[] = [];
  const movedCitizens = new Set<string>();
  // The rates now and under the draft, each offer's timeline made once; and the annual cost of each distinct frame at
  // an offer priced once: it depends on the offer, the frame and the date only, and most grants share a frame.
  const ratesFor = new Map<
    string,
    { now: RateVersion[]; draft: RateVersion[]; lineNow: RateTimeline; lineDraft: RateTimeline }
  >();
  const priced = new Map<string, number>();
  const annual = (offerId: string, frame: GrantFrame, draft: boolean) => {
    let r = ratesFor.get(offerId);
    if (!r) {
      const now = [...(input.ratesByOffer.get(offerId) ?? [])];
      const withDraft = withOverride(now, input.overrides?.get(offerId), input.on);
      r = { now, draft: withDraft, lineNow: timeline(now), lineDraft: timeline(withDraft) };
      ratesFor.set(offerId, r);
    }
    const key = `${draft ? 'd' : 'n'}|${offerId}|${frame.weeklyHours}|${frame.moduleDays}|${frame.profileCode}`;
    let amount = priced.get(key);
    if (amount === undefined) {
      amount = draft
        ? annualCost(frame, r.draft, input.on, r.lineDraft).amount
        : annualCost(frame, r.now, input.on, r.lineNow).amount;
      priced.set(key, amount);
    }
    return amount;
  };
  for (const g of input.grants) {
    const hoursAfter = g.weeklyHours === null ? null : Math.max(0, roundOre(g.weeklyHours + change));
    const profileBefore =
      g.weeklyHours === null ? g.profileCode : (profileInBands(input.currentBands, g.weeklyHours)?.code ?? g.profileCode);
    const draftBand = hoursAfter === null ? null : profileInBands(input.draftBands, hoursAfter);
    const profileAfter = hoursAfter === null ? g.profileCode : (draftBand?.code ?? null);
    const before = annual(g.offerId, { weeklyHours: g.weeklyHours, moduleDays: g.moduleDays, profileCode: profileBefore }, false);
    const after = annual(g.offerId, { weeklyHours: hoursAfter, moduleDays: g.moduleDays, profileCode: profileAfter }, true);
    const delta = roundOre(after - before);
    const outsideDraft = hoursAfter !== null && input.draftBands.length > 0 && draftBand === null;
    const moved = profileAfter !== profileBefore || delta !== 0 || outsideDraft;
    const o = offers.get(g.offerId) ?? {
      offerId: g.offerId,
      grants: 0,
      moved: 0,
      citizensMoved: 0,
      before: 0,
      after: 0,
      delta: 0,
      citizens: new Set<string>(),
    };
    o.grants += 1;
    o.before += before;
    o.after += after;
    if (moved) {
      o.moved += 1;
      o.citizens.add(g.citizenId);
      movedCitizens.add(g.citizenId);
      moves.push({
        grantId: g.id,
        offerId: g.offerId,
        citizenId: g.citizenId,
        hoursBefore: g.weeklyHours,
        hoursAfter,
        profileBefore,
        profileAfter,
        outsideDraft,
        before,
        after,
        delta,
      });
    }
    offers.set(g.offerId, o);
  }
  const offerRows = [...offers.values()].map(({ citizens, ...o }) => ({
    ...o,
    citizensMoved: citizens.size,
    before: roundOre(o.before),
    after: roundOre(o.after),
    delta: roundOre(o.after - o.before),
  }));
  const total = offerRows.reduce(
    (t, o) => ({
      grants: t.grants + o.grants,
      moved: t.moved + o.moved,
      citizensMoved: 0,
      before: t.before + o.before,
      after: t.after + o.after,
      delta: 0,
    }),
    { grants: 0, moved: 0, citizensMoved: 0, before: 0, after: 0, delta: 0 },
  );
  return {
    moves,
    offers: offerRows,
    total: {
      ...total,
      citizensMoved: movedCitizens.size,
      before: roundOre(total.before),
      after: roundOre(total.after),
      delta: roundOre(total.after - total.before),
    },
  };
}
