import { z } from 'zod';
import { plainDateSchema } from '../plain-date.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, INFORMANTS, isCode, SUPPORT_NEED_LEVELS } from './ffb-terms.ts';

const code = (
  list: readonly { code: string }[],
  key: 'assessment.level' | 'assessment.informant' | 'assessment.supportNeed' | 'assessment.theme',
) => z.string().refine((v) => isCode(list, v), { message: key });

export const themeInputSchema = z.object({
  themeCode: code(ASSESSMENT_THEMES, 'assessment.theme'),
  levelCode: code(FUNCTION_LEVELS, 'assessment.level').nullable().default(null),
  wishes: z.string().trim().max(4000).nullable().default(null),
  informantCode: code(INFORMANTS, 'assessment.informant').nullable().default(null),
  notes: z.string().trim().max(10_000).nullable().default(null),
});

const ffbCode = z.string().trim().min(1).max(64);

/**
 * An FFB condition (tilstand) below a VUM theme, e.g. "Indgå i samspil og kontakt" under "Relationer"; a functional
 * level under "Aktivitet og deltagelse" only. The server checks the codes against the loaded FFB code system.
 */
export const conditionInputSchema = z.object({ code: ffbCode, levelCode: ffbCode.nullable().default(null) });

/** An intervention goal (indsatsmål): one primary condition, secondary ones, the expected level and the goal type. */
export const assessmentGoalInputSchema = z.object({
  primaryConditionCode: ffbCode,
  secondaryConditionCodes: z.array(ffbCode).max(10).default([]),
  targetLevelCode: ffbCode,
  goalTypeCode: ffbCode,
  status: z.enum(['active', 'completed', 'cancelled']).default('active'),
});

/** A target group (målgruppe): 1 primary, 2 secondary. */
export const targetGroupInputSchema = z.object({ code: ffbCode, rank: z.union([z.literal(1), z.literal(2)]) });

const assessmentContent = z.object({
  version: z.number().int().min(1),
  supportNeedCode: code(SUPPORT_NEED_LEVELS, 'assessment.supportNeed').nullable().default(null),
  themes: z.array(themeInputSchema).max(ASSESSMENT_THEMES.length),
  /** Left out: unchanged. Given: the whole set (a condition kept keeps its first recorded date). */
  conditions: z.array(conditionInputSchema).max(200).optional(),
  goals: z.array(assessmentGoalInputSchema).max(3, { message: 'order.goals.max' }).optional(),
  targetGroups: z.array(targetGroupInputSchema).max(40).optional(),
  /** When the support need was assessed; today if left out. */
  assessedOn: plainDateSchema.optional(),
});

/**
 * Saving an assessment with nothing in it would only bump its version: it is refused, and the form says why at the
 * overall support need (the one field every assessment has; issue 16: no feedback at a field before).
 */
export const saveAssessmentSchema = assessmentContent.superRefine((a, ctx) => {
  const ffb = (a.conditions?.length ?? 0) + (a.goals?.length ?? 0) + (a.targetGroups?.length ?? 0);
  if (a.supportNeedCode === null && a.themes.length === 0 && ffb === 0) {
    ctx.addIssue({ code: 'custom', path: ['supportNeedCode'], message: 'assessment.empty' });
  }
});
export type SaveAssessment = z.infer<typeof saveAssessmentSchema>;

/** A new assessment while support runs (at follow-up): the same content, dated, as the next round. */
export const reassessmentSchema = assessmentContent.omit({ themes: true }).extend({
  themes: z.array(themeInputSchema).max(ASSESSMENT_THEMES.length).optional(),
  assessedOn: plainDateSchema,
});
export type Reassessment = z.infer<typeof reassessmentSchema>;

export const assessmentSchema = z.object({
  caseId: z.string(),
  version: z.number().int(),
  supportNeedCode: z.string().nullable(),
  themes: z.array(
    z.object({
      themeCode: z.string(),
      display: z.string(),
      group: z.enum(['functions', 'activity', 'environment']),
      levelRequired: z.boolean(),
      levelCode: z.string().nullable(),
      wishes: z.string().nullable(),
      informantCode: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  round: z.number().int(),
  assessedOn: plainDateSchema.nullable(),
  conditions: z.array(
    z.object({
      code: z.string(),
      levelCode: z.string().nullable(),
      recordedOn: plainDateSchema,
      lastAssertedOn: plainDateSchema.nullable(),
    }),
  ),
  goals: z.array(
    assessmentGoalInputSchema.extend({
      position: z.number().int(),
      recordedOn: plainDateSchema,
      changedOn: plainDateSchema.nullable(),
    }),
  ),
  targetGroups: z.array(targetGroupInputSchema.extend({ recordedOn: plainDateSchema })),
  completeness: z.object({
    complete: z.boolean(),
    missing: z.array(z.object({ themeCode: z.string().nullable(), reason: z.enum(['level_required', 'support_need_required']) })),
  }),
});
export type Assessment = z.infer<typeof assessmentSchema>;
