import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

type ComplaintPatch = Partial<{
  status: string;
  reconsidered_on: string | null;
  reconsideration_reasons: string | null;
  forwarded_on: string | null;
  forwarding_document_id: string | null;
  appeal_outcome: string | null;
  appeal_decided_on: string | null;
  appeal_note: string | null;
}>;

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
    row: {
      municipality_id: string;
      case_id: string;
      decision_id: string;
      form: string;
      received_on: string;
      received_at: string | null;
      text: string;
      timeliness: string;
      status: string;
      registered_by: string | null;
    },
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
