import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../shared/plain-date.ts';
import { monthlyOccupancy, occupancyByDay, occupancySummary } from './occupancy.ts';
import { covered176, REFUND_176_LEVELS, refund176 } from './refund-176.ts';
import { SELF_PAYMENT_108_LEVELS, selfPayment107, selfPayment108 } from './self-payment.ts';
import { TRANSPORT_103, transport103 } from './transport-103.ts';
import {
  nextWaitingStatus,
  WAITING_ACTIONS,
  WAITING_STATUSES,
  type WaitingEntry,
  waitingDays,
  waitingOrder,
  waitingStats,
} from './waiting-list.ts';

const d = (s: string) => s as PlainDate;

describe('SEL § 176 refund tiers', () => {
  it.each(REFUND_176_LEVELS)('the $priceLevel level from $fromYear cites its source and rises', (level) => {
    expect(level.source).toMatch(/§ 176|[Ll]ov nr/);
    const aboves = level.tiers.map((t) => t.above);
    expect([...aboves].sort((a, b) => a - b)).toEqual(aboves);
  });

  it.each([
    ['below the first tier', 800_000, 2026, 0],
    ['25 % of 140,000 above 860,000', 1_000_000, 2026, 35_000],
    ['205,000 + 50 % of 320,000', 2_000_000, 2026, 365_000],
    ['205,000 + 220,000 + 75 % of 380,000', 2_500_000, 2026, 710_000],
    ['2022: the same 2022 level', 2_500_000, 2022, 710_000],
    ['2021, 2020 level: 200,000 + 210,000 + 75 % of 50,000', 2_100_000, 2021, 447_500],
    ['2020, two tiers: 205,000 + 50 % of 230,000', 2_000_000, 2020, 320_000],
    ['before the first level kept', 2_000_000, 2018, 0],
  ])('%s: %i in %i → %i', (_n, cost, year, refund) => {
    expect(refund176(cost, year, { covered: true }).refund).toBe(refund);
  });

  it('says when the year uses an earlier year’s amounts', () => {
    expect(refund176(1_000_000, 2026, { covered: true })).toMatchObject({
      levelFromEarlierYear: true,
      level: { fromYear: 2022 },
    });
    expect(refund176(1_000_000, 2022, { covered: true }).levelFromEarlierYear).toBe(false);
  });

  it.each([
    [40, false, true],
    [66, false, true],
    [67, false, false],
    [70, true, true],
  ])('age %i, covered before 67: %s → covered %s (§ 176, stk. 3)', (age, before, covered) => {
    expect(covered176(age, before)).toBe(covered);
    expect(refund176(1_000_000, 2026, { covered: covered176(age, before) }).refund).toBe(covered ? 35_000 : 0);
  });
});

describe('self-payment', () => {
  it.each(SELF_PAYMENT_108_LEVELS)('§ 108 level $year cites the ministry’s rates', (l) => {
    expect(l.source).toMatch(/Satser på social- og ældreområdet/);
    expect([l.lowPct, l.highPct]).toEqual([10, 20]);
  });

  it.each([
    ['10 % of 200,000', 200_000, 2024, false, 20_000, 1666.67],
    ['10 % of 234,000 + 20 % of 66,000', 300_000, 2024, false, 36_600, 3050],
    ['a single pensioner: basis 249,200', 300_000, 2024, true, 26_440, 2203.33],
    ['2023: 10 % of 226,100 + 20 % of 23,900', 250_000, 2023, false, 27_390, 2282.5],
    ['2026 uses the 2024 level', 300_000, 2026, false, 36_600, 3050],
    ['no income, no payment', 0, 2024, false, 0, 0],
  ])('§ 108: %s', (_n, income, year, single, annual, monthly) => {
    const r = selfPayment108(income, year, { singlePensioner: single });
    expect(r.annual).toBe(annual);
    expect(r.monthly).toBe(monthly);
  });

  it('flags a year without its own § 108 amounts', () => {
    expect(selfPayment108(300_000, 2026, { singlePensioner: false }).levelFromEarlierYear).toBe(true);
    expect(selfPayment108(300_000, 2020, { singlePensioner: false }).level).toBeNull();
  });

  const guideline = {
    charges: [
      { label: 'Kost', monthly: 2500 },
      { label: 'Vask og el', monthly: 1800 },
    ],
    minimumDisposableMonthly: 3000,
    source: 'Lokal retningslinje (opdigtet)',
    invented: true,
  };
  it.each([
    ['all charges when the income allows', 9000, 4300, 0, 4700],
    ['reduced so 3,000 is left', 6500, 3500, 800, 3000],
    ['nothing below the disposable amount', 2500, 0, 4300, 2500],
  ])('§ 107 (local guideline): %s', (_n, income, monthly, reducedBy, disposable) => {
    expect(selfPayment107(income, guideline)).toEqual({ monthly, charged: 4300, reducedBy, disposable });
  });
});

describe('SEL § 103 transport (10 km; 30 % of earnings after tax)', () => {
  it('cites seed 001', () => {
    expect(TRANSPORT_103).toMatchObject({ ownKm: 10, capPct: 30 });
    expect(TRANSPORT_103.source).toMatch(/seeds\/001/);
  });
  it.each([
    ['25 km: the citizen pays 10 km, the municipality 15', 25, 4000, 1500, 600, 900, false],
    ['25 km on low earnings: capped at 30 % of 1,500', 25, 1500, 1500, 450, 1050, true],
    ['8 km: all the citizen’s', 8, 4000, 480, 480, 0, false],
    ['8 km on low earnings: capped', 8, 1000, 480, 300, 180, true],
    ['no distance', 0, 4000, 0, 0, 0, false],
  ])('%s', (_n, km, earnings, cost, citizen, municipality, capped) => {
    const r = transport103({ distanceKm: km, pricePerKm: 1.5, daysPerMonth: 20, monthlyEarningsAfterTax: earnings });
    expect([r.monthlyCost, r.citizenPays, r.municipalityPays, r.capped]).toEqual([cost, citizen, municipality, capped]);
  });
});

describe('occupancy per day from the stays that hold a place', () => {
  const stays = [
    { from: d('2026-01-01'), to: null },
    { from: d('2026-01-03'), to: d('2026-01-04') },
    { from: d('2025-12-01'), to: d('2026-01-02') },
    { from: d('2026-01-02'), to: d('2026-01-03') },
    { from: d('2026-02-01'), to: null },
  ];
  it.each([
    ['2026-01-01', 2, 0, 100, false],
    ['2026-01-02', 3, 0, 150, true],
    ['2026-01-03', 3, 0, 150, true],
    ['2026-01-04', 2, 0, 100, false],
    ['2026-01-05', 1, 1, 50, false],
  ])('%s: %i occupied, %i vacant, %i %%, over: %s', (date, occupied, vacant, pct, over) => {
    const days = occupancyByDay(stays, 2, d('2026-01-01'), d('2026-01-05'));
    expect(days.find((x) => x.date === date)).toEqual({ date, occupied, vacant, pct, over });
  });

  it('summarises: average, peak and days over capacity', () => {
    const days = occupancyByDay(stays, 2, d('2026-01-01'), d('2026-01-05'));
    expect(occupancySummary(days, 2)).toEqual({ averageOccupied: 2.2, averagePct: 110, peak: 3, daysOver: 2 });
  });

  it('an offer without places counts people, not places', () => {
    const [day] = occupancyByDay(stays, null, d('2026-01-02'), d('2026-01-02'));
    expect(day).toEqual({ date: '2026-01-02', occupied: 3, vacant: null, pct: null, over: false });
  });

  it('monthly averages for the chart', () => {
    const days = occupancyByDay(stays, 2, d('2026-01-30'), d('2026-02-02'));
    expect(monthlyOccupancy(days, 2).map((m) => [m.month, m.averageOccupied])).toEqual([
      ['2026-01', 1],
      ['2026-02', 2],
    ]);
  });
});

describe('the waiting list', () => {
  it.each([
    ['waiting', 'offer', 'offered'],
    ['waiting', 'accept', null],
    ['waiting', 'withdraw', 'withdrawn'],
    ['offered', 'accept', 'accepted'],
    ['offered', 'decline', 'waiting'],
    ['offered', 'offer', null],
    ['accepted', 'withdraw', null],
    ['withdrawn', 'offer', null],
  ] as const)('%s + %s → %s', (status, action, next) => {
    expect(nextWaitingStatus(status, action)).toBe(next);
  });

  it.each(WAITING_STATUSES.filter((s) => s === 'accepted' || s === 'withdrawn'))(
    '%s ends the entry: no action is allowed',
    (s) => {
      expect(WAITING_ACTIONS.map((a) => nextWaitingStatus(s, a))).toEqual(WAITING_ACTIONS.map(() => null));
    },
  );

  it.each([
    ['waiting since the date of need', { neededFrom: d('2026-10-01'), closedOn: null }, 61],
    ['a need that has not begun yet', { neededFrom: d('2027-01-01'), closedOn: null }, 0],
    ['measured to the day a place was accepted', { neededFrom: d('2026-10-01'), closedOn: d('2026-10-15') }, 14],
  ])('%s', (_n, e, days) => {
    expect(waitingDays(e, d('2026-12-01'))).toBe(days);
  });

  const entry = (
    priority: 1 | 2 | 3,
    neededFrom: string,
    decidedOn = '2026-09-01',
    status: WaitingEntry['status'] = 'waiting',
    closedOn: string | null = null,
  ): WaitingEntry => ({
    status,
    priority,
    decidedOn: d(decidedOn),
    neededFrom: d(neededFrom),
    closedOn: closedOn ? d(closedOn) : null,
  });

  it('fills places by priority, then the longest wait, then the decision date', () => {
    const list = [entry(3, '2026-09-01'), entry(1, '2026-11-01'), entry(3, '2026-08-01'), entry(3, '2026-08-01', '2026-07-01')];
    expect([...list].sort(waitingOrder).map((e) => [e.priority, e.neededFrom, e.decidedOn])).toEqual([
      [1, '2026-11-01', '2026-09-01'],
      [3, '2026-08-01', '2026-07-01'],
      [3, '2026-08-01', '2026-09-01'],
      [3, '2026-09-01', '2026-09-01'],
    ]);
  });

  it('measures waiting time: open entries to today, placed ones to acceptance', () => {
    const stats = waitingStats(
      [
        entry(3, '2026-11-01'),
        entry(2, '2026-10-01', '2026-09-01', 'offered'),
        entry(3, '2026-06-01', '2026-05-01', 'accepted', '2026-07-01'),
        entry(3, '2026-06-01', '2026-05-01', 'accepted', '2026-06-11'),
        entry(3, '2026-06-01', '2026-05-01', 'withdrawn', '2026-06-05'),
      ],
      d('2026-12-01'),
    );
    expect(stats).toEqual({ open: 2, averageOpenDays: 46, longestOpenDays: 61, placed: 2, medianPlacedDays: 20 });
  });
});
