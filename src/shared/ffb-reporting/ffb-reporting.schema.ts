import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

/** FFB reporting to KL (kl.dk.fhir.ffbreporting 1.0.0): the administrator's view of the deliveries. */
export const DELIVERY_STATUSES = ['refused', 'pending', 'accepted', 'rejected', 'failed', 'held'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliveryListQuerySchema = pageQuerySchema.extend({
  day: plainDateSchema.optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
});

const localised = z.object({ da: z.string(), en: z.string() });
export const violationSchema = z.object({
  rule: z.string(),
  resource: z.string(),
  message: localised,
  value: z.string().optional(),
});
export type Violation = z.infer<typeof violationSchema>;

export const deliveryItemSchema = z.object({
  id: uuidSchema,
  citizenId: uuidSchema,
  citizenName: z.string(),
  cpr: z.string(),
  reportDay: plainDateSchema,
  status: z.enum(DELIVERY_STATUSES),
  resourceCount: z.number().int(),
  bytes: z.number().int(),
  attempts: z.number().int(),
  gatewayStatus: z.number().int().nullable(),
  gatewayCodes: z.array(z.string()),
  /** The first rules a refused report breaks. */
  rules: z.array(z.string()),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  guideVersion: z.string(),
  ffbVersion: z.string(),
});
export type DeliveryItem = z.infer<typeof deliveryItemSchema>;

export const deliveryDetailSchema = deliveryItemSchema.extend({
  violations: z.array(violationSchema),
  fhirVersion: z.string(),
  bundle: z.unknown(),
  gatewayResponse: z.unknown(),
  attempts: z.number().int(),
  history: z.array(
    z.object({
      attemptedAt: z.string(),
      target: z.string(),
      sentBy: z.string(),
      httpStatus: z.number().int().nullable(),
      outcome: z.enum(['accepted', 'rejected', 'failed']),
      gatewayCodes: z.array(z.string()),
      error: z.string().nullable(),
    }),
  ),
});
export type DeliveryDetail = z.infer<typeof deliveryDetailSchema>;

export const daySummarySchema = z.object({
  day: plainDateSchema,
  reports: z.number().int(),
  resources: z.number().int(),
  bytes: z.number().int(),
  byStatus: z.array(z.object({ status: z.enum(DELIVERY_STATUSES), reports: z.number().int() })),
});
export type DaySummary = z.infer<typeof daySummarySchema>;

export const reportingSettingsSchema = z.object({
  version: z.number().int().min(1),
  organisationCode: uuidSchema.nullable(),
  gatewayUrl: z
    .string()
    .trim()
    .max(2000)
    .regex(/^https?:\/\/\S+$/, { message: 'url.invalid' })
    .nullable(),
  enabled: z.boolean(),
  caseNumberSystem: z.string().trim().min(1).max(500),
});
export type ReportingSettings = z.infer<typeof reportingSettingsSchema>;

export const reportingSettingsViewSchema = reportingSettingsSchema.extend({
  deliveredUntil: z.string().nullable(),
  guideVersion: z.string(),
  ffbVersion: z.string(),
});
export type ReportingSettingsView = z.infer<typeof reportingSettingsViewSchema>;

export const runResultSchema = z.object({
  citizens: z.number().int(),
  resources: z.number().int(),
  changed: z.number().int(),
  reports: z.number().int(),
  refused: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
});
export type RunResult = z.infer<typeof runResultSchema>;
