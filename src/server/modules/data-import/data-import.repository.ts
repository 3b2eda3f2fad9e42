import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/** The SQL of the data-import module's own table: the files uploaded and what came of them. */
export const dataImportRepository = {
  /** Marks where the run's writes begin, so that a run that finds the file no longer clean can undo them. */
  async beginRows(tx: Tx): Promise<void> {
    await sql`savepoint import_rows`.execute(tx);
  },

  /** Undoes every write of the run since `beginRows` (the rest of the transaction stays). */
  async undoRows(tx: Tx): Promise<void> {
    await sql`rollback to savepoint import_rows`.execute(tx);
  },

  async insert(
    tx: Tx,
    row: {
      municipality_id: string;
      kind: 'cases' | 'fhir' | 'offers';
      filename: string;
      sha256: string;
      bytes: number;
      encoding: string;
      status: 'invalid' | 'valid';
      row_count: number;
      error_count: number;
      errors: unknown;
      summary: unknown;
      content: Buffer;
      created_by: string;
      created_by_name: string;
    },
  ): Promise<string> {
    const r = await tx
      .insertInto('data_import')
      .values({ ...row, errors: JSON.stringify(row.errors), summary: JSON.stringify(row.summary) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /**
   * An upload as the page shows it, without the file: a 100,000-row file is 41 MB, which PostgreSQL sends as 82 MB of
   * hex and Node decodes (6 s a read on the shared machine; the upload and the run each read it for their answer).
   */
  async get(tx: Tx, municipalityId: string, id: string) {
    return tx
      .selectFrom('data_import')
      .select([
        'id',
        'kind',
        'filename',
        'sha256',
        'bytes',
        'encoding',
        'status',
        'row_count',
        'error_count',
        'errors',
        'summary',
        'created_at',
        'created_by_name',
        'imported_at',
      ])
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The file itself, for the run (which checks it again before writing). */
  async content(tx: Tx, municipalityId: string, id: string): Promise<Uint8Array | null> {
    const r = await tx
      .selectFrom('data_import')
      .select('content')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? r.content : null;
  },

  /** When the same content (by hash) was imported before (data_import_sha_idx). */
  async importedBefore(tx: Tx, municipalityId: string, sha256: string) {
    const r = await tx
      .selectFrom('data_import')
      .select('imported_at')
      .where('municipality_id', '=', municipalityId)
      .where('sha256', '=', sha256)
      .where('status', '=', 'imported')
      .orderBy('imported_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.imported_at ?? null;
  },

  /** The newest uploads (data_import_created_idx), without their content. */
  async list(tx: Tx, municipalityId: string, limit: number, offset: number) {
    const rows = await tx
      .selectFrom('data_import')
      .select(['id', 'kind', 'filename', 'status', 'row_count', 'error_count', 'created_at', 'created_by_name', 'imported_at'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await tx
      .selectFrom('data_import')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirstOrThrow();
    return { rows, total: Number(total.n) };
  },

  async markImported(tx: Tx, municipalityId: string, id: string, summary: unknown, at: Date): Promise<boolean> {
    const r = await tx
      .updateTable('data_import')
      .set({ status: 'imported', imported_at: at, summary: JSON.stringify(summary) })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  async markInvalid(tx: Tx, municipalityId: string, id: string, errors: unknown, errorCount: number): Promise<void> {
    await tx
      .updateTable('data_import')
      .set({ status: 'invalid', errors: JSON.stringify(errors), error_count: errorCount })
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', id)
      .execute();
  },
};
