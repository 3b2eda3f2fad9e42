import { sql } from 'kysely';
import { OPEN_COMPLAINT_STATUSES } from '../../../rules/complaints/complaint-rules.ts';
import type { DocumentContentType } from '../../../rules/records/document-types.ts';
import type {
  CaseDocumentKind,
  CaseFileStatus,
  CaseRequestChannel,
  CaseRequestRequestedBy,
  OutreachContactKind,
} from '../../db/database.types.ts';
import { cappedCount } from '../../platform/capped-count.ts';
import type { Tx } from '../../platform/tx.ts';

/** A CPR number; or a birth date or name words, either of which may also be a journal number as typed (`text`). */
export type WorklistSearch =
  | { kind: 'cpr'; cpr: string }
  | { kind: 'birth'; ddmmyy: string; text: string }
  | { kind: 'name'; tokens: string[]; text: string };

export type WorklistFilter = {
  /** One caseworker's cases ("mine", or the one a team leader picked). */
  caseworkerId: string | null;
  /** The cases of a unit's staff (the team's list). */
  unitId: string | null;
  status: CaseFileStatus | null;
  paragraph: string | null;
  /** By the next deadline of `kinds`: a due-date window, none open, or any. */
  due: { from: string | null; to: string } | 'none' | null;
  kinds: readonly string[];
  search: WorklistSearch | null;
};

export type WorklistOrder = {
  sort: 'deadline' | 'citizen' | 'opened' | 'status' | 'caseworker';
  dir: 'asc' | 'desc';
  /** The statuses in the order a case passes them, for sorting by status. */
  statusOrder: readonly string[];
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The only SQL that writes the case file: the case, its request, deadlines, journal (events), journalised
 * documents, messages and outreach contacts. Row-level security scopes every statement to the actor's municipality.
 */
/** The printed case reads a case's letters this many at a time. */
const LETTERS_CHUNK = 500;

/** Messages shown on a case's conversation: the newest, so a long one never hides what was said last. */
export const MESSAGES_PER_CASE = 200;

export const caseFileRepository = {
  /** A page of a citizen's cases, newest first, and how many there are (case_file_citizen_idx). */
  async forCitizen(tx: Tx, citizenId: string, limit: number, offset: number) {
    const items = await tx
      .selectFrom('case_file')
      .select(['id', 'title', 'status', 'opened_on'])
      .where('citizen_id', '=', citizenId)
      .orderBy('opened_on', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total =
      offset === 0 && items.length < limit
        ? items.length
        : Number(
            (
              await tx
                .selectFrom('case_file')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('citizen_id', '=', citizenId)
                .executeTakeFirstOrThrow()
            ).n,
          );
    return { items, total };
  },

  async citizenForCase(tx: Tx, citizenId: string) {
    return tx
      .selectFrom('citizen')
      .select(['id', 'first_name', 'last_name', 'cpr', 'address', 'postal_code', 'city'])
      .where('id', '=', citizenId)
      .executeTakeFirst();
  },

  async insertCase(
    tx: Tx,
    row: {
      municipality_id: string;
      citizen_id: string;
      caseworker_id: string;
      status: CaseFileStatus;
      title: string;
      opened_on: string;
      day_offer: boolean;
      case_number?: string | null;
    },
  ): Promise<{ id: string; journalNumber: string }> {
    // The database assigns the journal number in the municipality's format (trigger case_file_journal_number,
    // migration 0014), so every writer of a case gets one and two cases opened at once never share one.
    const inserted = await tx
      .insertInto('case_file')
      .values({ ...row, journal_number: sql<string>`default` })
      .returning(['id', 'journal_number'])
      .executeTakeFirstOrThrow();
    return { id: inserted.id, journalNumber: inserted.journal_number };
  },

  async caseNumberTaken(tx: Tx, municipalityId: string, caseNumber: string): Promise<boolean> {
    const row = await tx
      .selectFrom('case_file')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('case_number', '=', caseNumber)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insertRequest(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      channel: CaseRequestChannel;
      received_on: string;
      requested_by: CaseRequestRequestedBy;
      requester_name: string | null;
      what: string;
    },
  ): Promise<void> {
    await tx.insertInto('case_request').values(row).execute();
  },

  async caseById(tx: Tx, id: string) {
    return tx
      .selectFrom('case_file as c')
      .innerJoin('case_request as r', 'r.case_id', 'c.id')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.caseworker_id'),
      )
      .select([
        'c.id',
        'c.citizen_id',
        'c.caseworker_id',
        'u.name as caseworker_name',
        'c.status',
        'c.title',
        'c.opened_on',
        'c.day_offer',
        'c.version',
        'c.journal_number',
        'c.acting_municipality_code',
        'c.acting_municipality_name',
        'c.paying_municipality_code',
        'c.paying_municipality_name',
        'r.channel',
        'r.received_on',
        'r.requested_by',
        'r.requester_name',
        'r.what',
        'p.first_name',
        'p.last_name',
        'p.cpr',
        'p.address',
        'p.postal_code',
        'p.city',
      ])
      .where('c.id', '=', id)
      .executeTakeFirst();
  },

  /** Who acts and who pays (null: the case's own municipality); optimistic on the case's version. */
  async setMunicipalities(
    tx: Tx,
    id: string,
    version: number,
    m: { acting: { code: string; name: string } | null; paying: { code: string; name: string } | null },
  ): Promise<boolean> {
    const r = await tx
      .updateTable('case_file')
      .set({
        acting_municipality_code: m.acting?.code ?? null,
        acting_municipality_name: m.acting?.name ?? null,
        paying_municipality_code: m.paying?.code ?? null,
        paying_municipality_name: m.paying?.name ?? null,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /** Optimistic locking: moves the status only if nobody changed the case since `version`. */
  async setStatus(tx: Tx, id: string, version: number, status: CaseFileStatus): Promise<boolean> {
    const r = await tx
      .updateTable('case_file')
      .set({ status, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /**
   * The work list: open cases with the next deadline the municipality must meet (`kinds`), the latest decision's
   * legal basis and the caseworker, filtered, sorted and paged on the server in one statement (two lateral
   * look-ups per case, no N+1). "Mine" reads case_file_caseworker_idx for one caseworker; the team's list finds the
   * unit's staff by app_user_unit_idx (migration 0019) and their cases by case_file_caseworker_idx. The deadlines
   * come from case_deadline_case_idx, the decision from decision_case_idx, the citizen by citizen_pkey.
   */
  worklistQuery(
    tx: Tx,
    f: WorklistFilter,
    { next, decision }: { next: 'lateral' | 'first' | 'none'; decision: boolean } = { next: 'lateral', decision: true },
  ) {
    const { due } = f;
    const kinds = [...f.kinds];
    const lateral = () =>
      tx.selectFrom('case_file as c').leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('case_deadline as d')
            .select(['d.due_date', 'd.kind'])
            .whereRef('d.municipality_id', '=', 'c.municipality_id')
            .whereRef('d.case_id', '=', 'c.id')
            .where('d.met_on', 'is', null)
            .where('d.lapsed_on', 'is', null)
            .where('d.kind', 'in', kinds)
            .orderBy('d.due_date')
            .orderBy('d.id')
            .limit(1)
            .as('nd'),
        (j) => j.onTrue(),
      );
    // The same rows for the cases that have an open deadline, as a plain join to the case's first open deadline (no
    // earlier one, ties by id as above): PostgreSQL can then walk the open deadlines in due order
    // (case_deadline_duty_idx: the municipality's kinds, not met, not lapsed) and stop after a page, instead of computing
    // every case's next deadline and sorting.
    const first = () =>
      tx
        .selectFrom('case_file as c')
        .innerJoin('case_deadline as nd', (j) =>
          j
            .onRef('nd.municipality_id', '=', 'c.municipality_id')
            .onRef('nd.case_id', '=', 'c.id')
            .on('nd.met_on', 'is', null)
            .on('nd.lapsed_on', 'is', null)
            .on('nd.kind', 'in', kinds),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('case_deadline as e')
                .select('e.id')
                .whereRef('e.municipality_id', '=', 'nd.municipality_id')
                .whereRef('e.case_id', '=', 'nd.case_id')
                .where('e.met_on', 'is', null)
                .where('e.lapsed_on', 'is', null)
                .where('e.kind', 'in', kinds)
                .where((w) =>
                  w.or([
                    w('e.due_date', '<', w.ref('nd.due_date')),
                    w.and([w('e.due_date', '=', w.ref('nd.due_date')), w('e.id', '<', w.ref('nd.id'))]),
                  ]),
                ),
            ),
          ),
        );
    // Counting needs neither the next deadline nor the decision unless a filter reads them (types as the full query's).
    type Full = ReturnType<typeof lateral>;
    const from =
      next === 'lateral'
        ? lateral()
        : next === 'first'
          ? (first() as unknown as Full)
          : (tx.selectFrom('case_file as c') as unknown as Full);
    const joined = from
      .innerJoin('citizen as p', (j) => j.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.citizen_id'))
      .leftJoin('app_user as u', (j) =>
        j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.id', '=', 'c.caseworker_id'),
      );
    const withDecision = () =>
      joined.leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('decision as x')
            .select('x.legal_basis')
            .whereRef('x.municipality_id', '=', 'c.municipality_id')
            .whereRef('x.case_id', '=', 'c.id')
            .orderBy('x.decided_on', 'desc')
            .orderBy('x.created_at', 'desc')
            .limit(1)
            .as('dec'),
        (j) => j.onTrue(),
      );
    return (decision || f.paragraph !== null ? withDecision() : (joined as unknown as ReturnType<typeof withDecision>))
      .$if(f.status === null, (q) => q.where('c.status', '<>', 'closed'))
      .$if(f.status !== null, (q) => q.where('c.status', '=', f.status as CaseFileStatus))
      .$if(f.caseworkerId !== null, (q) => q.where('c.caseworker_id', '=', f.caseworkerId as string))
      .$if(f.unitId !== null, (q) =>
        q.where('c.caseworker_id', 'in', (eb) =>
          eb
            .selectFrom('app_user as t')
            .select('t.id')
            .where('t.unit_id', '=', f.unitId as string),
        ),
      )
      .$if(due === 'none' && next !== 'none', (q) => q.where('nd.due_date', 'is', null))
      .$if(due === 'none' && next === 'none', (q) =>
        q.where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('case_deadline as e')
                .select('e.id')
                .whereRef('e.municipality_id', '=', 'c.municipality_id')
                .whereRef('e.case_id', '=', 'c.id')
                .where('e.met_on', 'is', null)
                .where('e.lapsed_on', 'is', null)
                .where('e.kind', 'in', kinds),
            ),
          ),
        ),
      )
      .$if(typeof due === 'object' && due !== null, (q) => {
        const w = due as { from: string | null; to: string };
        return q.where('nd.due_date', '<=', w.to).$if(w.from !== null, (r) => r.where('nd.due_date', '>=', w.from as string));
      })
      .$if(f.paragraph !== null, (q) =>
        // "SEL § 85", "SEL §§ 82 og 85": the paragraph as a whole word after the section sign.
        q.where(sql<boolean>`dec.legal_basis ~ ${`§[^§]*\\m${f.paragraph}\\M`}`),
      )
      .$if(f.search !== null, (q) =>
        q.where((eb) => {
          const s = f.search as WorklistSearch;
          if (s.kind === 'cpr') return eb('p.cpr', '=', s.cpr);
          // A journal number in the municipality's format ("27.24.00-P19-1-26", "2026-15") matches as typed
          // (case_file_journal_number_idx would serve it alone; here the caseworker's cases are already few).
          const journal = eb('c.journal_number', '=', s.text);
          if (s.kind === 'birth') {
            return eb.or([eb.and([eb('p.cpr', '>=', `${s.ddmmyy}0000`), eb('p.cpr', '<=', `${s.ddmmyy}9999`)]), journal]);
          }
          return eb.or([
            eb.and(
              s.tokens.map((token) =>
                eb.or([
                  eb('p.search_first_name', 'like', `${escapeLike(token)}%`),
                  eb('p.search_last_name', 'like', `${escapeLike(token)}%`),
                ]),
              ),
            ),
            journal,
          ]);
        }),
      );
  },

  /**
   * A page of the work list and its count. Sorted by deadline (the default), the cases with an open deadline come
   * first, walked in due order from case_deadline_duty_idx, then those with none (by id); every other sort reads the
   * full query. The count reads only what its filters need, and stops TOTAL_CAP rows past the page (cappedCount).
   */
  async worklist(tx: Tx, f: WorklistFilter, order: WorklistOrder, limit: number, offset: number) {
    const dir = order.dir;
    const columns = (q: ReturnType<typeof this.worklistQuery>) =>
      q.select([
        'c.id',
        'c.journal_number',
        'c.title',
        'c.status',
        'c.opened_on',
        'c.version',
        'c.caseworker_id',
        'u.name as caseworker_name',
        'p.first_name',
        'p.last_name',
        'p.cpr',
        sql<string | null>`nd.due_date::text`.as('next_due'),
        'nd.kind as next_kind',
        'dec.legal_basis',
      ]);
    const counted = async (next: 'lateral' | 'first' | 'none', filter: WorklistFilter = f) =>
      Number(
        (
          await this.worklistQuery(tx, filter, { next, decision: false })
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    // Capped (a team leader's team at Copenhagen's size has 64,717 cases: counting them took longer than the page).
    const total = await cappedCount(
      tx,
      this.worklistQuery(tx, f, { next: f.due === null || f.due === 'none' ? 'none' : 'first', decision: false }),
      offset,
    );
    if (order.sort === 'deadline' && f.due !== 'none') {
      const withDeadline = await columns(this.worklistQuery(tx, f, { next: 'first', decision: true }))
        .orderBy(sql`nd.due_date ${sql.raw(dir)}`)
        .orderBy('c.id')
        .limit(limit)
        .offset(offset)
        .execute();
      // A due window only ever shows cases with a deadline; otherwise the cases with none follow, by id.
      if (withDeadline.length === limit || f.due !== null) return { items: withDeadline, ...total };
      const before = withDeadline.length > 0 ? offset + withDeadline.length : await counted('first');
      const without = await columns(this.worklistQuery(tx, { ...f, due: 'none' }, { next: 'lateral', decision: true }))
        .orderBy('c.id')
        .limit(limit - withDeadline.length)
        .offset(Math.max(0, offset - before))
        .execute();
      return { items: [...withDeadline, ...without], ...total };
    }
    const q = columns(this.worklistQuery(tx, f));
    const sorted = (() => {
      switch (order.sort) {
        case 'deadline':
          return q.orderBy(sql`nd.due_date ${sql.raw(dir)} nulls last`);
        case 'citizen':
          return q.orderBy('p.last_name', dir).orderBy('p.first_name', dir);
        case 'opened':
          return q.orderBy('c.opened_on', dir);
        case 'status':
          return q.orderBy(sql`array_position(${sql.val(order.statusOrder)}::text[], c.status::text) ${sql.raw(dir)}`);
        case 'caseworker':
          return q.orderBy(sql`u.name ${sql.raw(dir)} nulls last`);
      }
    })();
    const items = await sorted.orderBy('c.id').limit(limit).offset(offset).execute();
    return { items, ...total };
  },

  /** Open and overdue cases per member of a unit (app_user_unit_idx, then case_file_caseworker_idx per member). */
  async caseload(tx: Tx, unitId: string, kinds: readonly string[], today: string) {
    return (
      tx
        .selectFrom('app_user as u')
        .leftJoin('case_file as c', (j) =>
          j
            .onRef('c.municipality_id', '=', 'u.municipality_id')
            .onRef('c.caseworker_id', '=', 'u.id')
            .on('c.status', '<>', 'closed'),
        )
        .select((eb) => [
          'u.id',
          'u.name',
          'u.role',
          eb.fn.count<number>('c.id').as('open'),
          eb.fn
            .count<number>('c.id')
            .filterWhere((w) =>
              w.exists(
                w
                  .selectFrom('case_deadline as d')
                  .select('d.id')
                  .whereRef('d.municipality_id', '=', 'c.municipality_id')
                  .whereRef('d.case_id', '=', 'c.id')
                  .where('d.met_on', 'is', null)
                  .where('d.lapsed_on', 'is', null)
                  .where('d.kind', 'in', [...kinds])
                  .where('d.due_date', '<', today),
              ),
            )
            .as('overdue'),
        ])
        .where('u.unit_id', '=', unitId)
        .where('u.role', 'in', ['caseworker', 'team_leader'])
        .where('u.active', '=', true)
        .groupBy(['u.id', 'u.name', 'u.role'])
        .orderBy('u.name')
        // A team is tens of people; the cap keeps the answer bounded all the same.
        .limit(500)
        .execute()
    );
  },

  /** A staff member as a team member: their unit, role and whether they are active (the primary key). */
  async staffMember(tx: Tx, userId: string) {
    return tx
      .selectFrom('app_user')
      .select(['id', 'name', 'role', 'unit_id', 'active'])
      .where('id', '=', userId)
      .executeTakeFirst();
  },

  /** Optimistic locking: gives the case to another caseworker only if nobody changed it since `version`. */
  async setCaseworker(tx: Tx, id: string, version: number, caseworkerId: string): Promise<boolean> {
    const r = await tx
      .updateTable('case_file')
      .set({ caseworker_id: caseworkerId, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /**
   * The case's deadlines in force, by due date: every open one (a case has a few: one a kind at most), then the met
   * ones, the latest first, up to `limit` in all (case_deadline_case_idx). Use cases that look for a deadline read
   * them here; the case page shows them. `deadlinePage` pages the whole list.
   */
  async deadlines(tx: Tx, caseId: string, limit = 200) {
    const rows = await tx
      .selectFrom('case_deadline')
      .select(['kind', 'from_date', 'due_date', 'ends_at_time', 'rule_version', 'source', 'met_on', 'notice_sent_on'])
      .where('case_id', '=', caseId)
      .where('lapsed_on', 'is', null)
      .orderBy(sql`met_on is not null`)
      .orderBy('due_date', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.sort((a, b) => (a.due_date < b.due_date ? -1 : a.due_date > b.due_date ? 1 : 0));
  },

  /** A page of the case's deadlines in force by due date, and how many there are (case_deadline_case_idx). */
  async deadlinePage(tx: Tx, caseId: string, limit: number, offset: number) {
    const items = await tx
      .selectFrom('case_deadline')
      .select(['kind', 'from_date', 'due_date', 'ends_at_time', 'rule_version', 'source', 'met_on', 'notice_sent_on'])
      .where('case_id', '=', caseId)
      .where('lapsed_on', 'is', null)
      .orderBy('due_date')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { items, total: await caseFileRepository.countDeadlines(tx, caseId) };
  },

  /** How many deadlines in force the case has (case_deadline_case_idx). */
  async countDeadlines(tx: Tx, caseId: string): Promise<number> {
    const row = await tx
      .selectFrom('case_deadline')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .where('lapsed_on', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertDeadlines(
    tx: Tx,
    rows: {
      municipality_id: string;
      case_id: string;
      kind: string;
      from_date: string;
      due_date: string;
      ends_at_time: string;
      rule_version: string;
      source: string;
    }[],
  ): Promise<void> {
    if (rows.length) await tx.insertInto('case_deadline').values(rows).execute();
  },

  async markDeadlineMet(tx: Tx, caseId: string, kind: string, on: string): Promise<void> {
    await tx
      .updateTable('case_deadline')
      .set({ met_on: on })
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('met_on', 'is', null)
      .where('lapsed_on', 'is', null)
      .execute();
  },

  /** Deadlines that no longer apply (a new decision replaces the old one's start and complaint deadlines). */
  async lapseDeadlines(tx: Tx, caseId: string, kinds: readonly string[], on: string): Promise<void> {
    if (!kinds.length) return;
    await tx
      .updateTable('case_deadline')
      .set({ lapsed_on: on })
      .where('case_id', '=', caseId)
      .where('kind', 'in', kinds)
      .where('met_on', 'is', null)
      .where('lapsed_on', 'is', null)
      .execute();
  },

  async markNoticeSent(tx: Tx, caseId: string, kind: string, on: string): Promise<void> {
    await tx
      .updateTable('case_deadline')
      .set({ notice_sent_on: on })
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('met_on', 'is', null)
      .where('lapsed_on', 'is', null)
      .execute();
  },

  /**
   * Journal entries newest first, `limit` at a time (case_event_case_idx, read backwards): a page by number for the
   * journal's pager, or the entries before `beforeId` (keyset: the printed case reads the whole journal this way, and
   * its last part costs what its first does).
   */
  async events(tx: Tx, caseId: string, limit: number, from: { offset: number } | { beforeId: number } = { offset: 0 }) {
    return tx
      .selectFrom('case_event')
      .select(['id', 'occurred_at', 'kind', 'subject', 'body', 'actor_name', 'document_id'])
      .where('case_id', '=', caseId)
      .$if('beforeId' in from, (q) => q.where('id', '<', (from as { beforeId: number }).beforeId))
      .orderBy('id', 'desc')
      .limit(limit)
      .$if('offset' in from && (from as { offset: number }).offset > 0, (q) => q.offset((from as { offset: number }).offset))
      .execute();
  },

  /** How many journal entries the case has (case_event_case_idx). */
  async countEvents(tx: Tx, caseId: string): Promise<number> {
    const row = await tx
      .selectFrom('case_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertEvent(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      kind: string;
      subject: string;
      body: string | null;
      actor_name: string;
      actor_role: string;
      document_id?: string | null;
    },
  ): Promise<void> {
    await tx.insertInto('case_event').values(row).execute();
  },

  /** Letters and uploads of a page of a citizen's cases in one query (case_document_case_idx). */
  async documents(tx: Tx, caseIds: readonly string[]) {
    if (!caseIds.length) return [];
    return tx
      .selectFrom('case_document')
      .select([
        'id',
        'case_id',
        'kind',
        'title',
        'journalised_on',
        'document_date',
        'content_type',
        'byte_size',
        'uploaded_by_role',
        sql<boolean>`letter is not null`.as('has_letter'),
      ])
      .where('case_id', 'in', caseIds)
      .orderBy('created_at')
      .limit(200 * caseIds.length)
      .execute();
  },

  /**
   * The letters of a case with their text, for the case printed as one PDF (case_document_case_idx): every one, read
   * `LETTERS_CHUNK` at a time (it stopped at 500).
   */
  async letters(tx: Tx, caseId: string) {
    const all = [];
    for (let offset = 0; ; offset += LETTERS_CHUNK) {
      const chunk = await tx
        .selectFrom('case_document')
        .select(['id', 'title', 'kind', 'journalised_on', 'letter'])
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .orderBy('id')
        .limit(LETTERS_CHUNK)
        .offset(offset)
        .execute();
      all.push(...chunk);
      if (chunk.length < LETTERS_CHUNK) return all;
    }
  },

  async documentContent(tx: Tx, caseId: string, documentId: string) {
    return tx
      .selectFrom('case_document')
      .select(['id', 'title', 'content', 'content_type', 'kind', 'uploaded_by_role', 'letter'])
      .where('case_id', '=', caseId)
      .where('id', '=', documentId)
      .executeTakeFirst();
  },

  /**
   * Stores the PDF of a letter journalised without one (a generated letter, migration 0036), unless another read
   * stored it first; returns the PDF that is stored either way, so every read gets the same bytes.
   */
  async storeLetterPdf(tx: Tx, caseId: string, documentId: string, pdf: Uint8Array): Promise<Uint8Array> {
    const stored = await tx
      .updateTable('case_document')
      .set({ content: pdf })
      .where('case_id', '=', caseId)
      .where('id', '=', documentId)
      .where('content', 'is', null)
      .returning('content')
      .executeTakeFirst();
    if (stored?.content) return stored.content;
    const row = await tx
      .selectFrom('case_document')
      .select('content')
      .where('case_id', '=', caseId)
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    if (!row.content) throw new Error(`case_document ${documentId}: no PDF after storing one`);
    return row.content;
  },

  /**
   * A page of one case's documents, newest first, with what the list shows and never their content: all, the uploads
   * or the letters (case_document_case_idx; a case's documents are sorted, never a municipality's).
   */
  async documentList(tx: Tx, caseId: string, page: { limit: number; offset: number; kind?: 'upload' | 'letter' | undefined }) {
    return tx
      .selectFrom('case_document')
      .select([
        'id',
        'kind',
        'title',
        'journalised_on',
        'document_date',
        'content_type',
        'byte_size',
        'file_name',
        'uploaded_by_role',
        sql<boolean>`letter is not null`.as('has_letter'),
      ])
      .where('case_id', '=', caseId)
      .$if(page.kind === 'upload', (q) => q.where('kind', '=', 'upload'))
      .$if(page.kind === 'letter', (q) => q.where('kind', '<>', 'upload'))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
  },

  /** How many documents the case has, of a kind or all (case_document_case_idx). */
  async countDocuments(tx: Tx, caseId: string, kind?: 'upload' | 'letter'): Promise<number> {
    const row = await tx
      .selectFrom('case_document')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('case_id', '=', caseId)
      .$if(kind === 'upload', (q) => q.where('kind', '=', 'upload'))
      .$if(kind === 'letter', (q) => q.where('kind', '<>', 'upload'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** A document uploaded by the caseworker or the citizen, as received (its type read from its content). */
  async insertUpload(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      title: string;
      journalised_on: string;
      document_date: string;
      content: Uint8Array;
      content_type: DocumentContentType;
      byte_size: number;
      sha256: string;
      file_name: string | null;
      uploaded_by_role: 'caseworker' | 'team_leader' | 'citizen';
    },
  ): Promise<string> {
    return (
      await tx
        .insertInto('case_document')
        .values({ ...row, kind: 'upload' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },

  async documentLetter(tx: Tx, caseId: string, documentId: string) {
    return tx
      .selectFrom('case_document')
      .select(['id', 'title', 'kind', 'letter'])
      .where('case_id', '=', caseId)
      .where('id', '=', documentId)
      .executeTakeFirst();
  },

  async insertDocument(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      kind: CaseDocumentKind;
      title: string;
      journalised_on: string;
      content: Uint8Array;
      letter: unknown;
    },
  ): Promise<string> {
    return (
      await tx
        .insertInto('case_document')
        .values({ ...row, letter: JSON.stringify(row.letter) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  },

  /**
   * Messages on cases: with the citizen (channel `citizen`) or with the provider about an order (channel `provider`),
   * for one case or a page of the citizen's cases in one query (case_message_case_idx): the newest
   * MESSAGES_PER_CASE of each case, oldest first as a conversation reads. (It read the oldest 200 of all the cases
   * together, so a long conversation hid its newest messages.)
   */
  async messages(tx: Tx, f: { caseIds: readonly string[]; channel: 'citizen' | 'provider'; orderId?: string }) {
    if (!f.caseIds.length) return [];
    const newestFirst = tx
      .selectFrom('case_message')
      .select(['id', 'case_id', 'from_party', 'author_name', 'body', 'created_at'])
      .select(sql<number>`row_number() over (partition by case_id order by id desc)`.as('nth_newest'))
      .where('case_id', 'in', f.caseIds)
      .where('channel', '=', f.channel)
      .$if(f.orderId !== undefined, (q) => q.where('order_id', '=', f.orderId as string));
    return tx
      .selectFrom(newestFirst.as('m'))
      .select(['id', 'case_id', 'from_party', 'author_name', 'body', 'created_at'])
      .where('nth_newest', '<=', MESSAGES_PER_CASE)
      .orderBy('id')
      .execute();
  },

  async insertMessage(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      order_id: string | null;
      channel: 'citizen' | 'provider';
      from_party: 'authority' | 'provider' | 'citizen';
      author_name: string;
      body: string;
    },
  ): Promise<number> {
    return (await tx.insertInto('case_message').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async outreachContacts(tx: Tx, caseId: string) {
    return tx
      .selectFrom('outreach_contact')
      .select(['id', 'kind', 'held_on', 'note'])
      .where('case_id', '=', caseId)
      .orderBy('held_on')
      .limit(100)
      .execute();
  },

  async insertOutreachContact(
    tx: Tx,
    row: { municipality_id: string; case_id: string; kind: OutreachContactKind; held_on: string; note: string | null },
  ): Promise<void> {
    await tx.insertInto('outreach_contact').values(row).execute();
  },

  /**
   * Whether a complaint is under way on the case, which keeps it open (complaint_open_idx). A read only: the
   * complaints module writes complaints; closing sits below it, so it asks the table, not the module.
   */
  async hasOpenComplaint(tx: Tx, caseId: string): Promise<boolean> {
    const row = await tx
      .selectFrom('complaint')
      .select('id')
      .where('case_id', '=', caseId)
      .where('status', 'in', OPEN_COMPLAINT_STATUSES)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
