import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

export const TASK_KINDS = [
  'citizen_complaint',
  'citizen_message',
  'citizen_document',
  'provider_message',
  'provider_question',
  'order_declined',
  'fko_status',
  'order_received',
  'authority_message',
  'question_answered',
] as const;

/** Where an inbox item comes from: an event written as a task, a deadline within the horizon, or an approval. */
export const TASK_SOURCES = ['event', 'deadline', 'approval'] as const;

/** One item of the inbox; `kind` is a task kind, a deadline kind, or `approval` (a decision awaiting approval). */
export const taskItemSchema = z.object({
  id: z.string(),
  source: z.enum(TASK_SOURCES),
  kind: z.string(),
  caseId: uuidSchema,
  orderId: uuidSchema.nullable(),
  citizenName: z.string(),
  caseTitle: z.string(),
  journalNumber: z.string(),
  summary: z.string().nullable(),
  /** When the event happened (ISO instant); a deadline has none. */
  at: z.string().nullable(),
  /** A deadline's last day. */
  due: plainDateSchema.nullable(),
  overdue: z.boolean(),
  /** For marking done: the task's version (409 when someone else did it first). */
  version: z.number().int().nullable(),
  /** The order's version, to answer the provider's question with. */
  orderVersion: z.number().int().nullable(),
  /** "Mark as done" is offered (a question is done by answering it, a deadline by meeting it). */
  canMarkDone: z.boolean(),
  /** The caseworker can answer the provider's question here. */
  answerable: z.boolean(),
  /** A decision awaiting the team leader's approval: the hours proposed, the highest profile's, who proposed them. */
  approval: z.object({ weeklyHours: z.number().nullable(), thresholdHours: z.number(), requestedByName: z.string() }).nullable(),
});
export type TaskItem = z.infer<typeof taskItemSchema>;

export const taskQuerySchema = pageQuerySchema;

export const taskCountSchema = z.object({ open: z.number().int() });

export const completeTaskSchema = z.object({ version: z.number().int().min(1) });

/** The caseworker's answer to the provider's question; it releases the held order. */
export const answerQuestionSchema = z.object({
  version: z.number().int().min(1),
  body: z.string().trim().min(1, { message: 'order.answer.body' }).max(4000, { message: 'message.tooLong' }),
});

/** The provider declines an order: the reason goes to the caseworker as a task. */
export const declineOrderSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1, { message: 'order.decline.reason' }).max(4000, { message: 'message.tooLong' }),
});

/** The provider asks about an order and holds it until the caseworker answers. */
export const askQuestionSchema = z.object({
  version: z.number().int().min(1),
  question: z.string().trim().min(1, { message: 'order.question.body' }).max(4000, { message: 'message.tooLong' }),
});

export const taskIdParamsSchema = z.object({ id: uuidSchema });
