import { z } from 'zod';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

export const COMPLAINT_FORMS = ['written', 'oral', 'digital'] as const;
export const APPEAL_OUTCOME_KEYS = ['confirmed', 'changed', 'remitted', 'dismissed'] as const;
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'complaint.time' });

/** A complaint (klage), written or oral, with the day (and for an oral complaint, the time) it was received. */
export const registerComplaintSchema = z.object({
  form: z.enum(COMPLAINT_FORMS),
  receivedOn: plainDateSchema,
  receivedAt: clock.nullable().default(null),
  text: z.string().trim().min(1, { message: 'complaint.text' }).max(20_000),
});
export type RegisterComplaint = z.infer<typeof registerComplaintSchema>;

/** The reconsideration (genvurdering): uphold the complaint (a new decision follows) or maintain the decision. */
export const reconsiderSchema = z.object({
  version: z.number().int().min(1),
  /** A legal statement a person makes: never defaulted. */
  outcome: z.enum(['upheld', 'maintained'], { message: 'complaint.outcome' }),
  decidedOn: plainDateSchema,
  reasons: z.string().trim().min(1, { message: 'complaint.reasons' }).max(20_000),
});
export type Reconsider = z.infer<typeof reconsiderSchema>;

export const appealResultSchema = z.object({
  version: z.number().int().min(1),
  outcome: z.enum(APPEAL_OUTCOME_KEYS),
  decidedOn: plainDateSchema,
  note: z.string().trim().max(4000).default(''),
});
export type AppealResult = z.infer<typeof appealResultSchema>;

export const complaintViewSchema = z.object({
  id: uuidSchema,
  decisionId: uuidSchema,
  form: z.enum(COMPLAINT_FORMS),
  receivedOn: plainDateSchema,
  receivedAt: z.string().nullable(),
  text: z.string(),
  timeliness: z.enum(['in_time', 'late']),
  status: z.enum(['reconsideration', 'upheld', 'forwarded', 'appeal_decided']),
  reconsideredOn: plainDateSchema.nullable(),
  reconsiderationReasons: z.string().nullable(),
  forwardedOn: plainDateSchema.nullable(),
  forwardingDocumentId: uuidSchema.nullable(),
  appealOutcome: z.enum(APPEAL_OUTCOME_KEYS).nullable(),
  appealDecidedOn: plainDateSchema.nullable(),
  appealNote: z.string().nullable(),
  allowedActions: z.array(z.string()),
  version: z.number().int(),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

/** A written notice that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2). */
export const deadlineNoticeSchema = z.object({
  kind: z.string().min(1),
  expectedBy: plainDateSchema,
  reason: z.string().trim().min(1, { message: 'notice.reason' }).max(4000),
});
export type DeadlineNotice = z.infer<typeof deadlineNoticeSchema>;

/** Outreach advice (seed 003): a clarifying talk, or the start of an advice course. */
export const outreachContactSchema = z.object({
  kind: z.enum(['clarifying_talk', 'course_start']),
  heldOn: plainDateSchema,
  note: z.string().trim().max(4000).default(''),
});
export type OutreachContact = z.infer<typeof outreachContactSchema>;

export const outreachViewSchema = z.object({
  talks: z.number().int(),
  talksLeft: z.number().int(),
  courseStartedOn: plainDateSchema.nullable(),
  courseEndsOn: plainDateSchema.nullable(),
  warnings: z.array(z.enum(['talks_at_limit', 'talks_over_limit', 'course_ends_soon', 'course_over_limit'])),
  contacts: z.array(z.object({ kind: z.string(), heldOn: plainDateSchema, note: z.string().nullable() })),
});

/** The letter behind a PDF, for the browser preview. */
export const letterSchema = z.object({
  municipality: z.object({
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  unitName: z.string().nullable(),
  recipient: z.object({
    name: z.string(),
    address: z.string().nullable(),
    postalCode: z.string().nullable(),
    city: z.string().nullable(),
  }),
  date: z.string(),
  subject: z.string(),
  paragraphs: z.array(z.string()),
  signature: z.object({ name: z.string(), title: z.string() }),
  reference: z.string(),
  appendices: z.array(z.object({ title: z.string(), paragraphs: z.array(z.string()) })).optional(),
});
export type LetterView = z.infer<typeof letterSchema>;

/** A letter previewed before it is sent: exactly what would be journalised, or null if no letter would be sent. */
export const letterPreviewSchema = z.object({ letter: letterSchema.nullable() });

export const proposalSchema = z.object({
  category: z.enum(['A', 'B', 'C', 'D', 'E']).nullable(),
  step: z.enum(['own_home', 'temporary_housing', 'long_term_housing', 'unvisited', 'day_offer']).nullable(),
  profile: z.object({ code: z.string(), above: z.number(), upTo: z.number(), severity: z.string().nullable() }).nullable(),
  profileRange: z.array(z.string()),
  service: z.object({ versionId: uuidSchema, title: z.string(), legalBasis: z.string() }).nullable(),
  alternatives: z.array(z.object({ versionId: uuidSchema, title: z.string(), legalBasis: z.string() })),
  reasons: z.array(z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  /** The date the candidates were taken in force on. */
  on: plainDateSchema,
});
export type ProposalView = z.infer<typeof proposalSchema>;
