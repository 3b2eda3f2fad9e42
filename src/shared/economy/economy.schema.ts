import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { OFFER_OWNERS } from '../catalogue/offer.schema.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

/** API schemas of economy and capacity (issue 13): rate cards, budgets, the forecast, capacity, the waiting list. */

export const PRICING_BASES = ['daily', 'hourly', 'module', 'profile'] as const;
export const FINANCING = ['rate', 'frame'] as const;
export const LINE_KINDS = [
  'center_common',
  'purchase_external',
  'purchase_internal',
  'refund',
  'sale',
  'other_authority',
  'operating',
  'provider_sales',
] as const;
export type LineKindName = (typeof LINE_KINDS)[number];

const money = z.number().finite().min(-1e12).max(1e12);
const price = z.number().finite().max(1e9).nullable().default(null);
const yearSchema = z.coerce.number().int().min(2000, { message: 'budget.year' }).max(2100, { message: 'budget.year' });

export const addOnSchema = z.object({
  label: z.string().trim().min(1).max(500),
  amount: z.number().finite().max(1e9),
  per: z.enum(['day', 'week', 'month', 'year']),
  paidBy: z.enum(['citizen', 'buyer']),
});

export const profilePriceSchema = z.object({ code: z.string().trim().min(1).max(10), weeklyPrice: z.number().finite().max(1e9) });

/** A rate card version as entered: prices are checked against the basis and the offer's other versions on the server. */
export const rateCardInputSchema = z.object({
  offerId: uuidSchema,
  year: yearSchema,
  inForceFrom: plainDateSchema,
  inForceTo: plainDateSchema.nullable().default(null),
  basis: z.enum(PRICING_BASES),
  dailyRate: price,
  hourlyRate: price,
  moduleDayRate: price,
  profilePrices: z.array(profilePriceSchema).max(30).default([]),
  addOns: z.array(addOnSchema).max(20).default([]),
  occupancyPct: z.number().finite().nullable().default(null),
  financing: z.enum(FINANCING),
  source: z.string().trim().min(1).max(2000),
  note: z.string().trim().max(2000).default(''),
});
export type RateCardInput = z.infer<typeof rateCardInputSchema>;
export const rateCardUpdateSchema = rateCardInputSchema.extend({ version: z.number().int().min(1) });

export const rateCardSchema = z.object({
  id: uuidSchema,
  offerId: uuidSchema,
  year: z.number().int(),
  inForceFrom: plainDateSchema,
  inForceTo: plainDateSchema.nullable(),
  basis: z.enum(PRICING_BASES),
  dailyRate: z.number().nullable(),
  hourlyRate: z.number().nullable(),
  moduleDayRate: z.number().nullable(),
  profilePrices: z.array(profilePriceSchema),
  addOns: z.array(addOnSchema),
  occupancyPct: z.number().nullable(),
  financing: z.enum(FINANCING),
  source: z.string(),
  invented: z.boolean(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  version: z.number().int(),
});
export type RateCard = z.infer<typeof rateCardSchema>;

export const economyOfferSchema = z.object({
  id: uuidSchema,
  key: z.string(),
  name: z.string(),
  owner: z.enum(OFFER_OWNERS),
  providerName: z.string().nullable(),
  legalBases: z.array(z.string()),
  places: z.number().int().nullable(),
  unitId: uuidSchema.nullable(),
  rates: z.array(rateCardSchema),
});
export type EconomyOffer = z.infer<typeof economyOfferSchema>;

export const unitSchema = z.object({ id: uuidSchema, name: z.string(), kind: z.string(), parentId: uuidSchema.nullable() });

/** Budget lines (a form, or a finance-system import) and the printed subtotals they are checked against. */
export const budgetLineInputSchema = z.object({
  year: yearSchema,
  unitId: uuidSchema,
  kind: z.enum(LINE_KINDS, { message: 'budget.kind.unknown' }),
  offerId: uuidSchema.nullable().default(null),
  groupId: uuidSchema.nullable().default(null),
  label: z.string().trim().min(1).max(300),
  amount: money,
});
export type BudgetLineInput = z.infer<typeof budgetLineInputSchema>;

export const budgetLineSchema = z.object({
  id: uuidSchema,
  year: z.number().int(),
  unitId: uuidSchema,
  unitName: z.string(),
  kind: z.enum(LINE_KINDS),
  offerId: uuidSchema.nullable(),
  offerName: z.string().nullable(),
  groupId: uuidSchema.nullable(),
  label: z.string(),
  amount: z.number(),
  invented: z.boolean(),
  source: z.string().nullable(),
  version: z.number().int(),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const budgetGroupInputSchema = z.object({
  year: yearSchema,
  parentId: uuidSchema.nullable().default(null),
  label: z.string().trim().min(1).max(300),
  printedAmount: money.nullable().default(null),
  position: z.number().int().min(0).max(10_000).default(0),
});

export const budgetGroupSchema = z.object({
  id: uuidSchema,
  parentId: uuidSchema.nullable(),
  label: z.string(),
  printed: z.number().nullable(),
  computed: z.number(),
  difference: z.number().nullable(),
  position: z.number().int(),
  source: z.string().nullable(),
});
export type BudgetGroup = z.infer<typeof budgetGroupSchema>;

export const budgetSchema = z.object({
  year: z.number().int(),
  lines: z.array(budgetLineSchema),
  groups: z.array(budgetGroupSchema),
  total: z.number(),
  years: z.array(z.number().int()),
});
export type Budget = z.infer<typeof budgetSchema>;

/** A CSV file from the finance system, sent as text (the browser reads the file). */
export const financeImportSchema = z.object({
  fileName: z.string().trim().min(1).max(300),
  content: z.string().min(1, { message: 'import.empty' }).max(20_000_000),
});
export const financeImportResultSchema = z.object({
  importId: uuidSchema,
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
});

export const FORECAST_VIEWS = ['line', 'unit', 'offer'] as const;
export const forecastQuerySchema = z.object({
  year: yearSchema,
  asOf: plainDateSchema.optional(),
  by: z.enum(FORECAST_VIEWS).default('line'),
});

export const forecastRowSchema = z.object({
  key: z.string(),
  unitId: uuidSchema.nullable(),
  unitName: z.string().nullable(),
  kind: z.enum(LINE_KINDS).nullable(),
  offerId: uuidSchema.nullable(),
  offerName: z.string().nullable(),
  budget: z.number(),
  actual: z.number(),
  committed: z.number(),
  forecast: z.number(),
  variance: z.number(),
  method: z.enum(['grants', 'pro_rata', 'mixed']),
  grants: z.number().int(),
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

export const forecastSchema = z.object({
  year: z.number().int(),
  asOf: plainDateSchema,
  by: z.enum(FORECAST_VIEWS),
  rows: z.array(forecastRowSchema),
  total: forecastRowSchema.omit({
    key: true,
    unitId: true,
    unitName: true,
    kind: true,
    offerId: true,
    offerName: true,
    method: true,
  }),
  months: z.array(z.object({ month: z.number().int(), budget: z.number(), actual: z.number().nullable(), forecast: z.number() })),
  runningGrants: z.number().int(),
  carriedRates: z.number().int(),
  unpricedGrants: z.number().int(),
  /** May the reader open the grants behind a row (economy.detail)? */
  drillDown: z.boolean(),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const forecastGrantsQuerySchema = pageQuerySchema.extend({
  year: yearSchema,
  asOf: plainDateSchema.optional(),
  unitId: uuidSchema.optional(),
  kind: z.enum(LINE_KINDS).optional(),
  offerId: uuidSchema.optional(),
});

export const forecastGrantSchema = z.object({
  orderId: uuidSchema,
  caseId: uuidSchema,
  citizenName: z.string(),
  offerName: z.string(),
  legalBasis: z.string(),
  kind: z.enum(LINE_KINDS),
  frame: z.string(),
  from: plainDateSchema,
  to: plainDateSchema,
  endReason: z.enum(['ended', 'time_limit', 'legal_limit', 'continuation']).nullable(),
  committed: z.number(),
  carried: z.boolean(),
});
export type ForecastGrant = z.infer<typeof forecastGrantSchema>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const forecastExportQuerySchema = forecastQuerySchema.extend({ format: z.enum(EXPORT_FORMATS) });

/** Capacity: places, occupancy from active orders and sold places, vacant places, the waiting list's length. */
export const capacityQuerySchema = z.object({ on: plainDateSchema.optional(), year: yearSchema.optional() });
export const capacityOfferSchema = z.object({
  offerId: uuidSchema,
  name: z.string(),
  legalBases: z.array(z.string()),
  owner: z.enum(OFFER_OWNERS),
  places: z.number().int().nullable(),
  occupied: z.number().int(),
  vacant: z.number().int().nullable(),
  reserved: z.number().int(),
  pct: z.number().nullable(),
  over: z.boolean(),
  averagePct: z.number().nullable(),
  daysOver: z.number().int(),
  waiting: z.number().int(),
  assumedOccupancyPct: z.number().nullable(),
  months: z.array(z.object({ month: z.string(), averagePct: z.number().nullable(), peak: z.number().int() })),
});
export type CapacityOffer = z.infer<typeof capacityOfferSchema>;
export const capacitySchema = z.object({ on: plainDateSchema, year: z.number().int(), offers: z.array(capacityOfferSchema) });
export type Capacity = z.infer<typeof capacitySchema>;

/** The waiting list. */
export const WAITING_STATUSES = ['waiting', 'offered', 'accepted', 'withdrawn'] as const;
export const waitingEntryInputSchema = z.object({
  citizenId: uuidSchema,
  caseId: uuidSchema.nullable().default(null),
  legalBasis: z.string().trim().min(3).max(60),
  offerId: uuidSchema.nullable().default(null),
  decidedOn: plainDateSchema,
  neededFrom: plainDateSchema,
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  note: z.string().trim().max(2000).default(''),
});
export type WaitingEntryInput = z.infer<typeof waitingEntryInputSchema>;

export const waitingActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('offer'),
    version: z.number().int().min(1),
    offerId: uuidSchema,
    on: plainDateSchema,
    answerBy: plainDateSchema.nullable().default(null),
    note: z.string().trim().max(2000).default(''),
  }),
  z.object({
    action: z.literal('accept'),
    version: z.number().int().min(1),
    on: plainDateSchema,
    startOn: plainDateSchema,
    note: z.string().trim().max(2000).default(''),
  }),
  z.object({
    action: z.literal('decline'),
    version: z.number().int().min(1),
    on: plainDateSchema,
    note: z.string().trim().max(2000).default(''),
  }),
  z.object({
    action: z.literal('withdraw'),
    version: z.number().int().min(1),
    on: plainDateSchema,
    note: z.string().trim().min(1).max(2000),
  }),
  z.object({
    action: z.literal('reprioritise'),
    version: z.number().int().min(1),
    on: plainDateSchema,
    priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    note: z.string().trim().max(2000).default(''),
  }),
]);
export type WaitingAction = z.infer<typeof waitingActionSchema>;

export const waitingEntrySchema = z.object({
  id: uuidSchema,
  citizenId: uuidSchema.nullable(),
  citizenName: z.string().nullable(),
  caseId: uuidSchema.nullable(),
  legalBasis: z.string(),
  offerId: uuidSchema.nullable(),
  offerName: z.string().nullable(),
  decidedOn: plainDateSchema,
  neededFrom: plainDateSchema,
  priority: z.number().int(),
  status: z.enum(WAITING_STATUSES),
  offeredOfferId: uuidSchema.nullable(),
  offeredOfferName: z.string().nullable(),
  offeredOn: plainDateSchema.nullable(),
  answerBy: plainDateSchema.nullable(),
  startOn: plainDateSchema.nullable(),
  closedOn: plainDateSchema.nullable(),
  declines: z.number().int(),
  waitingDays: z.number().int(),
  version: z.number().int(),
});
export type WaitingEntry = z.infer<typeof waitingEntrySchema>;

export const waitingListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  legalBasis: z.string().trim().max(60).optional(),
  offerId: uuidSchema.optional(),
});

export const waitingListSchema = z.object({
  items: z.array(waitingEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  stats: z.object({
    open: z.number().int(),
    averageOpenDays: z.number().nullable(),
    longestOpenDays: z.number().nullable(),
    placed: z.number().int(),
    medianPlacedDays: z.number().nullable(),
  }),
  /** Names are shown only to those who may see them (waiting_list.read); others see counts. */
  named: z.boolean(),
});
export type WaitingList = z.infer<typeof waitingListSchema>;

/** A place sold to another municipality, which acts and pays (retssikkerhedsloven §§ 9–9 c). */
export const placeSaleInputSchema = z.object({
  offerId: uuidSchema,
  payingMunicipalityCode: z
    .string({ message: 'sale.payingMunicipality' })
    .trim()
    .regex(/^\d{3}$/, { message: 'sale.payingMunicipality' }),
  payingMunicipalityName: z
    .string({ message: 'sale.payingMunicipality' })
    .trim()
    .min(2, { message: 'sale.payingMunicipality' })
    .max(200),
  buyerReference: z.string().trim().max(200).default(''),
  citizenLabel: z.string().trim().max(100).default(''),
  fromDate: plainDateSchema,
  toDate: plainDateSchema.nullable().default(null),
  weeklyHours: z.number().min(0).max(168).nullable().default(null),
  moduleDays: z.number().int().min(1).max(5).nullable().default(null),
  profileCode: z.string().trim().max(10).nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});
export type PlaceSaleInput = z.infer<typeof placeSaleInputSchema>;
export const placeSaleSchema = z.object({
  id: uuidSchema,
  offerId: uuidSchema,
  offerName: z.string(),
  payingMunicipalityCode: z.string(),
  payingMunicipalityName: z.string(),
  buyerReference: z.string().nullable(),
  citizenLabel: z.string().nullable(),
  fromDate: plainDateSchema,
  toDate: plainDateSchema.nullable(),
  annualPrice: z.number(),
  invented: z.boolean(),
});
export type PlaceSale = z.infer<typeof placeSaleSchema>;

/** Purchases and sales of places, priced from the rate cards. */
export const tradeSchema = z.object({
  direction: z.enum(['purchase', 'sale']),
  offerId: uuidSchema,
  offerName: z.string(),
  owner: z.enum(OFFER_OWNERS),
  counterpart: z.string(),
  places: z.number().int(),
  annualCost: z.number(),
  yearCost: z.number(),
});
export const tradesSchema = z.object({ year: z.number().int(), items: z.array(tradeSchema) });

/** The what-if of a draft service level. */
export const whatIfInputSchema = z.object({
  versionId: uuidSchema,
  on: plainDateSchema.optional(),
  hoursChange: z.number().min(-40).max(40).default(0),
  rateOverrides: z
    .array(
      z.object({
        offerId: uuidSchema,
        dailyRate: z.number().positive({ message: 'rateCard.positive' }).optional(),
        hourlyRate: z.number().positive({ message: 'rateCard.positive' }).optional(),
        moduleDayRate: z.number().positive({ message: 'rateCard.positive' }).optional(),
        profilePrices: z.array(profilePriceSchema).max(30).optional(),
      }),
    )
    .max(100)
    .default([]),
});
export type WhatIfInput = z.infer<typeof whatIfInputSchema>;

const bandSchema = z.object({ code: z.string(), above: z.number(), upTo: z.number() });
export const whatIfSchema = z.object({
  descriptionTitle: z.string(),
  legalBasis: z.string(),
  draftNumber: z.number().int(),
  currentNumber: z.number().int().nullable(),
  on: plainDateSchema,
  hoursChange: z.number(),
  bands: z.object({ current: z.array(bandSchema), draft: z.array(bandSchema) }),
  exclusions: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
  offers: z.array(
    z.object({
      offerId: uuidSchema,
      offerName: z.string(),
      grants: z.number().int(),
      moved: z.number().int(),
      citizensMoved: z.number().int(),
      before: z.number(),
      after: z.number(),
      delta: z.number(),
    }),
  ),
  total: z.object({
    grants: z.number().int(),
    moved: z.number().int(),
    citizensMoved: z.number().int(),
    before: z.number(),
    after: z.number(),
    delta: z.number(),
  }),
  moves: z.array(
    z.object({
      grantId: uuidSchema,
      citizenName: z.string().nullable(),
      offerName: z.string(),
      hoursBefore: z.number().nullable(),
      hoursAfter: z.number().nullable(),
      profileBefore: z.string().nullable(),
      profileAfter: z.string().nullable(),
      outsideDraft: z.boolean(),
      before: z.number(),
      after: z.number(),
      delta: z.number(),
    }),
  ),
  /** Citizens' names are shown only to those who may see the grants (economy.detail). */
  named: z.boolean(),
});
export type WhatIf = z.infer<typeof whatIfSchema>;

/** The calculators. */
export const refundCalcSchema = z.object({
  yearlyCost: z.number().min(0).max(1e9),
  year: yearSchema,
  age: z.number().int().min(18).max(130),
  coveredBefore67: z.boolean().default(false),
});
export const selfPayment108CalcSchema = z.object({
  annualIncome: z.number().min(0).max(1e8),
  year: yearSchema,
  singlePensioner: z.boolean().default(false),
});
export const transport103CalcSchema = z.object({
  distanceKm: z.number().min(0).max(1000),
  pricePerKm: z.number().min(0).max(1000),
  daysPerMonth: z.number().int().min(0).max(31),
  monthlyEarningsAfterTax: z.number().min(0).max(1e7),
});

/** The price basis shown at the proposal and the decision (information for the caseworker, never in a letter). */
export const ladderPriceSchema = z.object({
  legalBasis: z.string(),
  start: plainDateSchema,
  frame: z.object({ weeklyHours: z.number().nullable(), moduleDays: z.number().nullable(), profileCode: z.string().nullable() }),
  rungs: z.array(
    z.object({
      position: z.enum(['proposed', 'next']),
      step: z.string(),
      offers: z.array(
        z.object({
          offerId: uuidSchema,
          name: z.string(),
          annual: z.number(),
          basis: z.enum(PRICING_BASES).nullable(),
          carried: z.boolean(),
        }),
      ),
      min: z.number().nullable(),
      max: z.number().nullable(),
    }),
  ),
});
export type LadderPrice = z.infer<typeof ladderPriceSchema>;
export const ladderPriceQuerySchema = z.object({
  legalBasis: z.string().trim().min(3).max(60),
  weeklyHours: z.coerce.number().min(0).max(168).optional(),
  moduleDays: z.coerce.number().int().min(1).max(5).optional(),
  profileCode: z.string().trim().max(10).optional(),
  start: plainDateSchema.optional(),
});
