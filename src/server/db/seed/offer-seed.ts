import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { OFFER_OWNERS, offerContentSchema } from '../../../shared/catalogue/offer.schema.ts';
import type { AdminTx, Database } from '../../platform/db/database.ts';
import { stableUuid } from './deterministic.ts';
import { ffbCodeOfPath, loadForMunicipalities, readPolicyFiles } from './policy-files.ts';

export const OFFERS_DIR = fileURLToPath(new URL('../../../../policy/offers/', import.meta.url));

/** One transcribed offer (tilbud), as its seed describes it. */
export const offerFileSchema = z.object({
  municipalityCode: z.string().regex(/^\d{3}$/),
  key: z.string().regex(/^[a-z0-9-]+$/),
  /** The demo organisation unit it is (src/server/db/seed/demo-organisation.ts), when there is one. */
  unitKey: z.string().optional(),
  name: z.string().min(1),
  centerName: z.string().nullable().default(null),
  owner: z.enum(OFFER_OWNERS),
  /** Who runs an offer that is not the municipality's own (another municipality, a region, a private provider). */
  providerName: z.string().nullable().default(null),
  operatingAgreement: z.string().nullable().default(null),
  legalBases: z.array(z.string().min(3)).min(1),
  ffbPath: z.string().nullable().default(null),
  places: z.number().int().min(0).nullable().default(null),
  placesNote: z.string().nullable().default(null),
  staffing: z.string().nullable().default(null),
  rate: z
    .object({ dkk: z.number().min(0), per: z.enum(['day', 'month', 'year']) })
    .nullable()
    .default(null),
  openingHours: z.string().nullable().default(null),
  source: z.string().min(10),
  content: offerContentSchema,
});
export type OfferFile = z.infer<typeof offerFileSchema>;

export function readOfferFiles(dir: string = OFFERS_DIR): { file: string; data: OfferFile }[] {
  return readPolicyFiles(dir, offerFileSchema);
}

async function loadOne(tx: AdminTx, o: OfferFile, municipalityId: string): Promise<boolean> {
  const exists = await tx.query('select 1 from offer where municipality_id = $1 and key = $2', [municipalityId, o.key]);
  if (exists.length > 0) return false;
  const ffbCode = await ffbCodeOfPath(tx, o.ffbPath, `offer ${o.key}`);
  let unitId: string | null = null;
  if (o.unitKey) {
    const id = stableUuid(`unit:${o.municipalityCode}:${o.unitKey}`);
    const rows = await tx.query('select 1 from org_unit where municipality_id = $1 and id = $2', [municipalityId, id]);
    unitId = rows.length > 0 ? id : null;
  }
  // provider_name (migration 0020) only for an offer that names one: the catalogue's own offers still load at 0011.
  await tx.query(
    `insert into offer (id, municipality_id, org_unit_id, key, name, center_name, owner, operating_agreement, legal_bases, ffb_code,
       places, places_note, staffing, rate_dkk, rate_unit, opening_hours, content, source${o.providerName === null ? '' : ', provider_name'})
     values ($18, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17${o.providerName === null ? '' : ', $19'})`,
    [
      municipalityId,
      unitId,
      o.key,
      o.name,
      o.centerName,
      o.owner,
      o.operatingAgreement,
      o.legalBases,
      ffbCode,
      o.places,
      o.placesNote,
      o.staffing,
      o.rate?.dkk ?? null,
      o.rate?.per ?? null,
      o.openingHours,
      JSON.stringify(o.content),
      o.source,
      stableUuid(`offer:${o.municipalityCode}:${o.key}`),
      ...(o.providerName === null ? [] : [o.providerName]),
    ],
  );
  return true;
}

/** Loads the transcribed offers for the municipalities present. Idempotent (municipality + key). */
export async function seedOffers(database: Database, files = readOfferFiles()): Promise<number> {
  return loadForMunicipalities(database, files, loadOne);
}
