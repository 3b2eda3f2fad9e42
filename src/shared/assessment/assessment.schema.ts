import { z } from 'zod';
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

/** Saving an assessment with nothing in it would only bump its version: it is refused, and the form says why. */
export const saveAssessmentSchema = z
  .object({
    version: z.number().int().min(1),
    supportNeedCode: code(SUPPORT_NEED_LEVELS, 'assessment.supportNeed').nullable().default(null),
    themes: z.array(themeInputSchema).max(ASSESSMENT_THEMES.length),
  })
  .superRefine((a, ctx) => {
    if (a.supportNeedCode === null && a.themes.length === 0) {
      ctx.addIssue({ code: 'custom', path: [], message: 'assessment.empty' });
    }
  });
export type SaveAssessment = z.infer<typeof saveAssessmentSchema>;

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
  completeness: z.object({
    complete: z.boolean(),
    missing: z.array(z.object({ themeCode: z.string().nullable(), reason: z.enum(['level_required', 'support_need_required']) })),
  }),
});
export type Assessment = z.infer<typeof assessmentSchema>;
