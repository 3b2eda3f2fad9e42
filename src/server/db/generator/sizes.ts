/**
 * The sizes the generator builds. `demo` is what `npm start` and the test template load; `copenhagen` and
 * `national` are the benchmark sets of issue 11; `bench-small` is a scaled-down copenhagen the test suite runs on
 * PostgreSQL to prove the large path works (a minute-long generation does not belong in the suite).
 */
export const SIZE_NAMES = ['demo', 'bench-small', 'copenhagen', 'national'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export type MunicipalityLoad = {
  /** Citizens, the named demo citizens included. */
  citizens: number;
  /** Cases over the history, opened evenly over it. */
  cases: number;
  /** Exact number of audit rows in the municipality's chain after generation (null: what the events give). */
  auditRows: number | null;
};

export type GeneratorSize = {
  name: SizeName;
  /** Days of history before "today" (the history ends yesterday: nothing is dated today or later). */
  historyDays: number;
  /** Per demo municipality (by code). */
  load: Record<string, MunicipalityLoad>;
  /** More municipalities (from the official list) beside the demo ones, sharing these totals. */
  extraMunicipalities: { count: number; citizens: number; cases: number } | null;
  /**
   * Generated caseworkers and provider staff so each carries a realistic load (cases over the history per
   * caseworker). Without it (the demo) every case goes to the named demo staff, so each has a full list.
   */
  casesPerCaseworker: number | null;
  /**
   * Letters: `on-read` stores every letter's text and makes its real PDF when it is first read (what a user opens in
   * the demo; migration 0036); `shared` stores the text of each letter but one placeholder PDF per kind and
   * municipality (the benchmarks read documents without opening them).
   */
  letters: 'on-read' | 'shared';
  /** Weeks of delivered hours kept per order, counted back from its end or today (the pages show 12). */
  hoursWeeks: number;
  /** Provider journal entries per order and month of delivery. */
  journalPerMonth: number;
  /** Staff reads and searches logged around each action (audit rows beside the changes). */
  readsPerAction: number;
  /** The share of follow-ups that continue the support (the rest end it, refer or revisit). */
  continueShare: number;
  /** How many goals (1, 2, 3) an order gets, as weights. */
  goalWeights: readonly [number, number, number];
  /**
   * The share of cases opened in the first 60 days of the history: the caseload a municipality brings along when it
   * starts (the benchmarks' history is bounded by the day the service levels came in force, not by the past).
   */
  backlogShare: number;
};

const DEMO_LOAD: Record<string, MunicipalityLoad> = {
  '730': { citizens: 100, cases: 120, auditRows: null },
  '760': { citizens: 130, cases: 160, auditRows: null },
  '707': { citizens: 70, cases: 80, auditRows: null },
};

/** What the benchmark sizes share: a large municipality's caseload, letters rendered once, a steady state. */
const BENCH_KNOBS = {
  historyDays: 1461,
  casesPerCaseworker: 150,
  letters: 'shared',
  hoursWeeks: 26,
  journalPerMonth: 1,
  readsPerAction: 1,
  continueShare: 0.92,
  goalWeights: [5, 30, 65],
  backlogShare: 0.3,
} satisfies Partial<GeneratorSize>;

export const SIZES: Record<SizeName, GeneratorSize> = {
  demo: {
    name: 'demo',
    historyDays: 730,
    load: DEMO_LOAD,
    extraMunicipalities: null,
    casesPerCaseworker: null,
    letters: 'on-read',
    hoursWeeks: 26,
    journalPerMonth: 1.5,
    readsPerAction: 1,
    continueShare: 0.72,
    goalWeights: [25, 50, 25],
    backlogShare: 0,
  },
  'bench-small': {
    name: 'bench-small',
    // The history of 1,000 cases needs about 56,000 audit rows since the task inbox and decision approval.
    load: { ...DEMO_LOAD, '760': { citizens: 400, cases: 1000, auditRows: 60_000 } },
    extraMunicipalities: { count: 2, citizens: 200, cases: 300 },
    ...BENCH_KNOBS,
  },
  copenhagen: {
    name: 'copenhagen',
    // The history of 100,000 cases needs about 5,700,000 audit rows (57 a case, bench-small's ratio) since the task
    // inbox and decision approval: the 5,000,000 is no longer enough, so the chain is filled to 6,000,000.
    load: { ...DEMO_LOAD, '760': { citizens: 30_000, cases: 100_000, auditRows: 6_000_000 } },
    extraMunicipalities: null,
    ...BENCH_KNOBS,
  },
  national: {
    name: 'national',
    ...BENCH_KNOBS,
    load: DEMO_LOAD,
    // 1,000,000 citizens in all (the demo municipalities hold 300).
    extraMunicipalities: { count: 95, citizens: 999_700, cases: 1_100_000 },
    // Reporting-scale data: a month of hours, no journal notes or reads.
    hoursWeeks: 4,
    journalPerMonth: 0,
    readsPerAction: 0,
  },
};

/**
 * A size with its benchmark municipalities (those with an exact audit count) scaled down, e.g. a tenth of copenhagen
 * to profile the generator; the demo municipalities beside them stay as they are.
 */
export function scaledSize(size: GeneratorSize, factor: number): GeneratorSize {
  const load: Record<string, MunicipalityLoad> = {};
  for (const [code, l] of Object.entries(size.load)) {
    load[code] =
      l.auditRows === null
        ? l
        : {
            citizens: Math.max(50, Math.round(l.citizens * factor)),
            cases: Math.max(50, Math.round(l.cases * factor)),
            auditRows: Math.round(l.auditRows * factor),
          };
  }
  return { ...size, load };
}
