import { type Insertable, type Selectable, sql } from 'kysely';
import type { AgreementGoal, GoalMeasurement, StatusReport } from '../../db/database.types.ts';
import type { Tx } from '../../platform/tx.ts';

export type GoalRow = Selectable<AgreementGoal>;
export type MeasurementRow = Selectable<GoalMeasurement>;
export type ReportRow = Selectable<StatusReport>;
export type GoalWrite = Omit<
  Insertable<AgreementGoal>,
  'id' | 'municipality_id' | 'agreement_id' | 'position' | 'created_at' | 'version' | 'invented' | 'definition_version'
>;

/** An agreement's own columns and its center's name, as the list and the single agreement read them. */
const AGREEMENT_COLUMNS = [
  'a.id',
  'a.unit_id',
  'u.name as unit_name',
  'a.title',
  'a.period_from',
  'a.period_to',
  'a.approved_by',
  'a.source',
  'a.invented',
] as const;

/** The only SQL of agreements, goals, measurements and status reports (reads of the case tables for the measures). */
export const agreementsRepository = {
  async list(tx: Tx, m: string) {
    return tx
      .selectFrom('agreement as a')
      .innerJoin('org_unit as u', (j) => j.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.id', '=', 'a.unit_id'))
      .select(AGREEMENT_COLUMNS)
      .select((eb) =>
        eb
          .selectFrom('agreement_goal as g')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('g.municipality_id', '=', 'a.municipality_id')
          .whereRef('g.agreement_id', '=', 'a.id')
          .as('goal_count'),
      )
      .where('a.municipality_id', '=', m)
      .orderBy('u.name')
      .orderBy('a.period_from', 'desc')
      .execute();
  },

  async agreement(tx: Tx, m: string, id: string) {
    return tx
      .selectFrom('agreement as a')
      .innerJoin('org_unit as u', (j) => j.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.id', '=', 'a.unit_id'))
      .select(AGREEMENT_COLUMNS)
      .where('a.municipality_id', '=', m)
      .where('a.id', '=', id)
      .executeTakeFirst();
  },

  /** The goals of an agreement in order (agreement_goal_position_key). */
  async goals(tx: Tx, m: string, agreementId: string): Promise<GoalRow[]> {
    return tx
      .selectFrom('agreement_goal')
      .selectAll()
      .where('municipality_id', '=', m)
      .where('agreement_id', '=', agreementId)
      .orderBy('position')
      .execute();
  },

  async goal(tx: Tx, m: string, id: string): Promise<GoalRow | undefined> {
    return tx.selectFrom('agreement_goal').selectAll().where('municipality_id', '=', m).where('id', '=', id).executeTakeFirst();
  },

  async goalUnits(tx: Tx, m: string, goalIds: readonly string[]) {
    if (goalIds.length === 0) return [];
    return tx
      .selectFrom('agreement_goal_unit as gu')
      .innerJoin('org_unit as u', (j) => j.onRef('u.municipality_id', '=', 'gu.municipality_id').onRef('u.id', '=', 'gu.unit_id'))
      .select(['gu.goal_id', 'u.id', 'u.name'])
      .where('gu.municipality_id', '=', m)
      .where('gu.goal_id', 'in', goalIds)
      .orderBy('u.name')
      .execute();
  },

  async insertGoal(tx: Tx, m: string, agreementId: string, row: GoalWrite): Promise<string> {
    const [next] = await tx
      .selectFrom('agreement_goal')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('p'))
      .where('municipality_id', '=', m)
      .where('agreement_id', '=', agreementId)
      .execute();
    const r = await tx
      .insertInto('agreement_goal')
      .values({ ...row, municipality_id: m, agreement_id: agreementId, position: Number(next?.p ?? 0) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  /** Updates a goal if its version is unchanged; a changed definition or measure gets the next definition version. */
  async updateGoal(tx: Tx, m: string, id: string, version: number, row: GoalWrite, definitionVersion: number) {
    const r = await tx
      .updateTable('agreement_goal')
      .set({ ...row, definition_version: definitionVersion, version: version + 1 })
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async replaceGoalUnits(tx: Tx, m: string, goalId: string, unitIds: readonly string[]) {
    await tx.deleteFrom('agreement_goal_unit').where('municipality_id', '=', m).where('goal_id', '=', goalId).execute();
    if (unitIds.length > 0)
      await tx
        .insertInto('agreement_goal_unit')
        .values(unitIds.map((u) => ({ municipality_id: m, goal_id: goalId, unit_id: u })))
        .execute();
  },

  /** Every value of the goals, newest first (goal_measurement_goal_idx). */
  async measurements(tx: Tx, m: string, goalIds: readonly string[]): Promise<MeasurementRow[]> {
    if (goalIds.length === 0) return [];
    return tx
      .selectFrom('goal_measurement')
      .selectAll()
      .where('municipality_id', '=', m)
      .where('goal_id', 'in', goalIds)
      .orderBy('goal_id')
      .orderBy('computed_at', 'desc')
      .execute();
  },

  async measurement(tx: Tx, m: string, id: string): Promise<MeasurementRow | undefined> {
    return tx.selectFrom('goal_measurement').selectAll().where('municipality_id', '=', m).where('id', '=', id).executeTakeFirst();
  },

  async insertMeasurement(tx: Tx, m: string, row: Omit<Insertable<GoalMeasurement>, 'id' | 'municipality_id'>) {
    const r = await tx
      .insertInto('goal_measurement')
      .values({ ...row, municipality_id: m })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async municipalityName(tx: Tx, m: string): Promise<string> {
    const r = await tx.selectFrom('municipality').select('name').where('id', '=', m).executeTakeFirst();
    return r?.name ?? '';
  },

  async units(tx: Tx, m: string) {
    return tx.selectFrom('org_unit').select(['id', 'name', 'kind', 'parent_id']).where('municipality_id', '=', m).execute();
  },

  async offersOfUnits(tx: Tx, m: string, unitIds: readonly string[]) {
    if (unitIds.length === 0) return [];
    return tx
      .selectFrom('offer')
      .select(['id', 'name', 'org_unit_id'])
      .where('municipality_id', '=', m)
      .where('org_unit_id', 'in', unitIds)
      .execute();
  },

  /**
   * Goals of plans closed in a period at the given offers, with their order's offer: the offers' orders
   * (case_order_offer_status_idx), then their goals (order_goal_municipality_id_order_id_position_key).
   */
  async closedGoals(tx: Tx, m: string, offerIds: readonly string[], from: string, to: string) {
    if (offerIds.length === 0) return [];
    return tx
      .selectFrom('order_goal as g')
      .innerJoin('case_order as o', (j) =>
        j.onRef('o.municipality_id', '=', 'g.municipality_id').onRef('o.id', '=', 'g.order_id'),
      )
      .select([
        'g.id',
        'g.order_id',
        'g.condition_code',
        'g.goal_type_code',
        'g.baseline_support_need_code',
        'g.ended_on',
        'o.offer_id',
      ])
      .where('g.municipality_id', '=', m)
      .where('g.ended_on', '>=', from)
      .where('g.ended_on', '<=', to)
      .where('o.offer_id', 'in', offerIds)
      .execute();
  },

  /**
   * The FKO statuses of those goals (closedGoals' reads, then fko_status_goal_idx), selected by the same conditions
   * rather than by a list of ids: a large municipality closes tens of thousands of goals a year, and a statement takes
   * at most 65,535 parameters.
   */
  async closedGoalStatuses(tx: Tx, m: string, offerIds: readonly string[], from: string, to: string) {
    if (offerIds.length === 0) return [];
    return tx
      .selectFrom('fko_status as f')
      .innerJoin('order_goal as g', (j) => j.onRef('g.municipality_id', '=', 'f.municipality_id').onRef('g.id', '=', 'f.goal_id'))
      .innerJoin('case_order as o', (j) =>
        j.onRef('o.municipality_id', '=', 'g.municipality_id').onRef('o.id', '=', 'g.order_id'),
      )
      .select(['f.goal_id', 'f.kind', 'f.scored_on', 'f.support_need_code'])
      .where('f.municipality_id', '=', m)
      .where('g.ended_on', '>=', from)
      .where('g.ended_on', '<=', to)
      .where('o.offer_id', 'in', offerIds)
      .execute();
  },

  /** Shelter stays under way in a period, with the citizen's birth date (shelter_stay_period_idx). */
  async stays(tx: Tx, m: string, from: string, to: string) {
    return tx
      .selectFrom('shelter_stay as s')
      .innerJoin('citizen as c', (j) => j.onRef('c.municipality_id', '=', 's.municipality_id').onRef('c.id', '=', 's.citizen_id'))
      .select(['s.offer_id', 's.shelter_name', 's.arrived_on', 's.left_on', 's.outcome', 'c.birth_date'])
      .where('s.municipality_id', '=', m)
      .where(sql<string>`coalesce(s.left_on, 'infinity'::date)`, '>=', from)
      .where('s.arrived_on', '<=', to)
      .execute();
  },

  async reports(tx: Tx, m: string, agreementId: string): Promise<ReportRow[]> {
    return tx
      .selectFrom('status_report')
      .selectAll()
      .where('municipality_id', '=', m)
      .where('agreement_id', '=', agreementId)
      .orderBy('kind', 'desc')
      .orderBy('report_version', 'desc')
      .execute();
  },

  async report(tx: Tx, m: string, id: string): Promise<ReportRow | undefined> {
    return tx.selectFrom('status_report').selectAll().where('municipality_id', '=', m).where('id', '=', id).executeTakeFirst();
  },

  async reportGoals(tx: Tx, m: string, reportId: string) {
    return tx
      .selectFrom('status_report_goal')
      .selectAll()
      .where('municipality_id', '=', m)
      .where('report_id', '=', reportId)
      .execute();
  },

  async insertReport(tx: Tx, m: string, row: Omit<Insertable<StatusReport>, 'id' | 'municipality_id'>): Promise<string> {
    const r = await tx
      .insertInto('status_report')
      .values({ ...row, municipality_id: m })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },

  async insertReportGoals(
    tx: Tx,
    m: string,
    reportId: string,
    rows: readonly { goal_id: string; measurement_id: string | null; comment: string }[],
  ) {
    if (rows.length === 0) return;
    await tx
      .insertInto('status_report_goal')
      .values(rows.map((r) => ({ ...r, municipality_id: m, report_id: reportId })))
      .execute();
  },

  async setReportMeasurement(tx: Tx, m: string, reportId: string, goalId: string, measurementId: string | null) {
    await tx
      .updateTable('status_report_goal')
      .set({ measurement_id: measurementId })
      .where('municipality_id', '=', m)
      .where('report_id', '=', reportId)
      .where('goal_id', '=', goalId)
      .execute();
  },

  async setComment(tx: Tx, m: string, reportId: string, goalId: string, version: number, comment: string) {
    const r = await tx
      .updateTable('status_report_goal')
      .set({ comment, version: version + 1 })
      .where('municipality_id', '=', m)
      .where('report_id', '=', reportId)
      .where('goal_id', '=', goalId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Moves a draft's version on (a re-measure or an issue); false if someone changed it meanwhile. */
  async bumpReport(tx: Tx, m: string, id: string, version: number, issue?: { content: unknown; at: string; by: string }) {
    const r = await tx
      .updateTable('status_report')
      .set({
        version: version + 1,
        ...(issue
          ? { state: 'issued', content: JSON.stringify(issue.content), issued_at: issue.at, issued_by_name: issue.by }
          : {}),
      })
      .where('municipality_id', '=', m)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
