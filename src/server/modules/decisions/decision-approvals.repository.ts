import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

export type ApprovalInsert = {
  municipality_id: string;
  case_id: string;
  rule: 'hours_above_last_band';
  threshold_hours: number;
  proposal: unknown;
  justification: string;
  requested_by: string;
  unit_id: string | null;
};

const approvalColumns = [
  'a.id',
  'a.case_id',
  'a.rule',
  'a.threshold_hours',
  'a.proposal',
  'a.justification',
  'a.requested_by',
  'a.unit_id',
  'a.requested_at',
  'a.status',
  'a.answered_by',
  'a.answered_at',
  'a.send_back_reason',
  'a.decision_id',
  'r.name as requested_by_name',
] as const;

/** The only SQL that writes decision approvals (the decisions module owns them), and their reads. */
export const decisionApprovalsRepository = {
  async insert(tx: Tx, row: ApprovalInsert): Promise<string> {
    return (
      await tx
        .insertInto('decision_approval')
        .values({ ...row, proposal: JSON.stringify(row.proposal) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },

  /** The proposal waiting on a case, if any (decision_approval_pending_case_idx). */
  async pendingOfCase(tx: Tx, caseId: string) {
    return tx
      .selectFrom('decision_approval as a')
      .innerJoin('app_user as r', (j) =>
        j.onRef('r.municipality_id', '=', 'a.municipality_id').onRef('r.id', '=', 'a.requested_by'),
      )
      .select(approvalColumns)
      .where('a.case_id', '=', caseId)
      .where('a.status', '=', 'pending')
      .executeTakeFirst();
  },

  /** The case's latest proposal, waiting or answered, with who answered (decision_approval_case_idx). */
  async latestOfCase(tx: Tx, caseId: string) {
    return (
      tx
        .selectFrom('decision_approval as a')
        .innerJoin('app_user as r', (j) =>
          j.onRef('r.municipality_id', '=', 'a.municipality_id').onRef('r.id', '=', 'a.requested_by'),
        )
        .leftJoin('app_user as t', (j) =>
          j.onRef('t.municipality_id', '=', 'a.municipality_id').onRef('t.id', '=', 'a.answered_by'),
        )
        // The service level proposed (service_description_version_id_idx, service_description_id_idx).
        .innerJoin('service_description_version as v', (j) =>
          j.on(sql<boolean>`v.id = (a.proposal->>'serviceDescriptionVersionId')::uuid`),
        )
        .innerJoin('service_description as s', 's.id', 'v.service_description_id')
        .select([...approvalColumns, 't.name as answered_by_name', 's.title as service_title', 's.legal_basis'])
        .where('a.case_id', '=', caseId)
        .orderBy('a.requested_at', 'desc')
        .limit(1)
        .executeTakeFirst()
    );
  },

  /** Answers a waiting proposal; false when someone answered it first. */
  async answer(
    tx: Tx,
    id: string,
    a: { status: 'approved' | 'sent_back'; answeredBy: string; reason: string | null; decisionId: string | null },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('decision_approval')
      .set({
        status: a.status,
        answered_by: a.answeredBy,
        answered_at: sql<Date>`now()`,
        send_back_reason: a.reason,
        decision_id: a.decisionId,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /**
   * A team's queue: the proposals waiting in a unit, oldest first, without the reader's own
   * (decision_approval_queue_idx), with the case and citizen for the line. One query for the page, one for the count (both on the index).
   */
  async awaiting(tx: Tx, unitId: string, exceptRequestedBy: string, limit: number, offset: number) {
    const base = tx
      .selectFrom('decision_approval as a')
      .where('a.unit_id', '=', unitId)
      .where('a.status', '=', 'pending')
      .where('a.requested_by', '<>', exceptRequestedBy);
    const items = await base
      .innerJoin('case_file as c', (j) => j.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.id', '=', 'a.case_id'))
      .innerJoin('citizen as p', (j) => j.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.citizen_id'))
      .innerJoin('app_user as r', (j) =>
        j.onRef('r.municipality_id', '=', 'a.municipality_id').onRef('r.id', '=', 'a.requested_by'),
      )
      .innerJoin('service_description_version as v', (j) =>
        j.on(sql<boolean>`v.id = (a.proposal->>'serviceDescriptionVersionId')::uuid`),
      )
      .innerJoin('service_description as s', 's.id', 'v.service_description_id')
      .select([
        's.legal_basis',
        'a.id',
        'a.case_id',
        'a.threshold_hours',
        'a.proposal',
        'a.requested_at',
        'c.version as case_version',
        'c.citizen_id',
        'c.journal_number',
        'p.first_name',
        'p.last_name',
        'r.name as requested_by_name',
      ])
      .orderBy('a.requested_at')
      .limit(limit)
      .offset(offset)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { items, total: Number(count.n) };
  },
};
