import { randomUUID } from 'node:crypto';
import { bulkInsert } from '../../platform/db/bulk-insert.ts';
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

export const assessmentImport = {
  /** Set-based, in the caller's transaction (ids made here, so the rows under an assessment know it). */
  async insert(tx: Tx, municipalityId: string, assessments: readonly ImportedAssessment[]): Promise<void> {
    const part = assessments.map((a) => ({ ...a, id: randomUUID() }));
    await bulkInsert(
      tx,
      'assessment',
      { id: 'uuid', municipality_id: 'uuid', case_id: 'uuid', support_need_code: 'text', assessed_on: 'date' },
      part.map((a) => ({
        id: a.id,
        municipality_id: municipalityId,
        case_id: a.caseId,
        support_need_code: a.supportNeedCode,
        assessed_on: a.assessedOn,
      })),
      { referenced: true },
    );
    await bulkInsert(
      tx,
      'assessment_theme',
      { municipality_id: 'uuid', assessment_id: 'uuid', theme_code: 'text', level_code: 'text' },
      part.flatMap((a) =>
        a.themes.map((t) => ({
          municipality_id: municipalityId,
          assessment_id: a.id,
          theme_code: t.themeCode,
          level_code: t.levelCode,
        })),
      ),
    );
    await bulkInsert(
      tx,
      'assessment_condition',
      { municipality_id: 'uuid', assessment_id: 'uuid', condition_code: 'text', level_code: 'text', recorded_on: 'date' },
      part.flatMap((a) =>
        a.conditions.map((c) => ({
          municipality_id: municipalityId,
          assessment_id: a.id,
          condition_code: c.code,
          level_code: c.levelCode,
          recorded_on: a.assessedOn,
        })),
      ),
    );
    await bulkInsert(
      tx,
      'assessment_goal',
      {
        municipality_id: 'uuid',
        assessment_id: 'uuid',
        position: 'integer',
        primary_condition_code: 'text',
        secondary_condition_codes: 'text[]',
        target_level_code: 'text',
        goal_type_code: 'text',
        status: 'text',
        recorded_on: 'date',
      },
      part.flatMap((a) =>
        a.goals.map((g, n) => ({
          municipality_id: municipalityId,
          assessment_id: a.id,
          position: n + 1,
          primary_condition_code: g.primaryConditionCode,
          secondary_condition_codes: g.secondaryConditionCodes,
          target_level_code: g.targetLevelCode,
          goal_type_code: g.goalTypeCode,
          status: 'active',
          recorded_on: a.assessedOn,
        })),
      ),
    );
    await bulkInsert(
      tx,
      'case_target_group',
      { municipality_id: 'uuid', case_id: 'uuid', code: 'text', rank: 'smallint', recorded_on: 'date' },
      part.flatMap((a) =>
        a.targetGroups.map((g) => ({
          municipality_id: municipalityId,
          case_id: a.caseId,
          code: g.code,
          rank: g.rank,
          recorded_on: a.assessedOn,
        })),
      ),
    );
  },
};
