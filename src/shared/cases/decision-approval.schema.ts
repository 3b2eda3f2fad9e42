import { z } from 'zod';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';
import { DECISION_OUTCOMES } from './decision.schema.ts';

/** The team leader's answer to a decision awaiting approval: approve it, or send it back with a reason. */
export const approveDecisionSchema = z.object({ version: z.number().int().min(1) });
export type ApproveDecision = z.infer<typeof approveDecisionSchema>;

export const sendBackDecisionSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, { message: 'approval.reason' }).max(4000),
});
export type SendBackDecision = z.infer<typeof sendBackDecisionSchema>;

export const APPROVAL_STATUSES = ['pending', 'approved', 'sent_back'] as const;

/** A decision proposed for approval, as both the caseworker and the team leader see it. */
export const decisionApprovalSchema = z.object({
  id: uuidSchema,
  caseId: uuidSchema,
  status: z.enum(APPROVAL_STATUSES),
  rule: z.string(),
  thresholdHours: z.number(),
  outcome: z.enum(DECISION_OUTCOMES),
  serviceTitle: z.string(),
  legalBasis: z.string(),
  weeklyHours: z.number().nullable(),
  startDate: plainDateSchema.nullable(),
  timeLimitUntil: plainDateSchema.nullable(),
  reasons: z.string(),
  justification: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  sendBackReason: z.string().nullable(),
  /** Whether the one asking may answer it: a team leader of the caseworker's team, not the one who proposed it. */
  youMayAnswer: z.boolean(),
});
export type DecisionApproval = z.infer<typeof decisionApprovalSchema>;

/** A line of the team leader's queue of decisions awaiting approval. */
export const awaitingApprovalItemSchema = z.object({
  approvalId: uuidSchema,
  caseId: uuidSchema,
  caseVersion: z.number().int(),
  citizenName: z.string(),
  journalNumber: z.string().nullable(),
  legalBasis: z.string(),
  weeklyHours: z.number().nullable(),
  thresholdHours: z.number(),
  requestedByName: z.string(),
  requestedAt: z.string(),
});
export type AwaitingApprovalItem = z.infer<typeof awaitingApprovalItemSchema>;
