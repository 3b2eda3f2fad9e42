/**
 * SEL § 176: the state refunds part of a municipality's costs in a particularly expensive single case, per person
 * and calendar year, in tiers above amounts the law states at a price level and that are regulated yearly. The
 * levels are versioned data: each row applies from its year until a later row, and says where it comes from and
 * whether its amounts are the year's own or a level carried from an earlier year.
 */
export type RefundTier = { above: number; pct: number };

export type Refund176Level = {
  fromYear: number;
  tiers: readonly RefundTier[];
  /** The price level the law states the amounts at (e.g. 2022-niveau). */
  priceLevel: string;
  source: string;
};

export const REFUND_176_LEVELS: readonly Refund176Level[] = [
  {
    fromYear: 2019,
    tiers: [
      { above: 950_000, pct: 25 },
      { above: 1_770_000, pct: 50 },
    ],
    priceLevel: 'lovens beløb',
    source: 'Lov om social service § 176, stk. 1, jf. lovbekendtgørelse nr. 798 af 7. august 2019 (to trin)',
  },
  {
    fromYear: 2021,
    tiers: [
      { above: 830_000, pct: 25 },
      { above: 1_630_000, pct: 50 },
      { above: 2_050_000, pct: 75 },
    ],
    priceLevel: '2020-niveau',
    source: 'Lov nr. 1060 af 30. juni 2020 (tilpasning af den centrale refusionsordning), i kraft 1. januar 2021',
  },
  {
    fromYear: 2022,
    tiers: [
      { above: 860_000, pct: 25 },
      { above: 1_680_000, pct: 50 },
      { above: 2_120_000, pct: 75 },
    ],
    priceLevel: '2022-niveau',
    source:
      'Lov om social service § 176, stk. 1 (2022-niveau); beløbene reguleres årligt – indtast årets beløb, når de er offentliggjort',
  },
];

/** Under 67 on the refund, or over 67 when the person was covered immediately before turning 67 (§ 176, stk. 3). */
export function covered176(ageAtYearStart: number, coveredBefore67: boolean): boolean {
  return ageAtYearStart < 67 || coveredBefore67;
}

export function levelFor(year: number, levels: readonly Refund176Level[] = REFUND_176_LEVELS): Refund176Level | null {
  return (
    [...levels]
      .filter((l) => l.fromYear <= year)
      .sort((a, b) => a.fromYear - b.fromYear)
      .at(-1) ?? null
  );
}

export type Refund176 = {
  refund: number;
  tiers: { above: number; upTo: number | null; pct: number; base: number; amount: number }[];
  level: Refund176Level | null;
  /** The level's amounts are from an earlier year: the year's regulated amounts are not entered. */
  levelFromEarlierYear: boolean;
  covered: boolean;
};

/** The refund on one person's yearly cost: each tier's percentage of the part of the cost inside that tier. */
export function refund176(
  yearlyCost: number,
  year: number,
  person: { covered: boolean },
  levels: readonly Refund176Level[] = REFUND_176_LEVELS,
): Refund176 {
  const level = levelFor(year, levels);
  const base: Refund176 = {
    refund: 0,
    tiers: [],
    level,
    levelFromEarlierYear: level !== null && level.fromYear < year,
    covered: person.covered,
  };
  if (!level || !person.covered) return base;
  const tiers = level.tiers.map((tier, i) => {
    const upTo = level.tiers[i + 1]?.above ?? null;
    const inTier = Math.max(0, Math.min(yearlyCost, upTo ?? Number.POSITIVE_INFINITY) - tier.above);
    return { above: tier.above, upTo, pct: tier.pct, base: inTier, amount: Math.round(inTier * tier.pct) / 100 };
  });
  return { ...base, tiers, refund: Math.round(tiers.reduce((s, t) => s + t.amount, 0) * 100) / 100 };
}
