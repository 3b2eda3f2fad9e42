import { z } from 'zod';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

/**
 * API schemas of agreement management (issue 14, seed 003): the council's agreements with its centers, their goals,
 * goal values measured from the cases or entered from outside sources, status reports to the social committee and
 * shelter stays (SEL § 110).
 */

/** Måltemaer (seed 003, afsnit 1.1). */
export const AGREEMENT_THEMES = ['mastery', 'education_employment', 'health', 'social_life'] as const;
export type AgreementTheme = (typeof AGREEMENT_THEMES)[number];
/** National goals (also budget goals), center goals and offer goals (seed 003, afsnit 3.1–3.2). */
export const GOAL_LEVELS = ['national', 'center', 'offer'] as const;
export type GoalLevel = (typeof GOAL_LEVELS)[number];
export const GOAL_UNITS = ['percent', 'count', 'text'] as const;
export const DIRECTIONS = ['increase', 'decrease'] as const;
export const MEASURE_KEYS = ['fko_keep_or_gain', 'fko_gain', 'shelter_long_stays', 'shelter_youth_housing'] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];
export const REPORT_KINDS = ['midway', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const TRENDS = ['better', 'worse', 'unchanged', 'unknown'] as const;
export const ATTAINMENTS = ['met', 'on_way', 'not_met', 'unknown'] as const;
export const STAY_OUTCOMES = [
  'own_home',
  'housing_offer',
  'transitional_home',
  'other_shelter',
  'hospital_or_treatment',
  'prison',
  'family_or_friends',
  'street',
  'died',
  'unknown',
] as const;
export type StayOutcome = (typeof STAY_OUTCOMES)[number];

export const THEME_LABELS: Record<AgreementTheme, { da: string; en: string }> = {
  mastery: { da: 'Mestring af eget liv', en: 'Mastery of one’s own life' },
  education_employment: { da: 'Uddannelse og beskæftigelse', en: 'Education and employment' },
  health: { da: 'Sundhed', en: 'Health' },
  social_life: { da: 'Socialt liv', en: 'Social life' },
};

const text = (max: number) => z.string().trim().max(max);
const pct = z.number().finite().min(-1e9).max(1e9);

/** A value as shown: counts of 1–4 citizens are withheld (`suppressed`), a small N is said to be small. */
export const disclosedSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  suppressed: z.boolean(),
  smallN: z.boolean(),
});

export const measurementSchema = disclosedSchema.extend({
  id: uuidSchema,
  periodFrom: plainDateSchema,
  periodTo: plainDateSchema,
  origin: z.enum(['measured', 'entered']),
  measureKey: z.enum(MEASURE_KEYS).nullable(),
  definitionVersion: z.number().int().nullable(),
  source: z.string(),
  sourceDate: plainDateSchema.nullable(),
  computedAt: z.string(),
  recordedByName: z.string(),
  breakdown: z.array(disclosedSchema.extend({ key: z.string(), label: z.string() })),
});
export type Measurement = z.infer<typeof measurementSchema>;

export const goalSchema = z.object({
  id: uuidSchema,
  agreementId: uuidSchema,
  position: z.number().int(),
  level: z.enum(GOAL_LEVELS),
  theme: z.enum(AGREEMENT_THEMES),
  heading: z.string().nullable(),
  title: z.string(),
  unit: z.enum(GOAL_UNITS),
  direction: z.enum(DIRECTIONS),
  baselineValue: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  baselineN: z.number().int().nullable(),
  baselineNLabel: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetChangePp: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  /** The target as given or derived from the baseline and the change in percentage points. */
  target: z.number().nullable(),
  dataSource: z.string(),
  measureKey: z.enum(MEASURE_KEYS).nullable(),
  definition: z.string(),
  definitionVersion: z.number().int(),
  sourceRef: z.string(),
  invented: z.boolean(),
  units: z.array(z.object({ id: uuidSchema, name: z.string() })),
  latest: measurementSchema.nullable(),
  trend: z.enum(TRENDS),
  attainment: z.enum(ATTAINMENTS),
  version: z.number().int(),
});
export type Goal = z.infer<typeof goalSchema>;

export const reportSummarySchema = z.object({
  id: uuidSchema,
  kind: z.enum(REPORT_KINDS),
  reportVersion: z.number().int(),
  state: z.enum(['draft', 'issued']),
  periodFrom: plainDateSchema,
  periodTo: plainDateSchema,
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
  issuedByName: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const agreementSummarySchema = z.object({
  id: uuidSchema,
  unitId: uuidSchema,
  unitName: z.string(),
  title: z.string(),
  periodFrom: plainDateSchema,
  periodTo: plainDateSchema,
  approvedBy: z.string().nullable(),
  source: z.string(),
  invented: z.boolean(),
  goalCount: z.number().int(),
});
export type AgreementSummary = z.infer<typeof agreementSummarySchema>;

export const agreementSchema = agreementSummarySchema.extend({
  goals: z.array(goalSchema),
  reports: z.array(reportSummarySchema),
  /** Units of the municipality that a goal may name as sharing it (the center's offers and departments). */
  offerUnits: z.array(z.object({ id: uuidSchema, name: z.string() })),
});
export type Agreement = z.infer<typeof agreementSchema>;

const baseGoalInput = z.object({
  level: z.enum(GOAL_LEVELS, { message: 'choose' }),
  theme: z.enum(AGREEMENT_THEMES, { message: 'choose' }),
  heading: text(300).nullable().default(null),
  title: text(2000).min(3, { message: 'required' }),
  unit: z.enum(GOAL_UNITS, { message: 'choose' }),
  direction: z.enum(DIRECTIONS, { message: 'choose' }),
  baselineValue: pct.nullable().default(null),
  baselinePeriod: text(100).nullable().default(null),
  baselineN: z.number().int().min(1, { message: 'agreement.n' }).max(10_000_000).nullable().default(null),
  baselineNLabel: text(50).nullable().default(null),
  targetValue: pct.nullable().default(null),
  targetChangePp: z.number().finite().min(0, { message: 'agreement.changePp' }).max(100).nullable().default(null),
  targetYear: z
    .number()
    .int()
    .min(2000, { message: 'agreement.year' })
    .max(2100, { message: 'agreement.year' })
    .nullable()
    .default(null),
  dataSource: text(1000).min(2, { message: 'required' }),
  measureKey: z.enum(MEASURE_KEYS).nullable().default(null),
  definition: text(4000).min(2, { message: 'required' }),
  sourceRef: text(500).min(2, { message: 'required' }),
  unitIds: z.array(uuidSchema).max(20).default([]),
});
export const goalInputSchema = baseGoalInput;
export type GoalInput = z.infer<typeof goalInputSchema>;
export const goalUpdateSchema = baseGoalInput.extend({ version: z.number().int().min(1) });
export type GoalUpdate = z.infer<typeof goalUpdateSchema>;

export const periodSchema = z.object({ periodFrom: plainDateSchema, periodTo: plainDateSchema });

/** A value from an outside source (Danmarks Statistik, VIVE, treatment registers), with the source and its date. */
export const externalValueInputSchema = z.object({
  periodFrom: plainDateSchema,
  periodTo: plainDateSchema,
  value: z.number({ message: 'number.invalid' }).finite().min(-1e9).max(1e9),
  denominator: z.number().int().min(1, { message: 'agreement.n' }).max(10_000_000).nullable().default(null),
  source: text(1000).min(2, { message: 'required' }),
  sourceDate: plainDateSchema,
});
export type ExternalValueInput = z.infer<typeof externalValueInputSchema>;

export const reportGoalSchema = z.object({
  goalId: uuidSchema,
  position: z.number().int(),
  level: z.enum(GOAL_LEVELS),
  theme: z.enum(AGREEMENT_THEMES),
  heading: z.string().nullable(),
  title: z.string(),
  unit: z.enum(GOAL_UNITS),
  direction: z.enum(DIRECTIONS),
  baselineValue: z.number().nullable(),
  baselinePeriod: z.string().nullable(),
  baselineN: z.number().int().nullable(),
  baselineNLabel: z.string().nullable(),
  target: z.number().nullable(),
  targetYear: z.number().int().nullable(),
  dataSource: z.string(),
  definitionVersion: z.number().int(),
  measurement: measurementSchema.nullable(),
  /** The value at the previous status (issued), for the trend. */
  previousValue: z.number().nullable(),
  trend: z.enum(TRENDS),
  attainment: z.enum(ATTAINMENTS),
  comment: z.string(),
  commentVersion: z.number().int(),
});
export type ReportGoal = z.infer<typeof reportGoalSchema>;

export const reportSchema = reportSummarySchema.extend({
  agreementId: uuidSchema,
  agreementTitle: z.string(),
  unitName: z.string(),
  createdByName: z.string(),
  goals: z.array(reportGoalSchema),
  version: z.number().int(),
});
export type Report = z.infer<typeof reportSchema>;

export const reportInputSchema = z.object({ kind: z.enum(REPORT_KINDS, { message: 'choose' }) });
export const commentInputSchema = z.object({ comment: text(4000), version: z.number().int().min(1) });
export const issueInputSchema = z.object({ version: z.number().int().min(1) });

export const stayInputSchema = z.object({
  citizenId: uuidSchema,
  offerId: uuidSchema.nullable().default(null),
  shelterName: text(200).min(2, { message: 'required' }),
  arrivedOn: plainDateSchema,
});
export type StayInput = z.infer<typeof stayInputSchema>;
export const departureInputSchema = z.object({
  leftOn: plainDateSchema,
  outcome: z.enum(STAY_OUTCOMES, { message: 'choose' }),
  version: z.number().int().min(1),
});
export type DepartureInput = z.infer<typeof departureInputSchema>;
export const staySchema = z.object({
  id: uuidSchema,
  citizenId: uuidSchema,
  citizenName: z.string(),
  offerId: uuidSchema.nullable(),
  shelterName: z.string(),
  arrivedOn: plainDateSchema,
  leftOn: plainDateSchema.nullable(),
  outcome: z.enum(STAY_OUTCOMES).nullable(),
  days: z.number().int(),
  registeredByName: z.string(),
  version: z.number().int(),
});
export type Stay = z.infer<typeof staySchema>;

export const goalDetailSchema = z.object({
  agreementTitle: z.string(),
  agreementPeriodFrom: plainDateSchema,
  agreementPeriodTo: plainDateSchema,
  goal: goalSchema,
  /** Every value of the goal, newest first. */
  values: z.array(measurementSchema),
});
export type GoalDetail = z.infer<typeof goalDetailSchema>;

/** Filters of the management dashboards: period, center, offer and paragraph. */
export const dashboardQuerySchema = z.object({
  from: plainDateSchema,
  to: plainDateSchema,
  unitId: uuidSchema.optional(),
  offerId: uuidSchema.optional(),
  paragraph: z.string().trim().max(20).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const DEADLINE_KINDS_SHOWN = ['receipt', 'decision', 'decision_day_offer', 'start'] as const;

export const deadlineDashboardSchema = z.object({
  from: plainDateSchema,
  to: plainDateSchema,
  today: plainDateSchema,
  kinds: z.array(
    z.object({
      kind: z.enum(DEADLINE_KINDS_SHOWN),
      met: z.number().int(),
      metInTime: z.number().int().nullable(),
      keptPct: z.number().nullable(),
      medianDays: z.number().nullable(),
      p90Days: z.number().nullable(),
      overdue: z.number().int().nullable(),
    }),
  ),
  caseload: z.array(z.object({ caseworkerId: uuidSchema.nullable(), name: z.string(), open: z.number().int() })),
  complaints: z.object({
    received: z.number().int().nullable(),
    decidedByAnkestyrelsen: z.number().int(),
    changedOrRemitted: z.number().int().nullable(),
    changedOrRemittedPct: z.number().nullable(),
  }),
});
export type DeadlineDashboard = z.infer<typeof deadlineDashboardSchema>;

export const strategyDashboardSchema = z.object({
  from: plainDateSchema,
  to: plainDateSchema,
  quarters: z.array(
    z.object({
      quarter: z.string(),
      ownHome: z.number().int().nullable(),
      temporary: z.number().int().nullable(),
      longTerm: z.number().int().nullable(),
      ownHomePct: z.number().nullable(),
      movedDown: z.number().int().nullable(),
      endedWithProgressPct: z.number().nullable(),
      fkoKeptOrGainedPct: z.number().nullable(),
      fkoGoals: z.number().int(),
    }),
  ),
  byOffer: z.array(
    z.object({
      offerId: uuidSchema,
      name: z.string(),
      citizens: z.number().int().nullable(),
      fkoKeptOrGainedPct: z.number().nullable(),
      fkoGoals: z.number().int(),
    }),
  ),
  centers: z.array(z.object({ id: uuidSchema, name: z.string() })),
  offers: z.array(z.object({ id: uuidSchema, name: z.string() })),
});
export type StrategyDashboard = z.infer<typeof strategyDashboardSchema>;
