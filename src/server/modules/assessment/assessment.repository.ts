import { sql } from 'kysely';
import type { Tx } from '../../platform/tx.ts';

/** The only SQL that writes the assessment (VUM) and its themes; and the catalogue read the proposal needs. */
export const assessmentRepository = {
  async assessmentOf(tx: Tx, caseId: string) {
    return tx
      .selectFrom('assessment')
      .select(['id', 'support_need_code', 'version', 'assessed_on', 'round'])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  },

  /** The FFB conditions, goals and target groups of an assessment (each a handful of rows). */
  async ffbOf(tx: Tx, assessmentId: string, caseId: string) {
    const [conditions, goals, targetGroups] = await Promise.all([
      tx
        .selectFrom('assessment_condition')
        .select(['condition_code', 'level_code', 'recorded_on', 'last_asserted_on'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('recorded_on')
        .orderBy('condition_code')
        .execute(),
      tx
        .selectFrom('assessment_goal')
        .select([
          'position',
          'primary_condition_code',
          'secondary_condition_codes',
          'target_level_code',
          'goal_type_code',
          'status',
          'recorded_on',
          'changed_on',
        ])
        .where('assessment_id', '=', assessmentId)
        .orderBy('position')
        .execute(),
      tx
        .selectFrom('case_target_group')
        .select(['code', 'rank', 'recorded_on'])
        .where('case_id', '=', caseId)
        .orderBy('rank')
        .orderBy('code')
        .execute(),
    ]);
    return { conditions, goals, targetGroups };
  },

  /**
   * Replaces the FFB conditions, goals or target groups (whichever are given): a condition or target group kept keeps
   * its first recorded date; a changed level is asserted again on `on`; a changed goal is changed on `on`.
   */
  async saveFfb(
    tx: Tx,
    a: { id: string; caseId: string; municipalityId: string },
    on: string,
    input: {
      conditions?: { code: string; levelCode: string | null }[];
      goals?: {
        primaryConditionCode: string;
        secondaryConditionCodes: string[];
        targetLevelCode: string;
        goalTypeCode: string;
        status: 'active' | 'completed' | 'cancelled';
      }[];
      targetGroups?: { code: string; rank: 1 | 2 }[];
    },
  ): Promise<void> {
    const before = await this.ffbOf(tx, a.id, a.caseId);
    if (input.conditions) {
      const old = new Map(before.conditions.map((c) => [c.condition_code, c]));
      await tx.deleteFrom('assessment_condition').where('assessment_id', '=', a.id).execute();
      if (input.conditions.length) {
        await tx
          .insertInto('assessment_condition')
          .values(
            input.conditions.map((c) => {
              const prev = old.get(c.code);
              return {
                municipality_id: a.municipalityId,
                assessment_id: a.id,
                condition_code: c.code,
                level_code: c.levelCode,
                recorded_on: prev?.recorded_on ?? on,
                last_asserted_on: prev && prev.level_code !== c.levelCode ? on : (prev?.last_asserted_on ?? null),
              };
            }),
          )
          .execute();
      }
    }
    if (input.goals) {
      const old = new Map(before.goals.map((g) => [g.position, g]));
      await tx.deleteFrom('assessment_goal').where('assessment_id', '=', a.id).execute();
      if (input.goals.length) {
        await tx
          .insertInto('assessment_goal')
          .values(
            input.goals.map((g, i) => {
              const prev = old.get(i + 1);
              const same =
                prev &&
                prev.primary_condition_code === g.primaryConditionCode &&
                prev.secondary_condition_codes.join() === g.secondaryConditionCodes.join() &&
                prev.target_level_code === g.targetLevelCode &&
                prev.goal_type_code === g.goalTypeCode &&
                prev.status === g.status;
              return {
                municipality_id: a.municipalityId,
                assessment_id: a.id,
                position: i + 1,
                primary_condition_code: g.primaryConditionCode,
                secondary_condition_codes: g.secondaryConditionCodes,
                target_level_code: g.targetLevelCode,
                goal_type_code: g.goalTypeCode,
                status: g.status,
                recorded_on: prev?.recorded_on ?? on,
                changed_on: prev && !same ? on : (prev?.changed_on ?? null),
              };
            }),
          )
          .execute();
      }
    }
    if (input.targetGroups) {
      const old = new Map(before.targetGroups.map((g) => [g.code, g]));
      await tx.deleteFrom('case_target_group').where('case_id', '=', a.caseId).execute();
      if (input.targetGroups.length) {
        await tx
          .insertInto('case_target_group')
          .values(
            input.targetGroups.map((g) => ({
              municipality_id: a.municipalityId,
              case_id: a.caseId,
              code: g.code,
              rank: g.rank,
              recorded_on: old.get(g.code)?.recorded_on ?? on,
            })),
          )
          .execute();
      }
    }
  },

  /** When the support need was assessed (null: unchanged), and whether this is a new round of assessment. */
  async setAssessed(tx: Tx, id: string, on: string | null, nextRound: boolean): Promise<void> {
    if (on === null && !nextRound) return;
    await tx
      .updateTable('assessment')
      .set({ ...(on !== null ? { assessed_on: on } : {}), ...(nextRound ? { round: sql`round + 1` } : {}) })
      .where('id', '=', id)
      .execute();
  },

  async insertAssessment(tx: Tx, row: { municipality_id: string; case_id: string }): Promise<string> {
    return (await tx.insertInto('assessment').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async themes(tx: Tx, assessmentId: string) {
    return tx
      .selectFrom('assessment_theme')
      .select(['theme_code', 'level_code', 'wishes', 'informant_code', 'notes'])
      .where('assessment_id', '=', assessmentId)
      .execute();
  },

  /** Optimistic locking on the assessment; the themes are replaced as a whole in the same transaction. */
  async save(
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
};
