import { randomUUID } from 'node:crypto';
import type { Tx } from '../../platform/tx.ts';

/**
 * The latest assessment of an imported case (data-import checks it with the same FFB rules as the assessment form):
 * the support need and when it was assessed, the level per VUM theme, the FFB conditions, goals and target groups.
 */
export type ImportedAssessment = {
  caseId: string;
  assessedOn: string;
  supportNeedCode: string | null;
  themes: { themeCode: string; levelCode: string | null }[];
  conditions: { code: string; levelCode: string | null }[];
  goals: { primaryConditionCode: string; secondaryConditionCodes: string[]; targetLevelCode: string; goalTypeCode: string }[];
  targetGroups: { code: string; rank: 1 | 2 }[];
};

const CHUNK = 500;

export const assessmentImport = {
  async insert(tx: Tx, municipalityId: string, assessments: readonly ImportedAssessment[]): Promise<void> {
    for (let i = 0; i < assessments.length; i += CHUNK) {
      const part = assessments.slice(i, i + CHUNK).map((a) => ({ ...a, id: randomUUID() }));
      await tx
        .insertInto('assessment')
        .values(
          part.map((a) => ({
            id: a.id,
            municipality_id: municipalityId,
            case_id: a.caseId,
            support_need_code: a.supportNeedCode,
            assessed_on: a.assessedOn,
          })),
        )
        .execute();
      const themes = part.flatMap((a) =>
        a.themes.map((t) => ({
          municipality_id: municipalityId,
          assessment_id: a.id,
          theme_code: t.themeCode,
          level_code: t.levelCode,
          wishes: null,
          informant_code: null,
          notes: null,
        })),
      );
      if (themes.length) await tx.insertInto('assessment_theme').values(themes).execute();
      const conditions = part.flatMap((a) =>
        a.conditions.map((c) => ({
          municipality_id: municipalityId,
          assessment_id: a.id,
          condition_code: c.code,
          level_code: c.levelCode,
          recorded_on: a.assessedOn,
        })),
      );
      if (conditions.length) await tx.insertInto('assessment_condition').values(conditions).execute();
      const goals = part.flatMap((a) =>
        a.goals.map((g, n) => ({
          municipality_id: municipalityId,
          assessment_id: a.id,
          position: n + 1,
          primary_condition_code: g.primaryConditionCode,
          secondary_condition_codes: g.secondaryConditionCodes,
          target_level_code: g.targetLevelCode,
          goal_type_code: g.goalTypeCode,
          status: 'active' as const,
          recorded_on: a.assessedOn,
        })),
      );
      if (goals.length) await tx.insertInto('assessment_goal').values(goals).execute();
      const groups = part.flatMap((a) =>
        a.targetGroups.map((g) => ({
          municipality_id: municipalityId,
          case_id: a.caseId,
          code: g.code,
          rank: g.rank,
          recorded_on: a.assessedOn,
        })),
      );
      if (groups.length) await tx.insertInto('case_target_group').values(groups).execute();
    }
  },
};
