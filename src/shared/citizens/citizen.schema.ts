import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { cprSchema } from '../cpr/cpr.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

export const citizenSummarySchema = z.object({
  id: uuidSchema,
  cpr: z.string(),
  substituteCpr: z.boolean(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: plainDateSchema,
  city: z.string().nullable(),
});
export type CitizenSummary = z.infer<typeof citizenSummarySchema>;

export const citizenCaseSchema = z.object({ id: uuidSchema, title: z.string(), status: z.string(), openedOn: plainDateSchema });
export type CitizenCase = z.infer<typeof citizenCaseSchema>;
/** How many of a citizen's cases the overview shows on a page. */
export const CITIZEN_CASES_PAGE_SIZE = 20;

export const citizenDetailSchema = citizenSummarySchema.extend({
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  municipalityName: z.string(),
  version: z.number().int(),
  /** The newest cases (the first page of GET /api/citizens/:id/cases); `casesTotal` says how many there are. */
  cases: z.array(citizenCaseSchema),
  casesTotal: z.number().int(),
});
export type CitizenDetail = z.infer<typeof citizenDetailSchema>;

export const citizenSearchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1, { message: 'search.empty' }).max(100),
});
export type CitizenSearchQuery = z.infer<typeof citizenSearchQuerySchema>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const citizenContactSchema = z.object({
  address: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{4})?$/, { message: 'postalCode.invalid' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  city: optionalText(100),
  phone: optionalText(30),
  email: z
    .union([z.literal(''), z.email()])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const citizenCreateSchema = citizenContactSchema.extend({
  cpr: cprSchema,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
});
export type CitizenCreate = z.infer<typeof citizenCreateSchema>;

export const citizenContactUpdateSchema = citizenContactSchema.extend({ version: z.number().int().min(1) });
export type CitizenContactUpdate = z.infer<typeof citizenContactUpdateSchema>;
