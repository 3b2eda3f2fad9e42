import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/** The only SQL of cases. Row-level security scopes every statement to the actor's municipality. */
export const casesRepository = {
  async letterhead(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('municipality')
      .select(['name', 'address', 'phone', 'email'])
      .where('id', '=', municipalityId)
      .executeTakeFirstOrThrow();
  },

  /** A citizen's cases for the citizen overview (case_file_citizen_idx). */
  async forCitizen(tx: Tx, citizenId: string) {
    return tx
      .selectFrom('case_file')
      .select(['id', 'title', 'status', 'opened_on'])
      .where('citizen_id', '=', citizenId)
      .orderBy('opened_on', 'desc')
      .limit(100)
      .execute();
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
      status: string;
      title: string;
      opened_on: string;
      day_offer: boolean;
    },
  ): Promise<string> {
    return (await tx.insertInto('case_file').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async insertRequest(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      channel: string;
      received_on: string;
      requested_by: string;
      requester_name: string | null;
      what: string;
    },
  ): Promise<void> {
    await tx.insertInto('case_request').values(row).execute();
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

  async insertDocument(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      kind: string;
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

  async documentLetter(tx: Tx, caseId: string, documentId: string) {
    return tx
      .selectFrom('case_document')
      .select(['id', 'title', 'kind', 'letter'])
      .where('case_id', '=', caseId)
      .where('id', '=', documentId)
      .executeTakeFirst();
  },

  async caseById(tx: Tx, id: string) {
    return tx
      .selectFrom('case_file as c')
      .innerJoin('case_request as r', 'r.case_id', 'c.id')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .select([
        'c.id',
        'c.citizen_id',
        'c.caseworker_id',
        'c.status',
        'c.title',
        'c.opened_on',
        'c.day_offer',
        'c.version',
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

  async deadlines(tx: Tx, caseId: string) {
    return tx
      .selectFrom('case_deadline')
      .select(['kind', 'from_date', 'due_date', 'ends_at_time', 'rule_version', 'source', 'met_on', 'notice_sent_on'])
      .where('case_id', '=', caseId)
      .where('lapsed_on', 'is', null)
      .orderBy('due_date')
      .limit(200)
      .execute();
  },

  /** The timeline (case_event_case_idx); a case has tens of entries, capped for safety. */
  async events(tx: Tx, caseId: string) {
    return tx
      .selectFrom('case_event')
      .select(['id', 'occurred_at', 'kind', 'subject', 'body', 'actor_name', 'document_id'])
      .where('case_id', '=', caseId)
      .orderBy('id')
      .limit(1000)
      .execute();
  },

  /** Letters of one case, or of a page of a citizen's cases in one query (case_document_case_idx). */
  async documents(tx: Tx, caseIds: readonly string[]) {
    if (!caseIds.length) return [];
    return tx
      .selectFrom('case_document')
      .select(['id', 'case_id', 'kind', 'title', 'journalised_on', sql<boolean>`letter is not null`.as('has_letter')])
      .where('case_id', 'in', caseIds)
      .orderBy('created_at')
      .limit(200 * caseIds.length)
      .execute();
  },

  async documentContent(tx: Tx, caseId: string, documentId: string) {
    return tx
      .selectFrom('case_document')
      .select(['id', 'title', 'content'])
      .where('case_id', '=', caseId)
      .where('id', '=', documentId)
      .executeTakeFirst();
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

  /** Optimistic locking: moves the status only if nobody changed the case since `version`. */
  async setStatus(tx: Tx, id: string, version: number, status: string): Promise<boolean> {
    const r = await tx
      .updateTable('case_file')
      .set({ status, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
  },

  /**
   * Cases with their next open deadline, soonest first (case_file_caseworker_idx for "mine";
   * case_deadline_open_idx for the deadlines), paged.
   */
  async list(
    tx: Tx,
    f: { caseworkerId: string | null; due: { from: string | null; to: string } | null },
    limit: number,
    offset: number,
  ) {
    const due = f.due;
    const base = tx
      .selectFrom('case_file as c')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .where('c.status', '<>', 'closed')
      .$if(f.caseworkerId !== null, (q) => q.where('c.caseworker_id', '=', f.caseworkerId as string))
      .$if(due !== null, (q) =>
        q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('case_deadline as d')
              .select('d.id')
              .whereRef('d.case_id', '=', 'c.id')
              .where('d.met_on', 'is', null)
              .where('d.lapsed_on', 'is', null)
              .where('d.due_date', '<=', due?.to as string)
              .$if(due?.from !== null, (s) => s.where('d.due_date', '>=', due?.from as string)),
          ),
        ),
      );
    const items = await base
      .select((eb) => [
        'c.id',
        'c.title',
        'c.status',
        'p.first_name',
        'p.last_name',
        eb
          .selectFrom('case_deadline as d')
          .select(sql<string>`d.due_date::text`.as('due'))
          .whereRef('d.case_id', '=', 'c.id')
          .where('d.met_on', 'is', null)
          .where('d.lapsed_on', 'is', null)
          .orderBy('d.due_date')
          .limit(1)
          .as('next_due'),
        eb
          .selectFrom('case_deadline as d')
          .select('d.kind')
          .whereRef('d.case_id', '=', 'c.id')
          .where('d.met_on', 'is', null)
          .where('d.lapsed_on', 'is', null)
          .orderBy('d.due_date')
          .limit(1)
          .as('next_kind'),
      ])
      .orderBy(sql`next_due nulls last`)
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { items, total: total.n };
  },

  async assessmentOf(tx: Tx, caseId: string) {
    return tx
      .selectFrom('assessment')
      .select(['id', 'support_need_code', 'version'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },

  async insertAssessment(tx: Tx, row: { municipality_id: string; case_id: string }): Promise<string> {
    return (await tx.insertInto('assessment').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async assessmentThemes(tx: Tx, assessmentId: string) {
    return tx
      .selectFrom('assessment_theme')
      .select(['theme_code', 'level_code', 'wishes', 'informant_code', 'notes'])
      .where('assessment_id', '=', assessmentId)
      .execute();
  },

  /** Optimistic locking on the assessment; the themes are replaced as a whole in the same transaction. */
  async saveAssessment(
    tx: Tx,
    a: { id: string; municipalityId: string; version: number; supportNeedCode: string | null },
    themes: {
      theme_code: string;
      level_code: string | null;
      wishes: string | null;
      informant_code: string | null;
      notes: string | null;
    }[],
  ): Promise<boolean> {
    const r = await tx
      .updateTable('assessment')
      .set({ support_need_code: a.supportNeedCode, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', a.id)
      .where('version', '=', a.version)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) return false;
    await tx.deleteFrom('assessment_theme').where('assessment_id', '=', a.id).execute();
    if (themes.length) {
      await tx
        .insertInto('assessment_theme')
        .values(themes.map((t) => ({ ...t, assessment_id: a.id, municipality_id: a.municipalityId })))
        .execute();
    }
    return true;
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

  async insertDecision(
    tx: Tx,
    row: Omit<import('../../db/database.types.ts').DecisionTable, 'id' | 'created_at' | 'kind'> & { kind?: string },
  ): Promise<string> {
    return (await tx.insertInto('decision').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** The case's decisions, newest first (decision_case_idx); a case has a handful. */
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
  async latestDecision(tx: Tx, caseId: string) {
    return tx
      .selectFrom('decision')
      .select(['id', 'outcome', 'legal_basis', 'decided_on', 'reasons', 'weekly_hours', 'module_days', 'start_date'])
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The descriptions of the municipality with their versions, for the proposal (service_description_legal_basis_idx). */
  async serviceCandidates(tx: Tx, municipalityId: string) {
    return tx
      .selectFrom('service_description as s')
      .innerJoin('service_description_version as v', 'v.service_description_id', 's.id')
      .select([
        's.id as description_id',
        's.title',
        's.legal_basis',
        'v.id',
        'v.number',
        'v.status',
        'v.in_force_from',
        'v.content',
      ])
      .where('s.municipality_id', '=', municipalityId)
      .orderBy('s.legal_basis')
      .orderBy('v.number')
      .limit(2000)
      .execute();
  },

  /**
   * Messages on cases: with the citizen (channel `citizen`) or with the provider about an order (channel `provider`),
   * for one case or a page of the citizen's cases in one query (case_message_case_idx); the newest 200 a case.
   */
  async messages(tx: Tx, f: { caseIds: readonly string[]; channel: 'citizen' | 'provider'; orderId?: string }) {
    if (!f.caseIds.length) return [];
    return tx
      .selectFrom('case_message')
      .select(['id', 'case_id', 'from_party', 'author_name', 'body', 'created_at'])
      .where('case_id', 'in', f.caseIds)
      .where('channel', '=', f.channel)
      .$if(f.orderId !== undefined, (q) => q.where('order_id', '=', f.orderId as string))
      .orderBy('id')
      .limit(200 * f.caseIds.length)
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

  async complaintById(tx: Tx, caseId: string, complaintId: string) {
    return tx.selectFrom('complaint').selectAll().where('case_id', '=', caseId).where('id', '=', complaintId).executeTakeFirst();
  },

  async insertComplaint(
    tx: Tx,
    row: Omit<import('../../db/database.types.ts').ComplaintTable, 'id' | 'created_at' | 'version' | 'status'> & {
      status: string;
    },
  ): Promise<string> {
    return (await tx.insertInto('complaint').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** Optimistic locking on the complaint: two people reconsidering at once → one of them gets 409. */
  async updateComplaint(
    tx: Tx,
    id: string,
    version: number,
    patch: Partial<
      Pick<
        import('../../db/database.types.ts').ComplaintTable,
        | 'status'
        | 'reconsidered_on'
        | 'reconsideration_reasons'
        | 'forwarded_on'
        | 'forwarding_document_id'
        | 'appeal_outcome'
        | 'appeal_decided_on'
        | 'appeal_note'
      >
    >,
  ): Promise<boolean> {
    const r = await tx
      .updateTable('complaint')
      .set({ ...patch, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return r.numUpdatedRows === 1n;
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
    row: { municipality_id: string; case_id: string; kind: string; held_on: string; note: string | null },
  ): Promise<void> {
    await tx.insertInto('outreach_contact').values(row).execute();
  },

  /** Offers are public; an order goes to an offer of the actor's own municipality, so name it here. */
  async ownOffer(tx: Tx, municipalityId: string, offerId: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'name', 'legal_bases'])
      .where('id', '=', offerId)
      .where('municipality_id', '=', municipalityId)
      .executeTakeFirst();
  },

  async insertOrder(
    tx: Tx,
    row: {
      municipality_id: string;
      case_id: string;
      decision_id: string;
      offer_id: string;
      ordered_on: string;
      first_follow_up: string;
      action_plan: unknown;
    },
    goals: Omit<
      import('../../db/database.types.ts').OrderGoalTable,
      'id' | 'order_id' | 'municipality_id' | 'version' | 'ended_on'
    >[],
  ): Promise<string> {
    const id = (
      await tx
        .insertInto('case_order')
        .values({ ...row, action_plan: row.action_plan === null ? null : JSON.stringify(row.action_plan) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await tx
      .insertInto('order_goal')
      .values(goals.map((g) => ({ ...g, order_id: id, municipality_id: row.municipality_id })))
      .execute();
    return id;
  },

  /** Whether the citizen has an order, not yet ended, at one of the given offers (org units): provider scope. */
  async citizenServedAt(tx: Tx, citizenId: string, unitIds: readonly string[], today: string): Promise<boolean> {
    if (!unitIds.length) return false;
    const row = await tx
      .selectFrom('case_order as o')
      .innerJoin('case_file as c', 'c.id', 'o.case_id')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .select('o.id')
      .where('c.citizen_id', '=', citizenId)
      .where('f.org_unit_id', 'in', unitIds)
      .where((eb) => eb.or([eb('o.ends_on', 'is', null), eb('o.ends_on', '>=', today)]))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** A new order replaces the case's earlier ones: they end the day it is placed, with their goals. */
  async endEarlierOrders(tx: Tx, caseId: string, exceptId: string, on: string): Promise<void> {
    const earlier = await tx
      .updateTable('case_order')
      .set({ ends_on: on, ended_reason: 'replaced', version: sql`version + 1` })
      .where('case_id', '=', caseId)
      .where('id', '<>', exceptId)
      .where('ends_on', 'is', null)
      .returning('id')
      .execute();
    if (earlier.length) {
      await tx
        .updateTable('order_goal')
        .set({ ended_on: on })
        .where(
          'order_id',
          'in',
          earlier.map((e) => e.id),
        )
        .where('ended_on', 'is', null)
        .execute();
    }
  },

  async orderOf(tx: Tx, caseId: string) {
    const order = await tx
      .selectFrom('case_order as o')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .select(['o.id', 'o.ordered_on', 'o.first_follow_up', 'o.action_plan', 'f.name as offer_name'])
      .where('o.case_id', '=', caseId)
      .orderBy('o.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!order) return undefined;
    const goals = await tx.selectFrom('order_goal').selectAll().where('order_id', '=', order.id).orderBy('position').execute();
    return { ...order, goals };
  },
};
