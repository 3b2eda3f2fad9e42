import { type Insertable, sql, type Updateable } from 'kysely';
import type { Complaint } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

type ComplaintPatch = Partial<
  Pick<
    Updateable<Complaint>,
    | 'status'
    | 'reconsidered_on'
    | 'reconsideration_reasons'
    | 'forwarded_on'
    | 'forwarding_document_id'
    | 'appeal_outcome'
    | 'appeal_decided_on'
    | 'appeal_note'
  >
>;

/** The only SQL that writes complaints. */
export const complaintsRepository = {
  /** Complaints of one case, or of a page of a citizen's cases in one query, newest first (complaint_case_idx). */
  async complaints(tx: Tx, caseIds: readonly string[]) {
    if (!caseIds.length) return [];
    return tx
      .selectFrom('complaint')
      .selectAll()
      .where('case_id', 'in', caseIds)
      .orderBy('created_at', 'desc')
      .limit(50 * caseIds.length)
      .execute();
  },

  async byId(tx: Tx, caseId: string, complaintId: string) {
    return tx.selectFrom('complaint').selectAll().where('case_id', '=', caseId).where('id', '=', complaintId).executeTakeFirst();
  },

  async insert(
    tx: Tx,
    row: Pick<
      Insertable<Complaint>,
      | 'municipality_id'
      | 'case_id'
      | 'decision_id'
      | 'form'
      | 'received_on'
      | 'received_at'
      | 'text'
      | 'timeliness'
      | 'status'
      | 'registered_by'
    >,
  ): Promise<string> {
    return (await tx.insertInto('complaint').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** Optimistic locking on the complaint: two people reconsidering at once → one of them gets 409. */
  async update(tx: Tx, id: string, version: number, patch: ComplaintPatch): Promise<boolean> {
    const r = await tx
      .updateTable('complaint')
      .set({ ...patch, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },
};
