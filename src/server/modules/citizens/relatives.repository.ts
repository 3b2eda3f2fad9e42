import { sql } from 'kysely';
import type { ConsentForm, Relation } from '../../../shared/citizens/relative.schema.ts';
import type { Tx } from '../../platform/tx.ts';

export type RelativeRow = {
  id: string;
  citizen_id: string;
  name: string;
  relation: Relation;
  phone: string | null;
  email: string | null;
  address: string | null;
  note: string | null;
  version: number;
};

export type ConsentRow = {
  id: string;
  relative_id: string;
  scopes: string[];
  form: ConsentForm;
  given_on: string;
  expires_on: string | null;
  withdrawn_on: string | null;
  recorded_by_name: string | null;
};

const RELATIVE_COLUMNS = ['id', 'citizen_id', 'name', 'relation', 'phone', 'email', 'address', 'note', 'version'] as const;

/** The only SQL for relatives and their consents (citizen_relative, relative_consent). */
export const relativesRepository = {
  /** A citizen's relatives (citizen_relative_citizen_idx). */
  async forCitizen(tx: Tx, citizenId: string): Promise<RelativeRow[]> {
    return tx
      .selectFrom('citizen_relative')
      .select(RELATIVE_COLUMNS)
      .where('citizen_id', '=', citizenId)
      .orderBy('name')
      .orderBy('id')
      .execute();
  },

  async byId(tx: Tx, citizenId: string, id: string): Promise<RelativeRow | undefined> {
    return tx
      .selectFrom('citizen_relative')
      .select(RELATIVE_COLUMNS)
      .where('id', '=', id)
      .where('citizen_id', '=', citizenId)
      .executeTakeFirst();
  },

  /** The consents of a page of relatives in one query (relative_consent_relative_idx), oldest first. */
  async consentsOf(tx: Tx, relativeIds: readonly string[]): Promise<ConsentRow[]> {
    if (relativeIds.length === 0) return [];
    return tx
      .selectFrom('relative_consent as rc')
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.municipality_id', '=', 'rc.municipality_id').onRef('u.id', '=', 'rc.recorded_by'),
      )
      .select([
        'rc.id',
        'rc.relative_id',
        'rc.scopes',
        'rc.form',
        'rc.given_on',
        'rc.expires_on',
        'rc.withdrawn_on',
        'u.name as recorded_by_name',
      ])
      .where('rc.relative_id', 'in', relativeIds)
      .orderBy('rc.relative_id')
      .orderBy('rc.given_on')
      .orderBy('rc.id')
      .execute();
  },

  async insert(tx: Tx, row: Omit<RelativeRow, 'id' | 'version'> & { municipality_id: string }): Promise<string> {
    const r = await tx.insertInto('citizen_relative').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  /** Optimistic locking on version, as for the citizen's own contact details. */
  async update(
    tx: Tx,
    id: string,
    version: number,
    patch: Pick<RelativeRow, 'name' | 'relation' | 'phone' | 'email' | 'address' | 'note'>,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('citizen_relative')
      .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async insertConsent(
    tx: Tx,
    row: {
      municipality_id: string;
      relative_id: string;
      scopes: string[];
      form: ConsentForm;
      given_on: string;
      expires_on: string | null;
      recorded_by: string;
    },
  ): Promise<string> {
    const r = await tx.insertInto('relative_consent').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async consentById(tx: Tx, relativeId: string, id: string) {
    return tx
      .selectFrom('relative_consent')
      .select(['id', 'given_on', 'withdrawn_on'])
      .where('id', '=', id)
      .where('relative_id', '=', relativeId)
      .executeTakeFirst();
  },

  /** Only a consent not yet withdrawn; a withdrawal is never moved. */
  async withdrawConsent(tx: Tx, id: string, withdrawnOn: string, by: string): Promise<boolean> {
    const r = await tx
      .updateTable('relative_consent')
      .set({ withdrawn_on: withdrawnOn, withdrawn_by: by })
      .where('id', '=', id)
      .where('withdrawn_on', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },
};
