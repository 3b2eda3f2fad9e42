import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { BASE_DEADLINE_RULES } from '../deadlines/deadline-rules.ts';
import { committedWithin, plannedEnd } from './grant-period.ts';
import { annualCost, costPerDay, type GrantFrame, grantCost, MODULE_WEEKS_PER_YEAR, partOf } from './grant-price.ts';
import { ladderPrices, offerOnRung, type PriceableOffer } from './ladder-price.ts';
import { type RateVersion, rateOn, rateVersionProblems, timeline } from './rate-card.ts';

const d = (s: string) => s as PlainDate;

function rate(over: Partial<RateVersion> & Pick<RateVersion, 'basis'>): RateVersion {
  const inForceFrom = over.inForceFrom ?? d('2026-01-01');
  return {
    id: over.id ?? `r-${inForceFrom}`,
    year: over.year ?? Number(inForceFrom.slice(0, 4)),
    inForceFrom,
    inForceTo: null,
    dailyRate: null,
    hourlyRate: null,
    moduleDayRate: null,
    profilePrices: [],
    addOns: [],
    occupancyPct: null,
    financing: 'rate',
    ...over,
  };
}

/** Blommevej: DKK 993 a day (seed 000) and the residents' own DKK 400 a month package, which the buyer never pays. */
const BLOMMEVEJ = rate({
  basis: 'daily',
  dailyRate: 993,
  addOns: [{ label: 'Vask, rengøringsmidler, frugt, morgenmad', amount: 400, per: 'month', paidBy: 'citizen' }],
});
const HOURLY = rate({ basis: 'hourly', hourlyRate: 450 });
const MODULE = rate({ basis: 'module', moduleDayRate: 600 });
const PROFILE = rate({
  basis: 'profile',
  profilePrices: [
    { code: '2', weeklyPrice: 700 },
    { code: '3', weeklyPrice: 1400 },
  ],
});
const frame = (f: Partial<GrantFrame> = {}): GrantFrame => ({ weeklyHours: null, moduleDays: null, profileCode: null, ...f });

describe('the price of a grant (daily rate × days, weekly hours × hourly price, modules × days within 46 weeks)', () => {
  it.each([
    [
      'Blommevej a whole year: 993 × 365; the residents’ 400 a month is theirs',
      [BLOMMEVEJ],
      frame(),
      '2026-01-01',
      '2026-12-31',
      362_445,
    ],
    ['Blommevej in March: 993 × 31', [BLOMMEVEJ], frame(), '2026-03-01', '2026-03-31', 30_783],
    ['4.5 hours a week at 450 for one week', [HOURLY], frame({ weeklyHours: 4.5 }), '2026-01-05', '2026-01-11', 2025],
    [
      '4.5 hours a week at 450 for 2026: 2,025 × 365 / 7',
      [HOURLY],
      frame({ weeklyHours: 4.5 }),
      '2026-01-01',
      '2026-12-31',
      105_589.29,
    ],
    [
      '3 module days at 600 for a calendar year is 46 weeks',
      [MODULE],
      frame({ moduleDays: 3 }),
      '2026-01-01',
      '2026-12-31',
      82_800,
    ],
    [
      '… also in a leap year',
      [rate({ basis: 'module', moduleDayRate: 600, inForceFrom: d('2028-01-01') })],
      frame({ moduleDays: 3 }),
      '2028-01-01',
      '2028-12-31',
      82_800,
    ],
    ['3 module days in January: 82,800 × 31 / 365', [MODULE], frame({ moduleDays: 3 }), '2026-01-01', '2026-01-31', 7_032.33],
    [
      'profile 3 at 1,400 a week for a year: 200 × 365',
      [PROFILE],
      frame({ profileCode: '3', weeklyHours: 3 }),
      '2026-01-01',
      '2026-12-31',
      73_000,
    ],
    [
      'a buyer-paid add-on of 1,200 a month adds 14,400 to a year',
      [rate({ basis: 'daily', dailyRate: 1000, addOns: [{ label: 'Kost', amount: 1200, per: 'month', paidBy: 'buyer' }] })],
      frame(),
      '2026-01-01',
      '2026-12-31',
      365_000 + 14_400,
    ],
    [
      'a change of rate applies from its date: 181 days at 993, 184 at 1,020',
      [BLOMMEVEJ, rate({ basis: 'daily', dailyRate: 1020, inForceFrom: d('2026-07-01') })],
      frame(),
      '2026-01-01',
      '2026-12-31',
      181 * 993 + 184 * 1020,
    ],
    ['a period ending before it starts costs nothing', [BLOMMEVEJ], frame(), '2026-02-01', '2026-01-31', 0],
  ] as const)('%s', (_name, versions, f, from, to, expected) => {
    expect(grantCost(f, versions, d(from), d(to)).amount).toBe(expected);
  });

  it('carries the latest rate into a year with no rate yet, and says so', () => {
    const old = rate({ basis: 'daily', dailyRate: 950, inForceFrom: d('2025-01-01') });
    const cost = grantCost(frame(), [old], d('2026-01-01'), d('2026-01-10'));
    expect(cost.amount).toBe(9500);
    expect(cost.problems).toEqual(['carried_rate']);
    expect(cost.segments[0]).toMatchObject({ carried: true, days: 10 });
  });

  it('prices days before the first rate at nothing and flags them', () => {
    const july = rate({ basis: 'daily', dailyRate: 1000, inForceFrom: d('2026-07-01') });
    const cost = grantCost(frame(), [july], d('2026-06-01'), d('2026-07-10'));
    expect(cost.amount).toBe(10_000);
    expect(cost.problems).toContain('no_rate');
    expect(cost.segments.map((s) => [s.from, s.to, s.days])).toEqual([
      ['2026-06-01', '2026-06-30', 30],
      ['2026-07-01', '2026-07-10', 10],
    ]);
  });

  it.each([
    ['hourly without hours', HOURLY, frame(), 'missing_hours'],
    ['module without module days', MODULE, frame(), 'missing_modules'],
    ['a profile the card has no price for', PROFILE, frame({ profileCode: '7' }), 'missing_profile_price'],
  ] as const)('flags %s', (_n, r, f, problem) => {
    expect(costPerDay(f, r, 2026).problem).toBe(problem);
  });

  it('the annual cost runs a year from the start, across the new year’s rate', () => {
    const next = rate({ basis: 'daily', dailyRate: 1000, inForceFrom: d('2027-01-01') });
    const cost = annualCost(frame(), [BLOMMEVEJ, next], d('2026-07-01'));
    expect(cost.amount).toBe(184 * 993 + 181 * 1000);
    expect(cost.segments.map((s) => s.to)).toEqual(['2026-12-31', '2027-06-30']);
  });

  // The forecast prices a grant's year once and cuts the rest of the year from it: the part must cost what pricing it
  // on its own does, in amount, segments and problems.
  const HOURS_CHANGE = [HOURLY, rate({ basis: 'hourly', hourlyRate: 480, inForceFrom: d('2026-09-01') })];
  const JULY_ONLY = [rate({ basis: 'daily', dailyRate: 1000, inForceFrom: d('2026-07-01') })];
  it.each([
    ['the rest of the year after 30 September', HOURS_CHANGE, frame({ weeklyHours: 4.5 }), '2026-10-01', '2026-12-31'],
    ['a part across the change of rate', HOURS_CHANGE, frame({ weeklyHours: 4.5 }), '2026-08-15', '2026-09-20'],
    ['one day, the change of rate', HOURS_CHANGE, frame({ weeklyHours: 4.5 }), '2026-09-01', '2026-09-01'],
    ['a part with days before the first rate', JULY_ONLY, frame(), '2026-06-20', '2026-07-05'],
    ['a part after the first rate only', JULY_ONLY, frame(), '2026-07-02', '2026-12-30'],
    ['a part the frame cannot price (no hours)', HOURS_CHANGE, frame(), '2026-03-01', '2026-03-31'],
  ] as const)('a part of a priced year costs what pricing the part does: %s', (_n, versions, f, from, to) => {
    const year = grantCost(f, versions, d('2026-01-01'), d('2026-12-31'));
    expect(partOf(year, d(from), d(to))).toEqual(grantCost(f, versions, d(from), d(to)));
  });

  it('cites the 46 weeks', () => {
    expect(MODULE_WEEKS_PER_YEAR).toMatchObject({ weeks: 46 });
    expect(MODULE_WEEKS_PER_YEAR.source).toMatch(/seeds\/001/);
  });
});

describe('rate card versions', () => {
  const ok = rate({ basis: 'daily', dailyRate: 993, occupancyPct: 95 });
  it.each([
    ['a valid version', ok, [], []],
    ['a negative daily rate', { ...ok, dailyRate: -1 }, [], [['dailyRate', 'rateCard.positive']]],
    ['a zero hourly price', { ...ok, hourlyRate: 0 }, [], [['hourlyRate', 'rateCard.positive']]],
    [
      'an hourly card without an hourly price',
      { ...ok, basis: 'hourly' as const },
      [],
      [['hourlyRate', 'rateCard.priceRequired']],
    ],
    [
      'a profile card without profile prices',
      { ...ok, basis: 'profile' as const },
      [],
      [['profilePrices', 'rateCard.priceRequired']],
    ],
    [
      'an in-force date outside its rate year',
      { ...ok, inForceFrom: d('2025-12-01') },
      [],
      [['inForceFrom', 'rateCard.outsideYear']],
    ],
    [
      'an end before the start',
      { ...ok, inForceFrom: d('2026-03-01'), inForceTo: d('2026-02-01') },
      [],
      [['inForceTo', 'rateCard.endBeforeStart']],
    ],
    ['occupancy over 100 %', { ...ok, occupancyPct: 120 }, [], [['occupancyPct', 'rateCard.occupancy']]],
    ['two versions from the same day', ok, [{ ...ok, id: 'other' }], [['inForceFrom', 'rateCard.overlap']]],
    [
      'a period overlapping an explicit earlier period',
      { ...ok, inForceFrom: d('2026-06-01') },
      [{ ...ok, id: 'other', inForceTo: d('2026-06-30') }],
      [['inForceFrom', 'rateCard.overlap']],
    ],
    ['a change of rate after an open version', { ...ok, inForceFrom: d('2026-07-01') }, [{ ...ok, id: 'other' }], []],
    ['the next year', { ...ok, year: 2027, inForceFrom: d('2027-01-01') }, [{ ...ok, id: 'other' }], []],
  ] as const)('%s', (_name, version, others, expected) => {
    expect(rateVersionProblems(version as RateVersion, others as unknown as RateVersion[]).map((p) => [p.path, p.key])).toEqual(
      expected,
    );
  });

  it('an open version gives way to the next in its year', () => {
    const july = rate({ basis: 'daily', dailyRate: 1020, inForceFrom: d('2026-07-01') });
    expect(timeline([july, BLOMMEVEJ]).map((t) => [t.from, t.to])).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ]);
    expect(rateOn([BLOMMEVEJ, july], d('2026-06-30'))?.version.dailyRate).toBe(993);
    expect(rateOn([BLOMMEVEJ, july], d('2026-07-01'))?.version.dailyRate).toBe(1020);
    expect(rateOn([BLOMMEVEJ, july], d('2027-02-01'))).toMatchObject({ carried: true });
    expect(rateOn([july], d('2026-01-01'))).toBeNull();
  });
});

describe('the planned end of a grant (planned ends, § 85’s four weeks, §§ 82/107 limits)', () => {
  const g = (legalBasis: string, over: Partial<{ start: string; endsOn: string; timeLimitUntil: string }> = {}) => ({
    legalBasis,
    start: d(over.start ?? '2026-01-15'),
    endsOn: over.endsOn ? d(over.endsOn) : null,
    timeLimitUntil: over.timeLimitUntil ? d(over.timeLimitUntil) : null,
  });
  it.each([
    ['§ 85 without a limit runs on', g('SEL § 85'), null, null],
    ['§ 85 stopped (the four weeks already in the order’s end)', g('SEL § 85', { endsOn: '2026-05-28' }), '2026-05-28', 'ended'],
    [
      '§ 85 time-limited: four weeks after the limit',
      g('SEL § 85', { timeLimitUntil: '2026-06-30' }),
      '2026-07-28',
      'continuation',
    ],
    [
      '§ 85 ended before the four weeks run out',
      g('SEL § 85', { timeLimitUntil: '2026-06-30', endsOn: '2026-07-10' }),
      '2026-07-10',
      'ended',
    ],
    ['§ 107 at most three years', g('SEL § 107', { start: '2024-03-01' }), '2027-03-01', 'legal_limit'],
    [
      '§ 107 with its own, earlier limit',
      g('SEL § 107', { start: '2024-03-01', timeLimitUntil: '2026-12-31' }),
      '2026-12-31',
      'time_limit',
    ],
    ['§ 82 at most six months', g('SEL § 82', { start: '2026-03-15' }), '2026-09-15', 'legal_limit'],
    ['§ 108 runs on', g('SEL § 108'), null, null],
  ])('%s', (_name, grant, end, reason) => {
    expect(plannedEnd(grant, BASE_DEADLINE_RULES)).toEqual({ end, reason });
  });

  it.each([
    ['running all year', g('SEL § 108'), ['2026-10-01', '2026-12-31']],
    ['starting later', g('SEL § 108', { start: '2026-11-15' }), ['2026-11-15', '2026-12-31']],
    ['ending in November', g('SEL § 85', { endsOn: '2026-11-03' }), ['2026-10-01', '2026-11-03']],
    ['ended before the date', g('SEL § 85', { endsOn: '2026-08-01' }), null],
  ])('committed on 30 September 2026: %s', (_n, grant, expected) => {
    const c = committedWithin(grant, d('2026-09-30'), d('2026-12-31'), BASE_DEADLINE_RULES);
    expect(c ? [c.from, c.to] : null).toEqual(expected);
  });
});

describe('the cost of the proposal and of the next rung of the ladder', () => {
  const offers: PriceableOffer[] = [
    { offerId: 'bostoette', name: 'Bostøtten', legalBases: ['SEL § 85'], rates: [HOURLY] },
    { offerId: 'rosen', name: 'Rosengården', legalBases: ['SEL § 107'], rates: [rate({ basis: 'daily', dailyRate: 1800 })] },
    { offerId: 'blommevej', name: 'Blommevej', legalBases: ['SEL § 85', 'ABL § 105'], rates: [BLOMMEVEJ] },
    { offerId: 'skov', name: 'Skovbrynet', legalBases: ['SEL § 108'], rates: [rate({ basis: 'daily', dailyRate: 2100 })] },
    { offerId: 'unpriced', name: 'Uden takst', legalBases: ['SEL § 107'], rates: [] },
    { offerId: 'metri', name: 'Me-Tri', legalBases: ['SEL § 103'], rates: [MODULE] },
    { offerId: 'profile', name: 'Profilpris', legalBases: ['SEL § 85'], rates: [PROFILE] },
  ];
  it.each([
    ['SEL § 85 support at home', ['SEL § 85'], ['own_home']],
    ['Blommevej is long-term housing, not own home', ['SEL § 85', 'ABL § 105'], ['long_term_housing']],
    ['SEL § 107', ['SEL § 107'], ['temporary_housing']],
    [
      'Rosengården stands on both housing rungs',
      ['SEL § 107', 'SEL § 108', 'SEL § 104'],
      ['temporary_housing', 'long_term_housing'],
    ],
    ['a day offer is on no rung', ['SEL § 103'], []],
  ] as const)('offerOnRung: %s', (_n, bases, rungs) => {
    expect((['own_home', 'temporary_housing', 'long_term_housing'] as const).filter((r) => offerOnRung(bases, r))).toEqual(rungs);
  });

  it.each([
    [
      '§ 85, 3 hours: own home, next § 107',
      'SEL § 85',
      frame({ weeklyHours: 3 }),
      [['Bostøtten', 70_392.86]],
      'temporary_housing',
      [['Rosengården', 657_000]],
    ],
    [
      '§ 107: next long-term housing, cheapest first',
      'SEL § 107',
      frame(),
      [['Rosengården', 657_000]],
      'long_term_housing',
      [
        ['Blommevej', 362_445],
        ['Skovbrynet', 766_500],
      ],
    ],
    [
      '§ 108: the top rung, with every long-term housing offer',
      'SEL § 108',
      frame(),
      [
        ['Blommevej', 362_445],
        ['Skovbrynet', 766_500],
      ],
      null,
      null,
    ],
    ['§ 103, 3 module days', 'SEL § 103', frame({ moduleDays: 3 }), [['Me-Tri', 82_800]], null, null],
  ] as const)('%s', (_n, legalBasis, f, proposed, nextStep, next) => {
    const r = ladderPrices({ legalBasis, frame: f, start: d('2026-01-01'), offers });
    expect(r.proposed.offers.map((o) => [o.name, o.annual])).toEqual(proposed);
    expect(r.next?.step ?? null).toBe(nextStep);
    expect(r.next ? r.next.offers.map((o) => [o.name, o.annual]) : null).toEqual(next);
  });
});
