import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

const text = (max = 20_000) => z.string().trim().max(max);

/** An hour band as a municipality sets it: (above, upTo] weekly ATA hours (see docs/GLOSSARY.md). */
export const profileBandSchema = z.object({
  code: z.string().trim().min(1).max(10),
  above: z.number().min(0).max(168),
  upTo: z.number().min(0).max(168),
  severity: text(100).optional(),
  vumCategories: z
    .array(z.enum(['A', 'B', 'C', 'D', 'E']))
    .max(5)
    .optional(),
  description: text().optional(),
});

/** A complaint address: written, Digital Post and e-mail routes (see `complaints` below). */
export const complaintContactSchema = z.object({
  name: text(200).min(1),
  unit: text(200).nullable().default(null),
  address: text(200).nullable().default(null),
  postalCode: z
    .string()
    .regex(/^\d{4}$/, { message: 'postalCode.invalid' })
    .nullable()
    .default(null),
  city: text(100).nullable().default(null),
  email: z.email().nullable().default(null),
  digitalPost: text(200).nullable().default(null),
});
export type ComplaintContactContent = z.infer<typeof complaintContactSchema>;

/**
 * The sections of a service description (serviceniveaubeskrivelse, seed 001) and of a quality standard
 * (kvalitetsstandard, seed 004). One schema for both: sections a document does not have stay empty.
 */
export const catalogueContentSchema = z.object({
  purpose: text().min(1),
  legalBasisText: text().default(''),
  targetGroup: text().min(1),
  remarks: text().default(''),
  scope: text().default(''),
  timeLimits: text().default(''),
  typicalTasks: z
    .array(z.object({ area: text(200).min(1), tasks: z.array(text(2000).min(1)).max(100) }))
    .max(50)
    .default([]),
  notCovered: z.array(text(2000).min(1)).max(100).default([]),
  delivery: text().default(''),
  workEnvironment: text().default(''),
  places: text().default(''),
  contacts: text().default(''),
  qualityGoals: z.array(text(2000).min(1)).max(50).default([]),
  activities: z.array(text(2000).min(1)).max(100).default([]),
  citizenOwnTasks: text().default(''),
  guidelineTime: text().default(''),
  duration: text().default(''),
  /** How support is allotted (ressourcetildeling): ATA hours, base budget, packages (seed 001). */
  resourceAllocation: text().default(''),
  profileBands: z.array(profileBandSchema).max(30).default([]),
  /** Day offers (SEL §§ 103, 104): modules of days a week, opening weeks, transport (seed 001). */
  modules: text().default(''),
  /**
   * Where a complaint about a decision under this service level goes (seed 001 "Klage"): the unit and address for a
   * written complaint, the Digital Post recipient, an e-mail if the municipality gives one. Decision letters print it
   * in the complaint guidance; without it they use the municipality's own address.
   */
  complaints: complaintContactSchema.nullable().default(null),
  /** Profiles described in words, without hour bands (the three profiles of §§ 103 and 104). */
  describedProfiles: z
    .array(z.object({ code: text(10).min(1), description: text().min(1) }))
    .max(20)
    .default([]),
});
export type CatalogueContent = z.infer<typeof catalogueContentSchema>;

export const CATALOGUE_KINDS = ['service_level', 'quality_standard'] as const;

export const versionPhaseSchema = z.enum(['draft', 'scheduled', 'in_force', 'superseded']);

export const versionSummarySchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  phase: versionPhaseSchema,
  inForceFrom: plainDateSchema.nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedByBody: z.string().nullable(),
  /** Who prepared the draft; the approver is someone else (four eyes). */
  preparedByName: z.string().nullable(),
  changeNote: z.string().nullable(),
  lockVersion: z.number().int(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const serviceDescriptionSummarySchema = z.object({
  id: uuidSchema,
  municipalityName: z.string(),
  municipalityCode: z.string(),
  key: z.string(),
  kind: z.enum(CATALOGUE_KINDS),
  legalBasis: z.string(),
  title: z.string(),
  ffbCode: z.string().nullable(),
  ffbDisplay: z.string().nullable(),
  inForce: versionSummarySchema.nullable(),
});
export type ServiceDescriptionSummary = z.infer<typeof serviceDescriptionSummarySchema>;

export const serviceDescriptionDetailSchema = serviceDescriptionSummarySchema.extend({
  shownVersion: versionSummarySchema.extend({ content: catalogueContentSchema }).nullable(),
  versions: z.array(versionSummarySchema),
  /** The administrator's view only: whether the one asking prepared the open draft (and so cannot approve it). */
  fourEyes: z.object({ youPreparedTheDraft: z.boolean() }).optional(),
});
export type ServiceDescriptionDetail = z.infer<typeof serviceDescriptionDetailSchema>;

export const catalogueListQuerySchema = pageQuerySchema.extend({
  municipality: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  legalBasis: z.string().trim().max(40).optional(),
  ffb: z.string().trim().max(60).optional(),
  q: z.string().trim().max(100).optional(),
  targetGroup: z.string().trim().max(100).optional(),
  on: plainDateSchema.optional(),
});

export const catalogueOnQuerySchema = z.object({
  on: plainDateSchema.optional(),
  version: z.coerce.number().int().min(1).optional(),
});

export const createServiceDescriptionSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,60}$/, { message: 'catalogue.key' }),
  kind: z.enum(CATALOGUE_KINDS),
  legalBasis: z.string().trim().min(3).max(40),
  title: z.string().trim().min(1).max(200),
  ffbCode: z.string().trim().min(1).max(60).nullable().default(null),
  content: catalogueContentSchema,
});

export const updateDraftSchema = z.object({
  content: catalogueContentSchema,
  changeNote: z.string().trim().max(2000).nullable().default(null),
  lockVersion: z.number().int().min(1),
});

export const approveVersionSchema = z.object({
  inForceFrom: plainDateSchema,
  approvedByBody: z.string().trim().min(1).max(200),
  lockVersion: z.number().int().min(1),
});

export const ffbCodeSchema = z.object({
  code: z.string(),
  display: z.string(),
  path: z.string(),
  root: z.string(),
  legalBasis: z.string().nullable(),
  isLocal: z.boolean(),
  systemVersion: z.string(),
});
export type FfbCode = z.infer<typeof ffbCodeSchema>;

export const ffbQuerySchema = pageQuerySchema.extend({
  root: z.string().trim().max(60).optional(),
  under: z.string().trim().max(200).optional(),
  q: z.string().trim().max(100).optional(),
});

export const contentDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
});
