import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { isCode, SUPPORT_NEED_LEVELS, SUPPORT_NOT_ASSESSED } from '../assessment/ffb-terms.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

const supportNeed = z
  .string()
  .refine((v) => isCode(SUPPORT_NEED_LEVELS, v) && v !== SUPPORT_NOT_ASSESSED, { message: 'assessment.supportNeed' });

/** The provider accepts an order; acceptance sets the actual start (checked against the start deadline). */
export const acceptOrderSchema = z.object({ version: z.number().int().min(1), startDate: plainDateSchema });

export const messageSchema = z.object({
  body: z.string().trim().min(1, { message: 'message.body' }).max(4000, { message: 'message.tooLong' }),
});

export const subgoalSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  targetDate: plainDateSchema,
});

/** Daily documentation: short, tied to one goal. */
/** An entry of the provider's journal on an order, as read. */
export const orderJournalEntrySchema = z.object({
  id: z.number().int(),
  goalId: uuidSchema,
  writtenOn: plainDateSchema,
  body: z.string(),
  authorName: z.string(),
});
export type OrderJournalEntry = z.infer<typeof orderJournalEntrySchema>;

/** The order view carries the newest entries of the provider's journal; the rest are read a page at a time. */
export const ORDER_JOURNAL_SHOWN = 50;

/** A follow-up the authority held on a case, as read (newest first). */
export const followUpEntrySchema = z.object({
  id: uuidSchema,
  heldOn: z.string(),
  outcome: z.string(),
  note: z.string(),
  nextFollowUp: z.string().nullable(),
  heldByName: z.string(),
});
export type FollowUpEntry = z.infer<typeof followUpEntrySchema>;

/** The follow-up view carries the newest follow-ups of the case; the rest are read a page at a time. */
export const FOLLOW_UPS_SHOWN = 50;

export const journalEntrySchema = z.object({
  goalId: uuidSchema,
  writtenOn: plainDateSchema,
  body: z.string().trim().min(1, { message: 'journal.body' }).max(4000),
});

/** ATA hours delivered in one ISO week (any day of the week may be given; it is stored as the week's Monday). */
export const hoursSchema = z.object({
  weekStart: plainDateSchema,
  hours: z.number().min(0, { message: 'hours.negative' }).max(168),
});

export const FKO_KINDS = ['quarterly', 'final'] as const;

/** An FKO status on one goal; `version` is the goal's, so two staff scoring at once cannot both succeed. */
export const fkoStatusSchema = z.object({
  version: z.number().int().min(1),
  kind: z.enum(FKO_KINDS),
  scoredOn: plainDateSchema,
  supportNeedCode: supportNeed,
  justification: z.string().trim().min(1, { message: 'fko.justification' }).max(2000),
});

export const FOLLOW_UP_OUTCOMES = ['continue', 'end_and_refer', 'end'] as const;

/**
 * The authority's follow-up with an outcome per FFB "Status på indsats". Ending is a decision (with reasons and a
 * letter with complaint guidance); continuing sets the next follow-up.
 */
export const followUpSchema = z
  .object({
    version: z.number().int().min(1),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    heldOn: plainDateSchema,
    note: z.string().trim().min(1).max(10_000),
    nextFollowUp: plainDateSchema.nullable().default(null),
    reasons: z.string().trim().max(20_000).default(''),
    /**
     * Ending support is a decision: the party hearing is done, or why it was not needed is recorded (fvl. § 19). A
     * person says which; there is no default.
     */
    partyHearing: z.enum(['done', 'not_needed'], { message: 'decision.partyHearing' }).nullable().default(null),
    partyHearingNote: z.string().trim().max(4000).default(''),
    /** Which order, when the case has more than one running (a day offer beside housing support); the newest if left out. */
    orderId: uuidSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if (f.outcome === 'continue' && !f.nextFollowUp) {
      ctx.addIssue({ code: 'custom', path: ['nextFollowUp'], message: 'required' });
    }
    if (f.outcome !== 'continue' && !f.reasons) {
      ctx.addIssue({ code: 'custom', path: ['reasons'], message: 'decision.reasons' });
    }
    if (f.outcome !== 'continue' && f.partyHearing === null) {
      ctx.addIssue({ code: 'custom', path: ['partyHearing'], message: 'decision.partyHearing' });
    }
    if (f.outcome !== 'continue' && f.partyHearing === 'not_needed' && !f.partyHearingNote) {
      ctx.addIssue({ code: 'custom', path: ['partyHearingNote'], message: 'decision.partyHearing.reason' });
    }
  });
export type FollowUpInput = z.infer<typeof followUpSchema>;

const statusView = z.object({
  id: uuidSchema,
  kind: z.enum(FKO_KINDS),
  scoredOn: plainDateSchema,
  supportNeedCode: z.string(),
  justification: z.string(),
  scoredByName: z.string(),
});

export const goalViewSchema = z.object({
  id: uuidSchema,
  position: z.number().int(),
  text: z.string(),
  indicator: z.string(),
  targetDate: plainDateSchema,
  conditionCode: z.string(),
  goalTypeCode: z.string(),
  baselineSupportNeedCode: z.string(),
  targetSupportNeedCode: z.string(),
  endedOn: plainDateSchema.nullable(),
  version: z.number().int(),
  subgoals: z.array(z.object({ id: uuidSchema, text: z.string(), targetDate: plainDateSchema })),
  statuses: z.array(statusView),
  progress: z.enum(['gained', 'kept', 'lost', 'no_status']),
  nextStatus: z.object({ kind: z.enum(FKO_KINDS), due: plainDateSchema, overdue: z.boolean() }).nullable(),
});
export type GoalView = z.infer<typeof goalViewSchema>;

export const hoursViewSchema = z.object({
  grantedWeekly: z.number().nullable(),
  flag: z.boolean(),
  streak: z.number().int(),
  setting: z.object({ weeks: z.number().int(), tolerance: z.number() }),
  weeks: z.array(
    z.object({ weekStart: plainDateSchema, week: z.number().int(), hours: z.number().nullable(), outside: z.boolean() }),
  ),
});

export const messageViewSchema = z.object({
  id: z.number().int(),
  fromParty: z.enum(['authority', 'provider', 'citizen']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const ORDER_STATES = ['ordered', 'on_hold', 'declined', 'accepted', 'ended'] as const;

/** An order as the provider sees it (SEL § 141, stk. 5: the relevant parts of the plan, the goals and the order). */
export const providerOrderSchema = z.object({
  id: uuidSchema,
  caseId: uuidSchema,
  state: z.enum(ORDER_STATES),
  offerName: z.string(),
  citizen: z.object({
    id: uuidSchema,
    name: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  caseworkerName: z.string().nullable(),
  frame: z.object({
    legalBasis: z.string(),
    weeklyHours: z.number().nullable(),
    profileCode: z.string().nullable(),
    moduleDays: z.number().int().nullable(),
    grantedFrom: plainDateSchema.nullable(),
    timeLimitUntil: plainDateSchema.nullable(),
  }),
  orderedOn: plainDateSchema,
  acceptedOn: plainDateSchema.nullable(),
  actualStart: plainDateSchema.nullable(),
  endsOn: plainDateSchema.nullable(),
  startDeadline: plainDateSchema.nullable(),
  firstFollowUp: plainDateSchema,
  /** What the provider may do now (rules/follow-up/order-actions.ts): accept, decline, ask. */
  actions: z.array(z.enum(['accept', 'decline', 'ask', 'answer'])),
  declined: z.object({ on: plainDateSchema, reason: z.string() }).nullable(),
  /** The decision the order delivers, as far as the provider may read it (rules/follow-up/provider-disclosure.ts). */
  decision: z.object({
    decidedOn: plainDateSchema,
    serviceTitle: z.string(),
    legalBasis: z.string(),
    text: z.array(z.string()),
  }),
  plan: z
    .object({ purpose: z.string().nullable(), services: z.string().nullable(), expectedDuration: z.string().nullable() })
    .nullable(),
  goals: z.array(goalViewSchema),
  hours: hoursViewSchema,
  /** The newest ORDER_JOURNAL_SHOWN entries, newest first; `journalTotal` counts them all (the rest: a page at a time). */
  journal: z.array(orderJournalEntrySchema),
  journalTotal: z.number().int(),
  messages: z.array(messageViewSchema),
  version: z.number().int(),
});
export type ProviderOrder = z.infer<typeof providerOrderSchema>;

export const providerOrderItemSchema = z.object({
  id: uuidSchema,
  state: z.enum(ORDER_STATES),
  citizenName: z.string(),
  offerName: z.string(),
  orderedOn: plainDateSchema,
  weeklyHours: z.number().nullable(),
  profileCode: z.string().nullable(),
  goals: z.number().int(),
  nextStatus: z.object({ kind: z.enum(FKO_KINDS), due: plainDateSchema, overdue: z.boolean() }).nullable(),
  hoursFlag: z.boolean(),
});
export type ProviderOrderItem = z.infer<typeof providerOrderItemSchema>;

export const providerOrderQuerySchema = pageQuerySchema.extend({
  state: z.enum(['incoming', 'active', 'ended']).default('active'),
});

export const FOLLOW_UP_ALERTS = [
  'fko_overdue',
  'hours_deviation',
  'time_limit_expiring',
  'time_limit_expired',
  'follow_up_due',
] as const;

/** A running order of the caseworker's that needs attention. */
export const followUpAlertSchema = z.object({
  caseId: uuidSchema,
  citizenName: z.string(),
  nextFollowUp: plainDateSchema,
  timeLimitUntil: plainDateSchema.nullable(),
  alerts: z.array(z.enum(FOLLOW_UP_ALERTS)),
});
export type FollowUpAlert = z.infer<typeof followUpAlertSchema>;
