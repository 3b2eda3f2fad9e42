import { z } from 'zod';
import { cprSchema } from '../cpr/cpr.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

/** A relative's or a network person's relation to the citizen. A guardian (værge) is appointed, not consented to. */
export const RELATIONS = ['partner', 'parent', 'child', 'sibling', 'other_family', 'friend', 'guardian', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** What a consent can cover; each is a separate choice, so the consent stays specific (src/rules/consent). */
export const CONSENT_SCOPES = ['contact', 'information', 'letters', 'meetings'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_FORMS = ['written', 'oral', 'digital'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];
export const CONSENT_STATES = ['active', 'not_yet', 'expired', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const relativeInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  relation: z.enum(RELATIONS, { message: 'choose' }),
  phone: optionalText(30),
  email: z
    .union([z.literal(''), z.email()])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  address: optionalText(200),
  note: optionalText(1000),
});
export type RelativeInput = z.infer<typeof relativeInputSchema>;

export const relativeUpdateSchema = relativeInputSchema.extend({ version: z.number().int().min(1) });
export type RelativeUpdate = z.infer<typeof relativeUpdateSchema>;

export const consentInputSchema = z.object({
  scopes: z.array(z.enum(CONSENT_SCOPES)).min(1, { message: 'consent.scopes' }).max(CONSENT_SCOPES.length),
  form: z.enum(CONSENT_FORMS, { message: 'choose' }),
  givenOn: plainDateSchema,
  expiresOn: plainDateSchema
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentWithdrawalSchema = z.object({ withdrawnOn: plainDateSchema });
export type ConsentWithdrawal = z.infer<typeof consentWithdrawalSchema>;

export const consentSchema = z.object({
  id: uuidSchema,
  scopes: z.array(z.enum(CONSENT_SCOPES)),
  form: z.enum(CONSENT_FORMS),
  givenOn: plainDateSchema,
  expiresOn: plainDateSchema.nullable(),
  withdrawnOn: plainDateSchema.nullable(),
  state: z.enum(CONSENT_STATES),
  recordedBy: z.string().nullable(),
});
export type ConsentView = z.infer<typeof consentSchema>;

export const relativeSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  relation: z.enum(RELATIONS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  consents: z.array(consentSchema),
  /** What may be shared with this person today, by the consents in force (src/rules/consent). */
  sharing: z.object({ contact: z.boolean(), information: z.boolean(), letters: z.boolean(), meetings: z.boolean() }),
});
export type RelativeView = z.infer<typeof relativeSchema>;

export const cprLookupRequestSchema = z.object({ cpr: cprSchema });

export const cprLookupSchema = z.object({
  source: z.enum(['demo', 'serviceplatformen', 'none']),
  status: z.enum(['found', 'not_found', 'unavailable', 'exists']),
  /** When the person is already a citizen of the municipality: go there instead of creating. */
  citizenId: uuidSchema.nullable(),
  person: z
    .object({
      cpr: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      address: z.string().nullable(),
      postalCode: z.string().nullable(),
      city: z.string().nullable(),
    })
    .nullable(),
});
export type CprLookupView = z.infer<typeof cprLookupSchema>;
