import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/**
 * Offers from a file keyed by Tilbudsportalen's offer id (the data-import module checks the file; the catalogue
 * writes its offers). Rates go on the offer as the catalogue keeps them today (one rate and unit); the rate cards of
 * the economy issue (13) take over when they land.
 */
export type ImportedOffer = {
  tilbudsportalenId: number;
  name: string;
  owner: 'own' | 'self_governing' | 'private' | 'other_municipality' | 'region';
  legalBases: string[];
  ffbCode: string | null;
  places: number | null;
  rateDkk: number | null;
  rateUnit: 'day' | 'month' | 'year' | null;
  centerName: string | null;
  address: string;
  targetGroup: string;
};

export type CatalogueOffer = ImportedOffer & { id: string; key: string };

export const offerImport = {
  /** The municipality's offers that carry a Tilbudsportalen id (offer_tilbudsportalen_idx). */
  async byTilbudsportalenId(tx: Tx, municipalityId: string): Promise<Map<number, CatalogueOffer>> {
    const rows = await tx
      .selectFrom('offer')
      .select([
        'id',
        'key',
        'tilbudsportalen_id',
        'name',
        'owner',
        'legal_bases',
        'ffb_code',
        'places',
        'rate_dkk',
        'rate_unit',
        'center_name',
        'content',
      ])
      .where('municipality_id', '=', municipalityId)
      .where('tilbudsportalen_id', 'is not', null)
      .execute();
    return new Map(
      rows.map((r) => {
        const content = (r.content ?? {}) as { address?: string; targetGroup?: string };
        return [
          r.tilbudsportalen_id ?? 0,
          {
            id: r.id,
            key: r.key,
            tilbudsportalenId: r.tilbudsportalen_id ?? 0,
            name: r.name,
            owner: r.owner,
            legalBases: r.legal_bases,
            ffbCode: r.ffb_code,
            places: r.places,
            rateDkk: r.rate_dkk === null ? null : Number(r.rate_dkk),
            rateUnit: r.rate_unit,
            centerName: r.center_name,
            address: content.address ?? '',
            targetGroup: content.targetGroup ?? '',
          },
        ];
      }),
    );
  },

  /** Every offer of the municipality by key and by Tilbudsportalen id, for orders in an import (offer_municipality_name_idx). */
  async lookup(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'key', 'tilbudsportalen_id', 'legal_bases', 'name'])
      .where('municipality_id', '=', municipalityId)
      .execute();
  },

  /** Adds the new offers and changes the changed ones, in the caller's transaction. */
  async save(
    tx: Tx,
    municipalityId: string,
    added: readonly ImportedOffer[],
    changed: readonly CatalogueOffer[],
    source: string,
  ) {
    for (const o of added) {
      await tx
        .insertInto('offer')
        .values({
          municipality_id: municipalityId,
          key: `tp-${o.tilbudsportalenId}`,
          tilbudsportalen_id: o.tilbudsportalenId,
          name: o.name,
          center_name: o.centerName,
          owner: o.owner,
          legal_bases: o.legalBases,
          ffb_code: o.ffbCode,
          places: o.places,
          rate_dkk: o.rateDkk === null ? null : String(o.rateDkk),
          rate_unit: o.rateUnit,
          content: JSON.stringify({ address: o.address, targetGroup: o.targetGroup }),
          source,
        })
        .execute();
    }
    for (const o of changed) {
      await tx
        .updateTable('offer')
        .set({
          name: o.name,
          center_name: o.centerName,
          owner: o.owner,
          legal_bases: o.legalBases,
          ffb_code: o.ffbCode,
          places: o.places,
          rate_dkk: o.rateDkk === null ? null : String(o.rateDkk),
          rate_unit: o.rateUnit,
          content: sql`content || ${JSON.stringify({ address: o.address, targetGroup: o.targetGroup })}::jsonb`,
          updated_at: sql`now()`,
        })
        .where('municipality_id', '=', municipalityId)
        .where('id', '=', o.id)
        .execute();
    }
  },
};
