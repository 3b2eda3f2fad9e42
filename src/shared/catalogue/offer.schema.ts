import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';

const text = (max = 20_000) => z.string().trim().max(max);

/** What an offer description holds (ydelsesbeskrivelse, seed 000); sections a source lacks stay empty. */
export const offerContentSchema = z.object({
  description: text().default(''),
  purpose: text().default(''),
  targetGroup: text().default(''),
  /** Grundydelse: what the base rate includes. */
  baseService: z.array(text(2000).min(1)).default([]),
  packages: z
    .array(z.object({ priceDkk: z.number().min(0), per: z.enum(['day', 'week', 'month', 'year']), includes: text(2000).min(1) }))
    .default([]),
  methods: z.array(text(500).min(1)).default([]),
  addOns: z.array(text(2000).min(1)).default([]),
  exclusions: z.array(text(2000).min(1)).default([]),
  staff: text().default(''),
  serviceContent: text().default(''),
  documentation: text().default(''),
  qualityStandard: text().default(''),
  address: text(500).default(''),
  updated: text(200).default(''),
});
export type OfferContent = z.infer<typeof offerContentSchema>;

/** Who runs an offer: the municipality, a self-governing institution under an operating agreement, or (bought from)
 * a private provider, another municipality or a region (issue 13: purchases are priced from their rate cards). */
export const OFFER_OWNERS = ['own', 'self_governing', 'private', 'other_municipality', 'region'] as const;
export type OfferOwner = (typeof OFFER_OWNERS)[number];

export const offerSummarySchema = z.object({
  id: uuidSchema,
  municipalityName: z.string(),
  municipalityCode: z.string(),
  key: z.string(),
  name: z.string(),
  centerName: z.string().nullable(),
  owner: z.enum(OFFER_OWNERS),
  providerName: z.string().nullable(),
  legalBases: z.array(z.string()),
  ffbDisplay: z.string().nullable(),
  places: z.number().int().nullable(),
  rateDkk: z.number().nullable(),
  rateUnit: z.enum(['day', 'month', 'year']).nullable(),
});
export type OfferSummary = z.infer<typeof offerSummarySchema>;

export const offerDetailSchema = offerSummarySchema.extend({
  operatingAgreement: z.string().nullable(),
  ffbCode: z.string().nullable(),
  placesNote: z.string().nullable(),
  staffing: z.string().nullable(),
  openingHours: z.string().nullable(),
  content: offerContentSchema,
  source: z.string(),
});
export type OfferDetail = z.infer<typeof offerDetailSchema>;

export const offerListQuerySchema = pageQuerySchema.extend({
  municipality: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  legalBasis: z.string().trim().max(40).optional(),
});
