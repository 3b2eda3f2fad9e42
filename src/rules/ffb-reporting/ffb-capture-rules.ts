import { type CodeIndex, inValueSet } from './ffb-value-sets.ts';

/**
 * The FFB rules applied where the data is entered (the assessment, the order, an import), so that what Visitator
 * records can always be reported: the same rules as the delivery report's (ffb-rules.ts), said about a field.
 * Each problem names its field path and a validation message key (shared/i18n/validation-messages.ts).
 */
export type CaptureIssue = { path: string; key: FfbCaptureKey };

export type FfbCaptureKey =
  | 'ffb.condition.unknown'
  | 'ffb.condition.levelRequired'
  | 'ffb.condition.levelForbidden'
  | 'ffb.condition.duplicate'
  | 'ffb.level.unknown'
  | 'ffb.supportNeed.unknown'
  | 'ffb.targetGroup.unknown'
  | 'ffb.targetGroup.onePrimary'
  | 'ffb.goal.condition'
  | 'ffb.goal.notAssessed'
  | 'ffb.goal.targetLevel'
  | 'ffb.goal.type'
  | 'ffb.service.unknown';

export type ConditionInput = { code: string; levelCode: string | null };
export type GoalInput = {
  primaryConditionCode: string;
  secondaryConditionCodes: readonly string[];
  targetLevelCode: string;
  goalTypeCode: string;
};

/**
 * Conditions: an FFB condition code (a tilstand, not a theme); a functional level required under "Aktivitet og
 * deltagelse" and not allowed elsewhere (kl-reporting-ffb-condition-1); each condition once.
 */
export function conditionIssues(conditions: readonly ConditionInput[], codes: CodeIndex, base = 'conditions'): CaptureIssue[] {
  const issues: CaptureIssue[] = [];
  const seen = new Set<string>();
  conditions.forEach((c, i) => {
    if (!inValueSet('KLConditionCodesFFB', c.code, codes)) {
      issues.push({ path: `${base}.${i}.code`, key: 'ffb.condition.unknown' });
      return;
    }
    if (seen.has(c.code)) issues.push({ path: `${base}.${i}.code`, key: 'ffb.condition.duplicate' });
    seen.add(c.code);
    const activity = inValueSet('KLConditionADCodesFFB', c.code, codes);
    if (activity && c.levelCode === null) issues.push({ path: `${base}.${i}.levelCode`, key: 'ffb.condition.levelRequired' });
    if (!activity && c.levelCode !== null) issues.push({ path: `${base}.${i}.levelCode`, key: 'ffb.condition.levelForbidden' });
    if (activity && c.levelCode !== null && !inValueSet('KLSeveritiesFFB', c.levelCode, codes))
      issues.push({ path: `${base}.${i}.levelCode`, key: 'ffb.level.unknown' });
  });
  return issues;
}

/** Target groups: FFB target group codes (the most detailed level), at most one primary (kl-reporting-ffb-care-plan-2). */
export function targetGroupIssues(
  groups: readonly { code: string; rank: 1 | 2 }[],
  codes: CodeIndex,
  base = 'targetGroups',
): CaptureIssue[] {
  const issues: CaptureIssue[] = [];
  groups.forEach((g, i) => {
    if (!inValueSet('KLTargetGroupsFFB', g.code, codes))
      issues.push({ path: `${base}.${i}.code`, key: 'ffb.targetGroup.unknown' });
  });
  const primaries = groups.map((g, i) => [g, i] as const).filter(([g]) => g.rank === 1);
  for (const [, i] of primaries.slice(1)) issues.push({ path: `${base}.${i}.rank`, key: 'ffb.targetGroup.onePrimary' });
  return issues;
}

/**
 * Goals (indsatsmål): exactly one primary condition and any secondary ones, all under "Aktivitet og deltagelse"
 * (kl-reporting-ffb-intervention-goal-1, -2) and all among the assessed conditions; the expected functional level and
 * the goal type are FFB codes.
 */
export function goalIssues(
  goals: readonly GoalInput[],
  assessed: ReadonlySet<string>,
  codes: CodeIndex,
  base = 'goals',
): CaptureIssue[] {
  const issues: CaptureIssue[] = [];
  goals.forEach((g, i) => {
    const conditions = [
      ['primaryConditionCode', g.primaryConditionCode] as const,
      ...g.secondaryConditionCodes.map((c, j) => [`secondaryConditionCodes.${j}`, c] as const),
    ];
    for (const [field, code] of conditions) {
      if (!inValueSet('KLConditionADCodesFFB', code, codes))
        issues.push({ path: `${base}.${i}.${field}`, key: 'ffb.goal.condition' });
      else if (!assessed.has(code)) issues.push({ path: `${base}.${i}.${field}`, key: 'ffb.goal.notAssessed' });
    }
    if (!inValueSet('KLSeveritiesFFB', g.targetLevelCode, codes))
      issues.push({ path: `${base}.${i}.targetLevelCode`, key: 'ffb.goal.targetLevel' });
    if (!inValueSet('KLChangeValueCodesFFB', g.goalTypeCode, codes))
      issues.push({ path: `${base}.${i}.goalTypeCode`, key: 'ffb.goal.type' });
  });
  return issues;
}

/** The support need: an FFB support-need level (Støttebehovsniveau). */
export function supportNeedIssues(code: string | null, codes: CodeIndex, path = 'supportNeedCode'): CaptureIssue[] {
  return code === null || inValueSet('KLNeedsAssessmentCodesFFB', code, codes) ? [] : [{ path, key: 'ffb.supportNeed.unknown' }];
}

/** Services (ydelser) an order delivers: FFB service codes (KLInterventionsFFB). */
export function serviceIssues(services: readonly string[], codes: CodeIndex, base = 'services'): CaptureIssue[] {
  return services.flatMap((s, i) =>
    inValueSet('KLInterventionsFFB', s, codes) ? [] : [{ path: `${base}.${i}`, key: 'ffb.service.unknown' as const }],
  );
}
