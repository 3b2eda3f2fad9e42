import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { validateBands } from '../../../rules/profiles/citizen-profiles.ts';
import { CATALOGUE_KINDS, catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import { plainDateSchema } from '../../../shared/plain-date.ts';
import type { AdminTx, Database } from '../../platform/db/database.ts';
import { stableUuid } from './deterministic.ts';
import { ffbCodeOfPath, loadForMunicipalities, readPolicyFiles } from './policy-files.ts';

export const CATALOGUE_DIR = fileURLToPath(new URL('../../../../policy/catalogue/', import.meta.url));

/** One transcribed document: a municipality's service description or quality standard, as in its seed. */
export const catalogueFileSchema = z.object({
  municipalityCode: z.string().regex(/^\d{3}$/),
  key: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(CATALOGUE_KINDS),
  legalBasis: z.string().min(3),
  title: z.string().min(1),
  /** The FFB concept by its path (stable and readable); resolved to the code at load. */
  ffbPath: z.string().nullable(),
  source: z.string().min(10),
  approval: z.object({
    body: z.string().min(1),
    inForceFrom: plainDateSchema,
    approvedOn: plainDateSchema.optional(),
    note: z.string().optional(),
  }),
  content: catalogueContentSchema,
});
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

export function readCatalogueFiles(dir: string = CATALOGUE_DIR): { file: string; data: CatalogueFile }[] {
  const files = readPolicyFiles(dir, catalogueFileSchema);
  for (const { file, data } of files) {
    if (validateBands(data.content.profileBands).length > 0) throw new Error(`${file}: hour bands overlap or leave gaps`);
  }
  return files;
}

async function loadOne(tx: AdminTx, data: CatalogueFile, municipalityId: string): Promise<boolean> {
  const exists = await tx.query('select 1 from service_description where municipality_id = $1 and key = $2', [
    municipalityId,
    data.key,
  ]);
  if (exists.length > 0) return false;
  const ffbCode = await ffbCodeOfPath(tx, data.ffbPath, data.key);
  // Stable ids, so generated decisions refer to the same version on every machine and every run.
  const [description] = await tx.query<{ id: string }>(
    `insert into service_description (id, municipality_id, key, kind, legal_basis, title, ffb_code)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      stableUuid(`service_description:${data.municipalityCode}:${data.key}`),
      municipalityId,
      data.key,
      data.kind,
      data.legalBasis,
      data.title,
      ffbCode,
    ],
  );
  await tx.query(
    `insert into service_description_version
       (id, municipality_id, service_description_id, number, status, content, change_note, approved_by_name, approved_by_body, approved_at, in_force_from, created_at)
     values ($9, $1, $2, 1, 'approved', $3, $4, $5, $6, ($7::date + time '12:00') at time zone 'Europe/Copenhagen', $8, ($7::date + time '12:00') at time zone 'Europe/Copenhagen')`,
    [
      municipalityId,
      description?.id,
      JSON.stringify(data.content),
      [data.source, data.approval.note].filter(Boolean).join(' '),
      'Indlæst fra kildedokument',
      data.approval.body,
      data.approval.approvedOn ?? data.approval.inForceFrom,
      data.approval.inForceFrom,
      stableUuid(`service_description_version:${data.municipalityCode}:${data.key}:1`),
    ],
  );
  return true;
}

/**
 * Loads the transcribed catalogue for the municipalities present, as approved version 1 of each document.
 * Idempotent: a document already present (municipality + key) is left alone, edits included.
 */
export async function seedCatalogue(database: Database, files = readCatalogueFiles()): Promise<number> {
  return loadForMunicipalities(database, files, loadOne);
}
