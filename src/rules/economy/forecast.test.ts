import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { BASE_DEADLINE_RULES } from '../deadlines/deadline-rules.ts';
import { LINE_KINDS, LINE_LABELS, type LineKind, lineOfGrant, reconcile } from './budget-lines.ts';
import { type ForecastGrant, forecast, grantCommitments, remainingShare } from './forecast.ts';
import type { RateVersion } from './rate-card.ts';
import { whatIf } from './what-if.ts';

const d = (s: string) => s as PlainDate;

function rate(id: string, over: Partial<RateVersion> & Pick<RateVersion, 'basis'>): RateVersion {
  return {
    id,
    year: 2026,
    inForceFrom: d('2026-01-01'),
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

describe('which line a grant falls on (retssikkerhedsloven §§ 9–9 c)', () => {
  it.each([
    ['our citizen in another municipality’s offer', 'other_municipality', 'rate', true, 'purchase_external'],
    ['our citizen at a private provider', 'private', 'rate', true, 'purchase_external'],
    ['our citizen in our rate-financed offer', 'own', 'rate', true, 'purchase_internal'],
    ['our citizen in a self-governing contracted offer', 'self_governing', 'rate', true, 'purchase_internal'],
    ['our citizen in our frame-managed offer', 'own', 'frame', true, null],
    ['another municipality pays for a place in our offer', 'own', 'frame', false, 'sale'],
    ['another municipality pays, in another’s offer', 'private', 'rate', false, null],
  ] as const)('%s → %s', (_n, owner, financing, payingIsUs, line) => {
    expect(lineOfGrant({ owner, financing, payingIsUs })).toBe(line);
  });

  it.each(LINE_KINDS)('%s has Danish and English labels', (kind) => {
    expect(LINE_LABELS[kind].da.length).toBeGreaterThan(3);
    expect(LINE_LABELS[kind].en.length).toBeGreaterThan(3);
  });
});

describe('Randers’ 2019 budget (seed 003) does not add up everywhere, and reconcile says where', () => {
  const group = (id: string, parentId: string | null, printed: number | null) => ({ id, parentId, label: id, printed });
  const groups = [
    group('Samlet', null, 50_951_776),
    group('Myndighed', 'Samlet', 10_561_796),
    group('Køb af pladser', 'Myndighed', 32_824_476),
    group('Udfører', 'Samlet', 37_365_984),
    group('Driftsudgifter', 'Udfører', 48_814_500),
    group('Bosteder, cafeer og opsøgende arbejde', 'Driftsudgifter', 12_592_896),
    group('Selvejende tilbud', 'Driftsudgifter', 21_016_149),
    group('Uden trykt total', 'Samlet', null),
  ];
  const line = (groupId: string, amount: number) => ({ groupId, amount });
  const lines = [
    line('Samlet', 3_023_997), // Center fælles
    line('Køb af pladser', 16_380_576),
    line('Køb af pladser', 25_620_900),
    line('Køb af pladser', -9_177_000),
    line('Myndighed', -19_218_514),
    line('Myndighed', -3_044_167),
    line('Udfører', -11_448_516),
    line('Driftsudgifter', 15_205_454), // Rusmiddelcenter Randers
    ...[1_581_579, 2_331_443, 3_336_896, 2_630_491, 2_089_375, 623_111].map((a) =>
      line('Bosteder, cafeer og opsøgende arbejde', a),
    ),
    line('Selvejende tilbud', 11_964_169),
    line('Selvejende tilbud', 9_051_980),
  ];
  it.each([
    // The grand total is DKK 1 less than center common + authority + providers as printed.
    ['Samlet', 50_951_777, -1],
    ['Myndighed', 10_561_795, 1],
    ['Køb af pladser', 32_824_476, 0],
    ['Udfører', 37_365_984, 0],
    ['Driftsudgifter', 48_814_499, 1],
    ['Bosteder, cafeer og opsøgende arbejde', 12_592_895, 1],
    ['Selvejende tilbud', 21_016_149, 0],
    ['Uden trykt total', 0, null],
  ])('%s: the lines under it add to %d, printed minus that is %s', (id, computed, difference) => {
    expect(reconcile(groups, lines).find((g) => g.id === id)).toMatchObject({ computed, difference });
  });
});

describe('the forecast on a fixture computed by hand (2026, as of 30 September: 92 of 365 days left)', () => {
  const rates = new Map<string, RateVersion[]>([
    ['blommevej', [rate('b', { basis: 'daily', dailyRate: 993 })]],
    ['bostoette-ext', [rate('h', { basis: 'hourly', hourlyRate: 450 })]],
    ['privat', [rate('p', { basis: 'daily', dailyRate: 7000 })]],
  ]);
  const grant = (over: Partial<ForecastGrant> & Pick<ForecastGrant, 'id' | 'offerId' | 'citizenId' | 'line'>): ForecastGrant => ({
    legalBasis: 'SEL § 85',
    start: d('2025-05-01'),
    endsOn: null,
    timeLimitUntil: null,
    weeklyHours: null,
    moduleDays: null,
    profileCode: null,
    unitId: 'auth',
    wePay: true,
    ageAtYearStart: 40,
    coveredBefore67: false,
    ...over,
  });
  const grants: ForecastGrant[] = [
    grant({ id: 'g1', offerId: 'blommevej', citizenId: 'c1', line: 'purchase_internal' }),
    grant({
      id: 'g2',
      offerId: 'bostoette-ext',
      citizenId: 'c2',
      line: 'purchase_external',
      weeklyHours: 4.5,
      start: d('2026-02-01'),
    }),
    grant({ id: 'g3', offerId: 'blommevej', citizenId: 'c3', line: 'sale', endsOn: d('2026-10-31'), wePay: false }),
    grant({ id: 'g4', offerId: 'privat', citizenId: 'c4', line: 'purchase_external', legalBasis: 'SEL § 108' }),
    grant({
      id: 'g5',
      offerId: 'privat',
      citizenId: 'c5',
      line: 'purchase_external',
      legalBasis: 'SEL § 108',
      ageAtYearStart: 70,
    }),
    grant({ id: 'g6', offerId: 'blommevej', citizenId: 'c6', line: 'purchase_internal', endsOn: d('2026-09-01') }),
  ];
  const commitments = grantCommitments(grants, rates, 2026, d('2026-09-30'), BASE_DEADLINE_RULES);

  it('commits each running grant from 1 October to its end or the year’s end', () => {
    const byGrant = Object.fromEntries(commitments.filter((c) => c.grantId).map((c) => [c.grantId, c.amount]));
    expect(byGrant).toEqual({
      g1: 92 * 993,
      g2: 26_614.29, // 4.5 × 450 × 92 / 7
      g3: -31 * 993, // a sale, to its stop on 31 October
      g4: 92 * 7000,
      g5: 92 * 7000,
    });
  });

  it('refunds § 176 on the whole year’s cost of each covered citizen', () => {
    // c4: 365 × 7,000 = 2,555,000 → 205,000 + 220,000 + 75 % of 435,000; c5 is 70 and was not covered before 67.
    expect(commitments.filter((c) => c.kind === 'refund').map((c) => c.amount)).toEqual([-751_250]);
  });

  it('commits a year seen before it begins from its first day, not from the day after the date', () => {
    // Next year's forecast made on 30 September: g1 runs the whole of 2027 (the 2026 rate carried, flagged), 365 days,
    // not the 457 from 1 October (a bug the single pricing of each grant showed).
    const next = grantCommitments([grants[0] as ForecastGrant], rates, 2027, d('2026-09-30'), BASE_DEADLINE_RULES);
    expect(next.find((c) => c.grantId === 'g1')).toMatchObject({
      amount: 365 * 993,
      period: { from: '2027-01-01', to: '2027-12-31', reason: null },
      problems: ['carried_rate'],
    });
  });

  const result = forecast({
    year: 2026,
    asOf: d('2026-09-30'),
    budget: [
      { unitId: 'auth', kind: 'purchase_internal', offerId: null, amount: 1_000_000 },
      { unitId: 'auth', kind: 'purchase_external', offerId: null, amount: 2_000_000 },
      { unitId: 'auth', kind: 'sale', offerId: null, amount: -300_000 },
      { unitId: 'auth', kind: 'refund', offerId: null, amount: -200_000 },
      { unitId: 'offerB', kind: 'operating', offerId: 'offerB', amount: 365_000 },
    ],
    postings: [
      { unitId: 'auth', kind: 'purchase_internal', offerId: null, postedOn: d('2026-03-31'), amount: 600_000 },
      { unitId: 'auth', kind: 'purchase_external', offerId: null, postedOn: d('2026-06-30'), amount: 1_300_000 },
      { unitId: 'auth', kind: 'sale', offerId: null, postedOn: d('2026-09-30'), amount: -200_000 },
      { unitId: 'offerB', kind: 'operating', offerId: 'offerB', postedOn: d('2026-05-31'), amount: 280_000 },
      { unitId: 'auth', kind: 'purchase_internal', offerId: null, postedOn: d('2026-10-05'), amount: 10_000 },
      { unitId: 'auth', kind: 'purchase_internal', offerId: null, postedOn: d('2025-12-31'), amount: 10_000 },
    ],
    // Committed cost lands on the offer's own row; the budget line has no offer.
    commitments: commitments.map((c) => ({ ...c, offerId: null })),
  });
  const row = (kind: LineKind) => result.rows.find((r) => r.kind === kind);

  it.each([
    // kind, budget, actual to date, committed, forecast, variance (budget − forecast)
    ['purchase_internal', 1_000_000, 600_000, 91_356, 691_356, 308_644],
    ['purchase_external', 2_000_000, 1_300_000, 1_314_614.29, 2_614_614.29, -614_614.29],
    ['sale', -300_000, -200_000, -30_783, -230_783, -69_217],
    ['refund', -200_000, 0, -751_250, -751_250, 551_250],
    // Not driven by grants: the rest of the budget pro rata, 365,000 × 92 / 365.
    ['operating', 365_000, 280_000, 92_000, 372_000, -7_000],
  ] as const)(
    '%s: budget %d, actual %d, committed %d, forecast %d, variance %d',
    (kind, budget, actual, committed, fc, variance) => {
      expect(row(kind)).toMatchObject({ budget, actual, committed, forecast: fc, variance });
    },
  );

  it('builds the year’s curve: budget pro rata, actuals to the date, forecast to the end', () => {
    const sep = result.months[8];
    const dec = result.months[11];
    expect(sep?.actual).toBe(600_000 + 1_300_000 - 200_000 + 280_000);
    expect(result.months[9]?.actual).toBeNull();
    expect(dec?.budget).toBe(1_000_000 + 2_000_000 - 300_000 - 200_000 + 365_000);
    expect(dec?.forecast).toBeCloseTo(
      result.rows.reduce((s, r) => s + r.forecast, 0),
      1,
    );
    // October adds g1, g2, g4, g5 and g3 (to 31 October) for 31 days, and 31 days of the operating budget.
    const october = (result.months[9]?.forecast ?? 0) - (sep?.forecast ?? 0);
    expect(october).toBeCloseTo(31 * 993 + (31 * 4.5 * 450) / 7 + 2 * 31 * 7000 - 31 * 993 + (365_000 * 31) / 365, 1);
  });

  it('a line driven by grants with no grant in Visitator falls back to the budget pro rata', () => {
    const r = forecast({
      year: 2026,
      asOf: d('2026-09-30'),
      budget: [{ unitId: 'auth', kind: 'purchase_external', offerId: null, amount: 365_000 }],
      postings: [{ unitId: 'auth', kind: 'purchase_external', offerId: null, postedOn: d('2026-06-30'), amount: 250_000 }],
      commitments: [],
    });
    expect(r.rows[0]).toMatchObject({ method: 'pro_rata', actual: 250_000, committed: 92_000, forecast: 342_000 });
  });

  it('a budget line without an offer is driven by the grants on its offers (not also pro rata)', () => {
    const r = forecast({
      year: 2026,
      asOf: d('2026-09-30'),
      budget: [{ unitId: 'auth', kind: 'purchase_internal', offerId: null, amount: 365_000 }],
      postings: [],
      commitments: [{ unitId: 'auth', kind: 'purchase_internal', offerId: 'offerA', amount: 9_200, spread: [], grantId: 'g1' }],
    });
    const line = r.rows.find((x) => x.offerId === null);
    const offer = r.rows.find((x) => x.offerId === 'offerA');
    // The budget row keeps its budget and adds no pro-rata 92,000 on top of the grant's 9,200.
    expect(line).toMatchObject({ method: 'grants', budget: 365_000, committed: 0, forecast: 0 });
    expect(offer).toMatchObject({ method: 'grants', committed: 9_200 });
  });

  it('a refund already received is not counted twice', () => {
    const r = forecast({
      year: 2026,
      asOf: d('2026-09-30'),
      budget: [],
      postings: [{ unitId: 'auth', kind: 'refund', offerId: null, postedOn: d('2026-06-30'), amount: -300_000 }],
      commitments: [{ unitId: 'auth', kind: 'refund', offerId: null, amount: -751_250, spread: [], grantId: null }],
    });
    expect(r.rows[0]).toMatchObject({ actual: -300_000, committed: -451_250, forecast: -751_250 });
  });

  it.each([
    ['before the year', '2025-12-31', 1],
    ['on its last day', '2026-12-31', 0],
    ['30 September', '2026-09-30', 92 / 365],
  ])('remaining share %s', (_n, asOf, share) => {
    expect(remainingShare(2026, d(asOf))).toBeCloseTo(share, 10);
  });
});

describe('the what-if of a draft service level', () => {
  const current = [
    { code: '2', above: 1, upTo: 2.5 },
    { code: '3', above: 2.5, upTo: 4.5 },
    { code: '4', above: 4.5, upTo: 8.5 },
  ];
  // The draft widens profile 3 to 5 hours.
  const draft = [
    { code: '2', above: 1, upTo: 2.5 },
    { code: '3', above: 2.5, upTo: 5 },
    { code: '4', above: 5, upTo: 8.5 },
  ];
  const rates = new Map<string, RateVersion[]>([
    [
      'profile-offer',
      [
        rate('p', {
          basis: 'profile',
          profilePrices: [
            { code: '3', weeklyPrice: 1400 },
            { code: '4', weeklyPrice: 2800 },
          ],
        }),
      ],
    ],
    ['hour-offer', [rate('h', { basis: 'hourly', hourlyRate: 450 })]],
  ]);
  const g = (id: string, offerId: string, citizenId: string, hours: number) => ({
    id,
    offerId,
    citizenId,
    weeklyHours: hours,
    moduleDays: null,
    profileCode: null,
  });
  const grants = [g('a', 'profile-offer', 'c1', 4.75), g('b', 'profile-offer', 'c2', 3), g('c', 'hour-offer', 'c3', 4.75)];

  it('moves a grant to another profile and price when the bands change', () => {
    const r = whatIf({ on: d('2026-01-01'), grants, currentBands: current, draftBands: draft, ratesByOffer: rates });
    expect(r.moves.map((m) => [m.grantId, m.profileBefore, m.profileAfter, m.before, m.after, m.delta])).toEqual([
      ['a', '4', '3', 146_000, 73_000, -73_000],
      // Priced by the hour: the profile moves, the price does not.
      ['c', '4', '3', 111_455.36, 111_455.36, 0],
    ]);
    expect(r.offers.find((o) => o.offerId === 'profile-offer')).toEqual({
      offerId: 'profile-offer',
      grants: 2,
      moved: 1,
      citizensMoved: 1,
      before: 219_000,
      after: 146_000,
      delta: -73_000,
    });
    expect(r.total).toMatchObject({ grants: 3, moved: 2, citizensMoved: 2, delta: -73_000 });
  });

  it('prices a scenario rate for an offer', () => {
    const r = whatIf({
      on: d('2026-01-01'),
      grants,
      currentBands: current,
      draftBands: current,
      ratesByOffer: rates,
      overrides: new Map([['hour-offer', { hourlyRate: 500 }]]),
    });
    expect(r.moves.map((m) => [m.grantId, m.after, m.delta])).toEqual([['c', 123_839.29, 12_383.93]]);
  });

  it('takes an estimate of what an exclusion removes, and flags hours outside every draft band', () => {
    const r = whatIf({
      on: d('2026-01-01'),
      grants: [g('x', 'hour-offer', 'c9', 1.2)],
      currentBands: current,
      draftBands: current,
      ratesByOffer: rates,
      hoursChange: -0.5,
    });
    expect(r.moves[0]).toMatchObject({
      hoursBefore: 1.2,
      hoursAfter: 0.7,
      profileBefore: '2',
      profileAfter: null,
      outsideDraft: true,
    });
    // 1.2 → 0.7 hours at 450: 28,157.14 → 16,425.
    expect([r.moves[0]?.before, r.moves[0]?.after, r.moves[0]?.delta]).toEqual([28_157.14, 16_425, -11_732.14]);
  });
});

describe('a revisitation: two consecutive frames, each priced from its own dates', () => {
  // The first order ends the day before the new frame's order starts (the revisitation's decision replaces it); the
  // hourly price changes on 1 September, within the second frame.
  const rates = new Map<string, RateVersion[]>([
    [
      'bostoette',
      [
        rate('h1', { basis: 'hourly', hourlyRate: 450 }),
        rate('h2', { basis: 'hourly', hourlyRate: 480, inForceFrom: d('2026-09-01') }),
      ],
    ],
  ]);
  const frame = (id: string, weeklyHours: number, start: string, endsOn: string | null): ForecastGrant => ({
    id,
    offerId: 'bostoette',
    citizenId: 'c1',
    line: 'purchase_external',
    legalBasis: 'SEL § 85',
    start: d(start),
    endsOn: endsOn ? d(endsOn) : null,
    timeLimitUntil: null,
    weeklyHours,
    moduleDays: null,
    profileCode: null,
    unitId: 'auth',
    wePay: true,
    ageAtYearStart: 40,
    coveredBefore67: false,
  });
  const before = frame('before', 3, '2026-02-01', '2026-06-30');
  const after = frame('after', 6, '2026-07-01', null);
  const byGrant = (asOf: string) =>
    Object.fromEntries(
      grantCommitments([before, after], rates, 2026, d(asOf), BASE_DEADLINE_RULES)
        .filter((c) => c.grantId)
        .map((c) => [c.grantId, c]),
    );

  it.each([
    // as of, the first frame's committed cost, the second's
    // 31 March: 1 April–30 June at 3 h × 450 (91 days); 1 July–31 August at 6 h × 450 (62) + 1 September–31 December
    // at 6 h × 480 (122).
    ['2026-03-31', (91 * 3 * 450) / 7, (62 * 6 * 450 + 122 * 6 * 480) / 7],
    // 15 August: the first frame has ended; the second from 16 August (16 days at 450, 122 at 480).
    ['2026-08-15', null, (16 * 6 * 450 + 122 * 6 * 480) / 7],
    // 30 June, the first frame's last day: nothing of it is left; the second is whole.
    ['2026-06-30', null, (62 * 6 * 450 + 122 * 6 * 480) / 7],
  ] as const)('as of %s: the first frame %s, the second %s', (asOf, first, second) => {
    const c = byGrant(asOf);
    if (first === null) expect(c.before).toBeUndefined();
    else expect(c.before?.amount).toBeCloseTo(first, 2);
    expect(c.after?.amount).toBeCloseTo(second, 2);
  });

  it('splits each frame at its own dates and the rate change, and counts no day twice', () => {
    const c = byGrant('2026-01-31');
    expect(c.before?.spread).toEqual([{ from: '2026-02-01', to: '2026-06-30', perDay: (3 * 450) / 7 }]);
    expect(c.after?.spread).toEqual([
      { from: '2026-07-01', to: '2026-08-31', perDay: (6 * 450) / 7 },
      { from: '2026-09-01', to: '2026-12-31', perDay: (6 * 480) / 7 },
    ]);
    const days = [...(c.before?.spread ?? []), ...(c.after?.spread ?? [])].reduce(
      (n, s) => n + (Date.parse(s.to) - Date.parse(s.from)) / 86_400_000 + 1,
      0,
    );
    // 1 February–31 December 2026.
    expect(days).toBe(334);
  });
});
