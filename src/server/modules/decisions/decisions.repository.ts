import type { Tx } from '../../platform/tx.ts';

export type DecisionRow = {
  municipality_id: string;
  case_id: string;
  kind: 'application' | 'revisitation' | 'stop';
  outcome: 'granted' | 'partly_granted' | 'refused';
  legal_basis: string;
  service_description_version_id: string;
  weekly_hours: number | null;
  profile_code: string | null;
  module_days: number | null;
  start_date: string | null;
  time_limit_until: string | null;
  /** A partial grant: what was applied for, and what is refused (both in its letter). */
  applied_for: string | null;
  refused_part: string | null;
  reasons: string;
  party_hearing: 'done' | 'not_needed';
  party_hearing_note: string | null;
  decided_on: string;
  decided_by: string;
  letter_document_id: string;
  /** A grant on top of running support under another paragraph: its order replaces only orders under its own. */
  alongside?: boolean;
};

/** The only SQL that writes decisions; and the reads a decision needs (the service level it applies, a running order). */
export const decisionsRepository = {
  async insert(tx: Tx, row: DecisionRow): Promise<string> {
    return (await tx.insertInto('decision').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** Decisions of one case, or of a page of a citizen's cases in one query, newest first (decision_case_idx). */
  async decisions(tx: Tx, caseIds: readonly string[]) {
    if (!caseIds.length) return [];
    return tx
      .selectFrom('decision as d')
      .innerJoin('service_description_version as v', 'v.id', 'd.service_description_version_id')
      .innerJoin('service_description as s', 's.id', 'v.service_description_id')
      .select([
        'd.id',
        'd.case_id',
        'd.outcome',
        'd.kind',
        'd.legal_basis',
        'd.service_description_version_id',
        'v.number as version_number',
        's.title as service_title',
        'd.weekly_hours',
        'd.profile_code',
        'd.module_days',
        'd.start_date',
        'd.time_limit_until',
        'd.reasons',
        'd.party_hearing',
        'd.party_hearing_note',
        'd.decided_on',
        'd.letter_document_id',
      ])
      .where('d.case_id', 'in', caseIds)
      .orderBy('d.created_at', 'desc')
      .limit(50 * caseIds.length)
      .execute();
  },

  /** The latest decision: what an order rests on and what a complaint is about (decision_case_idx). */
  async latest(tx: Tx, caseId: string) {
    return tx
      .selectFrom('decision')
      .select(['id', 'outcome', 'legal_basis', 'decided_on', 'reasons', 'weekly_hours', 'module_days', 'start_date', 'alongside'])
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The service-level version a decision applies, with its siblings to tell whether it was in force. */
  async serviceVersion(tx: Tx, versionId: string) {
    const v = await tx
      .selectFrom('service_description_version as v')
      .innerJoin('service_description as d', 'd.id', 'v.service_description_id')
      .select([
        'v.id',
        'v.service_description_id',
        'v.number',
        'v.status',
        'v.in_force_from',
        'v.content',
        'd.legal_basis',
        'd.title',
        'd.municipality_id',
      ])
      .where('v.id', '=', versionId)
      .executeTakeFirst();
    if (!v) return undefined;
    const siblings = await tx
      .selectFrom('service_description_version')
      .select(['number', 'status', 'in_force_from'])
      .where('service_description_id', '=', v.service_description_id)
      .execute();
    return { ...v, siblings };
  },

  /**
   * Whether the case has had an order: a new decision on it is then a revisitation (case_order_case_idx). A read
   * only; the orders module writes orders, and it sits above decisions (an order rests on a decision).
   */
  /** Whether the case has had an order (under the given paragraph, if one is given). */
  async hasOrder(tx: Tx, caseId: string, legalBasis?: string): Promise<boolean> {
    let q = tx.selectFrom('case_order as o').select('o.id').where('o.case_id', '=', caseId);
    if (legalBasis !== undefined) {
      q = q
        .innerJoin('decision as d', (j) =>
          j.onRef('d.id', '=', 'o.decision_id').onRef('d.municipality_id', '=', 'o.municipality_id'),
        )
        .where('d.legal_basis', '=', legalBasis);
    }
    const row = await q.limit(1).executeTakeFirst();
    return row !== undefined;
  },
};
