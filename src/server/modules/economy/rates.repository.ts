import { type Insertable, type Selectable, sql } from 'kysely';
import type { RateCard } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

/** Lock key space for writes to one offer's rate card (pg_advisory_xact_lock(int, int)). */
const RATE_LOCK_SPACE = 7351;

export type RateRow = Selectable<RateCard>;

type RateWrite = Omit<Insertable<RateCard>, 'id' | 'municipality_id' | 'invented' | 'created_at' | 'version'>;

/** The only SQL of rate cards (rate_card) and the offers they price. */
export const ratesRepository = {
  /** Every rate card version of the municipality: a few per offer and year, so one query for a whole forecast. */
  async all(tx: Tx, municipalityId: string): Promise<RateRow[]> {
    return tx
      .selectFrom('rate_card')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .orderBy('offer_id')
      .orderBy('in_force_from')
      .execute();
  },

  /** One offer's versions (rate_card_municipality_id_offer_id_in_force_from_key). */
  async ofOffer(tx: Tx, municipalityId: string, offerId: string): Promise<RateRow[]> {
    return tx
      .selectFrom('rate_card')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('offer_id', '=', offerId)
      .orderBy('in_force_from')
      .execute();
  },

  async byId(tx: Tx, municipalityId: string, id: string): Promise<RateRow | undefined> {
    return tx
      .selectFrom('rate_card')
      .selectAll()
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Serialises writers of one offer's rate card until commit, so two overlapping versions cannot both pass the check. */
  async lockOffer(tx: Tx, offerId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(${RATE_LOCK_SPACE}, hashtext(${offerId}))`.execute(tx);
  },

  async insert(tx: Tx, municipalityId: string, row: RateWrite): Promise<string> {
    const r = await tx
      .insertInto('rate_card')
      .values({ ...row, municipality_id: municipalityId })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Optimistic: true when the version matched (else someone else changed it: 409). */
  async update(tx: Tx, municipalityId: string, id: string, version: number, row: RateWrite): Promise<boolean> {
    const r = await tx
      .updateTable('rate_card')
      .set({ ...row, version: sql`version + 1` })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** The municipality's offers (offer_municipality_name_idx): a few dozen. */
  async offers(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'key', 'name', 'owner', 'provider_name', 'legal_bases', 'places', 'org_unit_id'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('name')
      .execute();
  },

  async offer(tx: Tx, municipalityId: string, id: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'key', 'name', 'owner', 'provider_name', 'legal_bases', 'places', 'org_unit_id'])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },
};
