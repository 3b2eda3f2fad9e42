import { ASSESSMENT_THEMES, NOT_ASSESSED_LEVEL, SUPPORT_NOT_ASSESSED } from '../../shared/assessment/ffb-terms.ts';

export type ThemeAssessment = { themeCode: string; levelCode: string | null };
export type Missing = { themeCode: string | null; reason: 'level_required' | 'support_need_required' };

/**
 * Which parts of a VUM assessment must be done before a decision can be proposed. FFB: every theme under
 * "Aktivitet og deltagelse" needs a functional level ("Ikke vurderet" does not count); the themes under
 * "Funktioner og forhold" and "Omgivelsesfaktorer" do not. The overall support need must be set.
 */
export function assessmentCompleteness(
  themes: readonly ThemeAssessment[],
  supportNeedCode: string | null,
): { complete: boolean; missing: Missing[] } {
  const byCode = new Map(themes.map((t) => [t.themeCode, t.levelCode]));
  const missing: Missing[] = ASSESSMENT_THEMES.filter((t) => t.group === 'activity')
    .filter((t) => {
      const level = byCode.get(t.code);
      return !level || level === NOT_ASSESSED_LEVEL;
    })
    .map((t) => ({ themeCode: t.code, reason: 'level_required' as const }));
  if (!supportNeedCode || supportNeedCode === SUPPORT_NOT_ASSESSED)
    missing.push({ themeCode: null, reason: 'support_need_required' });
  return { complete: missing.length === 0, missing };
}
