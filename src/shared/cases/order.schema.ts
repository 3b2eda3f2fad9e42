import { z } from 'zod';
import { ASSESSMENT_THEMES, GOAL_TYPES, isCode, SUPPORT_NEED_LEVELS, SUPPORT_NOT_ASSESSED } from '../assessment/ffb-terms.ts';
import { plainDateSchema } from '../plain-date.ts';

const supportNeed = z
  .string()
  .refine((v) => isCode(SUPPORT_NEED_LEVELS, v) && v !== SUPPORT_NOT_ASSESSED, { message: 'assessment.supportNeed' });

/** A SMART goal: specific text, measurable indicator, a target date, one primary FFB condition, a goal type, FKO. */
export const goalSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  indicator: z.string().trim().min(1).max(1000),
  targetDate: plainDateSchema,
  conditionCode: z.string().refine((v) => isCode(ASSESSMENT_THEMES, v), { message: 'assessment.theme' }),
  goalTypeCode: z.string().refine((v) => isCode(GOAL_TYPES, v), { message: 'order.goalType' }),
  baselineSupportNeedCode: supportNeed,
  targetSupportNeedCode: supportNeed,
});

/** The order (bestilling) to a provider's offer: the frame from the decision, at most 3 goals, and the § 141 plan. */
export const orderSchema = z.object({
  version: z.number().int().min(1),
  offerId: z.uuid({ message: 'order.offer' }),
  orderedOn: plainDateSchema,
  firstFollowUp: plainDateSchema,
  goals: z.array(goalSchema).min(1).max(3, { message: 'order.goals.max' }),
  /** The FFB services (ydelser) the offer is to deliver, e.g. "Støtte til daglige opgaver i hjemmet". */
  services: z.array(z.string().trim().min(1).max(64)).max(10).default([]),
  actionPlan: z
    .object({
      purpose: z.string().trim().min(1).max(4000),
      services: z.string().trim().min(1).max(4000),
      expectedDuration: z.string().trim().min(1).max(1000),
      otherCircumstances: z.string().trim().max(4000).default(''),
    })
    .nullable()
    .default(null),
});
export type Order = z.infer<typeof orderSchema>;
