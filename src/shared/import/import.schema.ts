import { z } from 'zod';
import { uuidSchema } from '../ids.ts';

/** Imports from the systems a municipality leaves: the file, what was wrong with it, what it will do or did. */
/** cases: CSV of citizens and cases; fhir: FFB delivery reports (FHIR Bundles) of citizens and cases; offers: CSV. */
export const IMPORT_KINDS = ['cases', 'fhir', 'offers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const importUploadQuerySchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  filename: z.string().trim().min(1).max(255),
});

const localised = z.object({ da: z.string(), en: z.string() });

/** One problem: the line in the file, the column, and why. */
export const rowErrorSchema = z.object({
  line: z.number().int(),
  field: z.string(),
  key: z.string(),
  message: localised,
  value: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const offerChangeSchema = z.object({
  tilbudsnummer: z.number().int(),
  name: z.string(),
  change: z.enum(['new', 'changed', 'unchanged', 'missing']),
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type OfferChange = z.infer<typeof offerChangeSchema>;

export const importViewSchema = z.object({
  id: uuidSchema,
  kind: z.enum(IMPORT_KINDS),
  filename: z.string(),
  encoding: z.string(),
  bytes: z.number().int(),
  status: z.enum(['invalid', 'valid', 'imported']),
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(rowErrorSchema),
  /** Counts by what will happen (e.g. citizens new/existing, cases new/already imported). */
  counts: z.record(z.string(), z.number().int()),
  /** Offers: the reconciliation against the catalogue. */
  offers: z.array(offerChangeSchema),
  createdAt: z.string(),
  createdByName: z.string(),
  importedAt: z.string().nullable(),
  /** The same file (by content) was imported before, then. */
  sameFileImportedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importViewSchema>;

export const importListItemSchema = importViewSchema.pick({
  id: true,
  kind: true,
  filename: true,
  status: true,
  rowCount: true,
  errorCount: true,
  createdAt: true,
  createdByName: true,
  importedAt: true,
});
export type ImportListItem = z.infer<typeof importListItemSchema>;

/** The import as it runs, one JSON object a line (application/x-ndjson). */
export type ImportProgress =
  | { kind: 'progress'; done: number; total: number; stage: string }
  | { kind: 'done'; counts: Record<string, number>; rowsPerSecond: number; ms: number }
  | { kind: 'error'; message: string };
