import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

/** The fields sent with an uploaded document (multipart): what it is about and its date. The file is checked apart. */
export const documentUploadFieldsSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  documentDate: plainDateSchema,
});
export type DocumentUploadFields = z.infer<typeof documentUploadFieldsSchema>;

export const caseDocumentSchema = z.object({
  id: uuidSchema,
  kind: z.string(),
  title: z.string(),
  journalisedOn: plainDateSchema,
  /** The document's own date (uploads); letters are dated the day they were journalised. */
  documentDate: plainDateSchema,
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  byteSize: z.number().int().nullable(),
  fileName: z.string().nullable(),
  uploadedBy: z.enum(['caseworker', 'team_leader', 'citizen']).nullable(),
  /** A letter the page can show as text (journalised with its content). */
  hasPreview: z.boolean(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** A page of a case's documents, newest first: all of them, the uploads or the letters (everything not uploaded). */
export const caseDocumentQuerySchema = pageQuerySchema.extend({ kind: z.enum(['upload', 'letter']).optional() });
export type CaseDocumentQuery = z.infer<typeof caseDocumentQuerySchema>;
