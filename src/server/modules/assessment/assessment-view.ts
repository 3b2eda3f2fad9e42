import { assessmentCompleteness } from '../../../rules/assessment/completeness.ts';
import type { Assessment } from '../../../shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES } from '../../../shared/assessment/ffb-terms.ts';

export type ThemeRow = {
  theme_code: string;
  level_code: string | null;
  wishes: string | null;
  informant_code: string | null;
  notes: string | null;
};

/** The assessment with every FFB theme, what is filled in, and what is still missing before a proposal. */
export function assessmentView(
  caseId: string,
  a: { id: string; support_need_code: string | null; version: number },
  rows: ThemeRow[],
): Assessment {
  const byCode = new Map(rows.map((r) => [r.theme_code, r]));
  return {
    caseId,
    version: a.version,
    supportNeedCode: a.support_need_code,
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
    completeness: assessmentCompleteness(
      rows.map((r) => ({ themeCode: r.theme_code, levelCode: r.level_code })),
      a.support_need_code,
    ),
  };
}
