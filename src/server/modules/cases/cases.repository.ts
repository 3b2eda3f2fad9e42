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
    row: { municipality_id: string; case_id: string; kind: string; title: string; journalised_on: string; content: Uint8Array },
  ): Promise<string> {
    return (await tx.insertInto('case_document').values(row).returning('id').executeTakeFirstOrThrow()).id;
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
      .select(['kind', 'from_date', 'due_date', 'ends_at_time', 'rule_version', 'source', 'met_on'])
      .where('case_id', '=', caseId)
      .orderBy('due_date')
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

  async documents(tx: Tx, caseId: string) {
    return tx
      .selectFrom('case_document')
      .select(['id', 'kind', 'title', 'journalised_on'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
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
  async list(tx: Tx, f: { caseworkerId: string | null }, limit: number, offset: number) {
    const base = tx
      .selectFrom('case_file as c')
      .innerJoin('citizen as p', 'p.id', 'c.citizen_id')
      .where('c.status', '<>', 'closed')
      .$if(f.caseworkerId !== null, (q) => q.where('c.caseworker_id', '=', f.caseworkerId as string));
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
          .orderBy('d.due_date')
          .limit(1)
          .as('next_due'),
        eb
          .selectFrom('case_deadline as d')
          .select('d.kind')
          .whereRef('d.case_id', '=', 'c.id')
          .where('d.met_on', 'is', null)
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
    row: Omit<import('../../db/database.types.ts').DecisionTable, 'id' | 'created_at'>,
  ): Promise<string> {
    return (await tx.insertInto('decision').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  /** The granting decision an order rests on (decision_case_idx). */
  async grantingDecision(tx: Tx, caseId: string) {
    return tx
      .selectFrom('decision')
      .select(['id', 'decided_on', 'weekly_hours', 'profile_code', 'module_days', 'start_date'])
      .where('case_id', '=', caseId)
      .where('outcome', '<>', 'refused')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** Offers are public; an order goes to an offer of the actor's own municipality, so name it here. */
  async ownOffer(tx: Tx, municipalityId: string, offerId: string) {
    return tx
      .selectFrom('offer')
      .select(['id', 'name'])
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
    goals: Omit<import('../../db/database.types.ts').OrderGoalTable, 'id' | 'order_id' | 'municipality_id'>[],
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

  async orderOf(tx: Tx, caseId: string) {
    const order = await tx
      .selectFrom('case_order as o')
      .innerJoin('offer as f', 'f.id', 'o.offer_id')
      .select(['o.id', 'o.ordered_on', 'o.first_follow_up', 'o.action_plan', 'f.name as offer_name'])
      .where('o.case_id', '=', caseId)
      .executeTakeFirst();
    if (!order) return undefined;
    const goals = await tx.selectFrom('order_goal').selectAll().where('order_id', '=', order.id).orderBy('position').execute();
    return { ...order, goals };
  },
};
