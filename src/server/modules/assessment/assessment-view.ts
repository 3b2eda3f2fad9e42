import { assessmentCompleteness } from '../../../rules/assessment/completeness.ts';
import type { Assessment } from '../../../shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES } from '../../../shared/assessment/ffb-terms.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';

export type ThemeRow = {
  theme_code: string;
  level_code: string | null;
  wishes: string | null;
  informant_code: string | null;
  notes: string | null;
};

export type FfbRows = {
  conditions: { condition_code: string; level_code: string | null; recorded_on: string; last_asserted_on: string | null }[];
  goals: {
    position: number;
    primary_condition_code: string;
    secondary_condition_codes: string[];
    target_level_code: string;
    goal_type_code: string;
    status: 'active' | 'completed' | 'cancelled';
    recorded_on: string;
    changed_on: string | null;
  }[];
  targetGroups: { code: string; rank: number; recorded_on: string }[];
};

const NO_FFB: FfbRows = { conditions: [], goals: [], targetGroups: [] };

/** The assessment with every FFB theme, what is filled in, and what is still missing before a proposal. */
export function assessmentView(
  caseId: string,
  a: { id: string; support_need_code: string | null; version: number; assessed_on?: string | null; round?: number },
  rows: ThemeRow[],
  ffb: FfbRows = NO_FFB,
): Assessment {
  const byCode = new Map(rows.map((r) => [r.theme_code, r]));
  return {
    caseId,
    version: a.version,
    supportNeedCode: a.support_need_code,
    round: a.round ?? 1,
    assessedOn: (a.assessed_on ?? null) as PlainDate | null,
    themes: ASSESSMENT_THEMES.map((t) => {
      const r = byCode.get(t.code);
      return {
        themeCode: t.code,
        display: t.display,
        group: t.group,
        levelRequired: t.group === 'activity',
        levelCode: r?.level_code ?? null,
        wishes: r?.wishes ?? null,
        informantCode: r?.informant_code ?? null,
        notes: r?.notes ?? null,
      };
    }),
    conditions: ffb.conditions.map((c) => ({
      code: c.condition_code,
      levelCode: c.level_code,
      recordedOn: c.recorded_on as PlainDate,
      lastAssertedOn: c.last_asserted_on as PlainDate | null,
    })),
    goals: ffb.goals.map((g) => ({
      position: g.position,
      primaryConditionCode: g.primary_condition_code,
      secondaryConditionCodes: g.secondary_condition_codes,
      targetLevelCode: g.target_level_code,
      goalTypeCode: g.goal_type_code,
      status: g.status,
      recordedOn: g.recorded_on as PlainDate,
      changedOn: g.changed_on as PlainDate | null,
    })),
    targetGroups: ffb.targetGroups.map((g) => ({
      code: g.code,
      rank: g.rank === 1 ? 1 : 2,
      recordedOn: g.recorded_on as PlainDate,
    })),
    completeness: assessmentCompleteness(
      rows.map((r) => ({ themeCode: r.theme_code, levelCode: r.level_code })),
      a.support_need_code,
    ),
  };
}
