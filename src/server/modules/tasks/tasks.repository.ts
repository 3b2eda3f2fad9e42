import { type RawBuilder, sql } from 'kysely';
import type { TaskKind } from '../../../rules/tasks/task-kinds.ts';
import type { Tx } from '../../platform/tx.ts';

export type NewTask = {
  municipality_id: string;
  kind: TaskKind;
  audience: 'authority' | 'provider';
  case_id: string;
  order_id: string | null;
  org_unit_id: string | null;
  record_type: string | null;
  record_id: string | null;
  summary: string;
  created_at: Date;
};

/**
 * Whose inbox: the caseworker's (their cases) or the provider staff's (their offers' units). A team leader's also
 * holds the decisions of their unit that wait for their approval (`approvalUnitId`), but never their own proposals.
 */
export type InboxOwner =
  | { audience: 'authority'; userId: string; approvalUnitId?: string | null }
  | { audience: 'provider'; unitIds: readonly string[] };

/** What an approval item says beyond the case: the hours proposed, the highest profile's and who proposed them. */
export type ApprovalDetail = { weeklyHours: number | null; thresholdHours: number; requestedByName: string };

/** What the inbox query needs besides its owner: the deadline kinds that go there and the last day shown. */
export type InboxWindow = { deadlineKinds: readonly string[]; horizon: string; today: string };

/**
 * The only SQL that writes tasks, and the inbox: the owner's open event tasks and the deadlines within the horizon,
 * as one ordered, paged list (the oldest event and the nearest deadline first). RLS-scoped.
 */
export const tasksRepository = {
  async insert(tx: Tx, row: NewTask): Promise<string> {
    const r = await tx.insertInto('task').values(row).returning('id').executeTakeFirstOrThrow();
    return r.id;
  },

  async byId(tx: Tx, id: string) {
    return tx
      .selectFrom('task as t')
      .innerJoin('case_file as c', 'c.id', 't.case_id')
      .select([
        't.id',
        't.kind',
        't.audience',
        't.case_id',
        't.order_id',
        't.org_unit_id',
        't.done_at',
        't.version',
        'c.caseworker_id',
        'c.citizen_id',
      ])
      .where('t.id', '=', id)
      .executeTakeFirst();
  },

  /** Marks one task done if it is still open at `version` (false: someone else did, or it moved). */
  async complete(
    tx: Tx,
    id: string,
    version: number,
    done: { at: Date; by: string; byName: string; resolution: 'marked' | 'answered' | 'followed_up' },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('task')
      .set({
        done_at: done.at,
        done_by: done.by,
        done_by_name: done.byName,
        resolution: done.resolution,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** Marks the open tasks of `kinds` on a case (or one order of it) done: the step they asked for was taken. */
  async completeOf(
    tx: Tx,
    where: { caseId: string; orderId: string | null; kinds: readonly TaskKind[] },
    done: { at: Date; by: string; byName: string; resolution: 'answered' | 'followed_up' },
  ): Promise<string[]> {
    const rows = await tx
      .updateTable('task')
      .set({
        done_at: done.at,
        done_by: done.by,
        done_by_name: done.byName,
        resolution: done.resolution,
        version: sql`version + 1`,
      })
      .where('case_id', '=', where.caseId)
      .where('done_at', 'is', null)
      .where('kind', 'in', [...where.kinds])
      .$if(where.orderId !== null, (q) => q.where('order_id', '=', where.orderId as string))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** The newest open task of `kind` on one order of a case, with the record it points to (task_open_case_idx). */
  async openOfOrder(tx: Tx, caseId: string, orderId: string, kind: TaskKind) {
    return tx
      .selectFrom('task')
      .select(['id', 'record_type', 'record_id', 'created_at'])
      .where('case_id', '=', caseId)
      .where('done_at', 'is', null)
      .where('order_id', '=', orderId)
      .where('kind', '=', kind)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The union of open event tasks and due deadlines, before the citizen and case are joined (task_open_*_idx). */
  inboxRows(tx: Tx, owner: InboxOwner, w: InboxWindow) {
    const events =
      owner.audience === 'authority'
        ? tx
            .selectFrom('case_file as c')
            .innerJoin('task as t', 't.case_id', 'c.id')
            .where('c.caseworker_id', '=', owner.userId)
            .where('t.audience', '=', 'authority')
            .where('t.done_at', 'is', null)
        : tx
            .selectFrom('task as t')
            .where('t.org_unit_id', 'in', owner.unitIds.length ? [...owner.unitIds] : [sql<string>`null::uuid`])
            .where('t.done_at', 'is', null);
    const eventRows = events.select([
      sql<'event' | 'deadline' | 'approval'>`'event'`.as('source'),
      sql<string>`t.id::text`.as('id'),
      sql<string>`t.kind`.as('kind'),
      sql<string>`t.case_id`.as('case_id'),
      sql<string | null>`t.order_id`.as('order_id'),
      sql<string | null>`t.summary`.as('summary'),
      sql<Date | null>`t.created_at`.as('at'),
      sql<string | null>`null::date`.as('due'),
      sql<number | null>`t.version`.as('version'),
      sql<string>`(t.created_at at time zone 'Europe/Copenhagen')::date`.as('sort_day'),
      sql<ApprovalDetail | null>`null::jsonb`.as('detail'),
    ]);
    const kinds = w.deadlineKinds.length ? [...w.deadlineKinds] : ['-'];
    // The same columns for both owners; the provider's deadlines carry the order they are about.
    const deadlineColumns = (orderId: RawBuilder<string | null>) => [
      sql<'event' | 'deadline' | 'approval'>`'deadline'`.as('source'),
      sql<string>`d.id::text`.as('id'),
      sql<string>`d.kind`.as('kind'),
      sql<string>`d.case_id`.as('case_id'),
      orderId.as('order_id'),
      sql<string | null>`null::text`.as('summary'),
      sql<Date | null>`null::timestamptz`.as('at'),
      sql<string | null>`d.due_date`.as('due'),
      sql<number | null>`null::integer`.as('version'),
      sql<string>`d.due_date`.as('sort_day'),
      sql<ApprovalDetail | null>`null::jsonb`.as('detail'),
    ];
    const deadlineRows =
      owner.audience === 'authority'
        ? tx
            .selectFrom('case_file as c')
            .innerJoin('case_deadline as d', 'd.case_id', 'c.id')
            .where('c.caseworker_id', '=', owner.userId)
            .where('c.status', '<>', 'closed')
            .where('d.kind', 'in', kinds)
            .where('d.met_on', 'is', null)
            .where('d.lapsed_on', 'is', null)
            .where('d.due_date', '<=', w.horizon)
            .select(deadlineColumns(sql<string | null>`null::uuid`))
        : tx
            .selectFrom('offer as f')
            .innerJoin('case_order as o', 'o.offer_id', 'f.id')
            .innerJoin('case_deadline as d', 'd.case_id', 'o.case_id')
            .where('f.org_unit_id', 'in', owner.unitIds.length ? [...owner.unitIds] : [sql<string>`null::uuid`])
            .where('o.status', '=', 'accepted')
            .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', w.today)]))
            .where('d.kind', 'in', kinds)
            .where('d.met_on', 'is', null)
            .where('d.lapsed_on', 'is', null)
            .where('d.due_date', '<=', w.horizon)
            .select(deadlineColumns(sql<string | null>`o.id`));
    const both = eventRows.unionAll(deadlineRows);
    const unitId = owner.audience === 'authority' ? (owner.approvalUnitId ?? null) : null;
    if (owner.audience !== 'authority' || !unitId) return both;
    // The team leader's: the unit's proposals waiting for approval, as decisions' queue reads them
    // (decision_approval_queue_idx; the approver is never the one who proposed, modules/decisions mayAnswer).
    const approvalRows = tx
      .selectFrom('decision_approval as a')
      .innerJoin('app_user as r', (j) =>
        j.onRef('r.municipality_id', '=', 'a.municipality_id').onRef('r.id', '=', 'a.requested_by'),
      )
      .where('a.unit_id', '=', unitId)
      .where('a.status', '=', 'pending')
      .where('a.requested_by', '<>', owner.userId)
      .select([
        sql<'event' | 'deadline' | 'approval'>`'approval'`.as('source'),
        sql<string>`a.id::text`.as('id'),
        sql<string>`'approval'`.as('kind'),
        sql<string>`a.case_id`.as('case_id'),
        sql<string | null>`null::uuid`.as('order_id'),
        sql<string | null>`a.justification`.as('summary'),
        sql<Date | null>`a.requested_at`.as('at'),
        sql<string | null>`null::date`.as('due'),
        sql<number | null>`null::integer`.as('version'),
        sql<string>`(a.requested_at at time zone 'Europe/Copenhagen')::date`.as('sort_day'),
        sql<ApprovalDetail | null>`jsonb_build_object('weeklyHours', a.proposal->'weeklyHours',
          'thresholdHours', a.threshold_hours, 'requestedByName', r.name)`.as('detail'),
      ]);
    return both.unionAll(approvalRows);
  },

  /** A page of the inbox with the citizen and the case of each item. */
  async inbox(tx: Tx, owner: InboxOwner, w: InboxWindow, limit: number, offset: number) {
    const rows = tasksRepository.inboxRows(tx, owner, w);
    const items = await tx
      .selectFrom(rows.as('x'))
      .innerJoin('case_file as c', 'c.id', 'x.case_id')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .leftJoin('case_order as o', 'o.id', 'x.order_id')
      .select([
        'o.version as order_version',
        'x.source',
        'x.id',
        'x.kind',
        'x.case_id',
        'x.order_id',
        'x.summary',
        'x.at',
        'x.due',
        'x.version',
        'x.detail',
        'c.title',
        'c.journal_number',
        'p.first_name',
        'p.last_name',
      ])
      .orderBy('x.sort_day')
      .orderBy('x.at')
      .orderBy('x.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await tasksRepository.count(tx, owner, w);
    return { items, total };
  },

  /** How many items the inbox holds (the header's count). */
  async count(tx: Tx, owner: InboxOwner, w: InboxWindow): Promise<number> {
    const r = await tx
      .selectFrom(tasksRepository.inboxRows(tx, owner, w).as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
