import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

export type VersionRow = {
  id: string;
  service_description_id: string;
  number: number;
  status: 'draft' | 'approved';
  content: unknown;
  change_note: string | null;
  approved_at: Date | string | null;
  approved_by_name: string | null;
  prepared_by: string | null;
  prepared_by_name: string | null;
  approved_by_body: string | null;
  in_force_from: string | null;
  lock_version: number;
};

const PREFIX_END = '\u{10FFFF}';

export type CatalogueFilter = { municipalityCode?: string; legalBasis?: string; ffb?: string; q?: string; targetGroup?: string };

function descriptionWhere(f: CatalogueFilter) {
  return (eb: ExpressionBuilder<DB, 'service_description' | 'municipality' | 'ffb_code'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (f.municipalityCode) parts.push(eb('municipality.code', '=', f.municipalityCode));
    if (f.legalBasis) parts.push(eb('service_description.legal_basis', '=', f.legalBasis));
    if (f.ffb) {
      // The code itself or any code below it in the FFB tree (ffb_code_root_path_idx on the path range).
      const ffb = f.ffb;
      parts.push(
        eb(
          'service_description.ffb_code',
          'in',
          eb
            .selectFrom('ffb_code as sub')
            .innerJoin('ffb_code as top', (join) => join.on('top.code', '=', ffb))
            .select('sub.code')
            .where((w) =>
              w.or([
                w('sub.code', '=', ffb),
                w.and([
                  sql<SqlBool>`sub.path ~>=~ (top.path || ' > ')`,
                  sql<SqlBool>`sub.path ~<~ (top.path || ' > ' || ${PREFIX_END})`,
                ]),
              ]),
            ),
        ),
      );
    }
    if (f.targetGroup) {
      // Words in the target group of an approved version; the catalogue is small, so a scan of its versions is fine.
      const words = f.targetGroup.toLowerCase();
      parts.push(
        eb.exists(
          eb
            .selectFrom('service_description_version as v')
            .select(sql`1`.as('one'))
            .whereRef('v.service_description_id', '=', 'service_description.id')
            .where('v.status', '=', 'approved')
            .where(sql<SqlBool>`position(${words} in lower(v.content ->> 'targetGroup')) > 0`),
        ),
      );
    }
    if (f.q) {
      const from = f.q.toLowerCase();
      parts.push(
        sql<SqlBool>`(lower(service_description.title) ~>=~ ${from} and lower(service_description.title) ~<~ ${from + PREFIX_END})`,
      );
    }
    return eb.and(parts);
  };
}

const DESCRIPTION_COLUMNS = [
  'service_description.id',
  'service_description.municipality_id',
  'service_description.key',
  'service_description.kind',
  'service_description.legal_basis',
  'service_description.title',
  'service_description.ffb_code',
  'ffb_code.display as ffb_display',
  'municipality.name as municipality_name',
  'municipality.code as municipality_code',
] as const;

const VERSION_COLUMNS = [
  'id',
  'service_description_id',
  'number',
  'status',
  'content',
  'change_note',
  'approved_at',
  'approved_by_name',
  'approved_by_body',
  'prepared_by',
  'prepared_by_name',
  'in_force_from',
  'lock_version',
] as const;

function offerDetailQuery(tx: Tx) {
  return tx
    .selectFrom('offer')
    .innerJoin('municipality', 'municipality.id', 'offer.municipality_id')
    .leftJoin('ffb_code', 'ffb_code.code', 'offer.ffb_code')
    .selectAll('offer')
    .select([
      'ffb_code.display as ffb_display',
      'municipality.name as municipality_name',
      'municipality.code as municipality_code',
    ]);
}

/** The only SQL of the catalogue. Public reads see approved versions of every municipality (policy public_read). */
export const catalogueRepository = {
  /** A page of descriptions (service_description_legal_basis_idx for the legal-basis filter), ordered for browsing. */
  async listDescriptions(tx: Tx, filter: CatalogueFilter, limit: number, offset: number) {
    const base = tx
      .selectFrom('service_description')
      .innerJoin('municipality', 'municipality.id', 'service_description.municipality_id')
      .leftJoin('ffb_code', 'ffb_code.code', 'service_description.ffb_code')
      .where(descriptionWhere(filter));
    const items = await base
      .select(DESCRIPTION_COLUMNS)
      .orderBy('service_description.legal_basis')
      .orderBy('municipality.name')
      .orderBy('service_description.title')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items, total: total.n };
  },

  async descriptionById(tx: Tx, id: string) {
    return tx
      .selectFrom('service_description')
      .innerJoin('municipality', 'municipality.id', 'service_description.municipality_id')
      .leftJoin('ffb_code', 'ffb_code.code', 'service_description.ffb_code')
      .select(DESCRIPTION_COLUMNS)
      .where('service_description.id', '=', id)
      .executeTakeFirst();
  },

  /** The versions of many descriptions in one query (service_description_version_in_force_idx): no N+1. */
  async versionsOf(tx: Tx, descriptionIds: readonly string[]): Promise<VersionRow[]> {
    if (descriptionIds.length === 0) return [];
    return (await tx
      .selectFrom('service_description_version')
      .select(VERSION_COLUMNS)
      .where('service_description_id', 'in', descriptionIds)
      .orderBy('service_description_id')
      .orderBy('number')
      .execute()) as VersionRow[];
  },

  async versionById(tx: Tx, id: string): Promise<VersionRow | undefined> {
    return (await tx.selectFrom('service_description_version').select(VERSION_COLUMNS).where('id', '=', id).executeTakeFirst()) as
      | VersionRow
      | undefined;
  },

  /** Every FFB code with its parent (the value-set index); a few hundred rows. */
  async ffbParents(tx: Tx) {
    return tx.selectFrom('ffb_code').select(['code', 'parent_code', 'display']).execute();
  },

  async ffbSystem(tx: Tx) {
    return tx.selectFrom('ffb_code_system').select(['url', 'version']).execute();
  },

  async ffbCodeExists(tx: Tx, code: string): Promise<boolean> {
    return (await tx.selectFrom('ffb_code').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
  },

  /**
   * Keys are unique per municipality. The public-read policy shows every municipality's descriptions, so the
   * municipality must be named here: row-level security alone would not narrow it.
   */
  async keyTaken(tx: Tx, municipalityId: string, key: string): Promise<boolean> {
    const row = await tx
      .selectFrom('service_description')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insertDescription(
    tx: Tx,
    row: {
      municipality_id: string;
      key: string;
      kind: 'service_level' | 'quality_standard';
      legal_basis: string;
      title: string;
      ffb_code: string | null;
    },
  ): Promise<string> {
    return (await tx.insertInto('service_description').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertDraft(
    tx: Tx,
    row: {
      municipality_id: string;
      service_description_id: string;
      number: number;
      content: unknown;
      change_note: string | null;
      created_by: string;
      created_by_name: string;
    },
  ): Promise<string> {
    return (
      await tx
        .insertInto('service_description_version')
        .values({
          municipality_id: row.municipality_id,
          service_description_id: row.service_description_id,
          number: row.number,
          change_note: row.change_note,
          created_by: row.created_by,
          status: 'draft',
          content: JSON.stringify(row.content),
          // Creating a draft prepares it (four eyes: someone else approves).
          prepared_by: row.created_by,
          prepared_by_name: row.created_by_name,
          prepared_at: sql`now()`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },

  /** Optimistic locking on lock_version; only a draft can change. */
  /** Saving a draft makes the saver its preparer: someone else must approve it (four eyes). */
  async updateDraft(
    tx: Tx,
    id: string,
    lockVersion: number,
    change: { content: unknown; changeNote: string | null; preparedBy: string; preparedByName: string },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('service_description_version')
      .set({
        content: JSON.stringify(change.content),
        change_note: change.changeNote,
        prepared_by: change.preparedBy,
        prepared_by_name: change.preparedByName,
        prepared_at: sql`now()`,
        lock_version: sql`lock_version + 1`,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('lock_version', '=', lockVersion)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async approve(
    tx: Tx,
    id: string,
    lockVersion: number,
    approval: { approved_by: string; approved_by_name: string; approved_by_body: string; in_force_from: string },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('service_description_version')
      .set({ ...approval, status: 'approved', approved_at: sql`now()`, lock_version: sql`lock_version + 1` })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .where('lock_version', '=', lockVersion)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** Offers, optionally of one municipality (offer_municipality_name_idx) and legal basis; a few hundred rows at most. */
  async listOffers(tx: Tx, f: { municipalityCode?: string; legalBasis?: string }, limit: number, offset: number) {
    const base = tx
      .selectFrom('offer')
      .innerJoin('municipality', 'municipality.id', 'offer.municipality_id')
      .leftJoin('ffb_code', 'ffb_code.code', 'offer.ffb_code')
      .where((eb) => {
        const parts: Expression<SqlBool>[] = [];
        if (f.municipalityCode) parts.push(eb('municipality.code', '=', f.municipalityCode));
        if (f.legalBasis) parts.push(sql<SqlBool>`${f.legalBasis} = any(offer.legal_bases)`);
        return eb.and(parts);
      });
    const items = await base
      .select([
        'offer.id',
        'offer.key',
        'offer.name',
        'offer.center_name',
        'offer.owner',
        'offer.provider_name',
        'offer.legal_bases',
        'offer.places',
        'offer.rate_dkk',
        'offer.rate_unit',
        'ffb_code.display as ffb_display',
        'municipality.name as municipality_name',
        'municipality.code as municipality_code',
      ])
      .orderBy('municipality.name')
      .orderBy('offer.name')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items, total: total.n };
  },

  async offerById(tx: Tx, id: string) {
    return offerDetailQuery(tx).where('offer.id', '=', id).executeTakeFirst();
  },

  /** Every offer in full, for the export (one query). */
  async allOffers(tx: Tx, limit: number) {
    return offerDetailQuery(tx).orderBy('municipality.name').orderBy('offer.name').limit(limit).execute();
  },

  /** FFB codes by root, by subtree (path prefix) or by name (ffb_code_root_path_idx), paged. */
  async ffbCodes(tx: Tx, f: { root?: string; under?: string; q?: string }, limit: number, offset: number) {
    const where = (eb: ExpressionBuilder<DB, 'ffb_code'>) => {
      const parts: Expression<SqlBool>[] = [];
      if (f.root) parts.push(eb('root', '=', f.root));
      if (f.under) parts.push(sql<SqlBool>`(path ~>=~ ${`${f.under} > `} and path ~<~ ${`${f.under} > ${PREFIX_END}`})`);
      if (f.q) parts.push(sql<SqlBool>`position(${f.q.toLowerCase()} in lower(display)) > 0`);
      return eb.and(parts);
    };
    const items = await tx
      .selectFrom('ffb_code')
      .select(['code', 'display', 'path', 'root', 'legal_basis', 'is_local', 'system_version'])
      .where(where)
      .orderBy('path')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await tx
      .selectFrom('ffb_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    return { items, total: total.n };
  },
};
