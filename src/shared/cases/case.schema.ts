import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { ORDER_STATES } from '../follow-up/follow-up.schema.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';
import { complaintViewSchema, outreachViewSchema } from './complaint.schema.ts';
import { decisionApprovalSchema } from './decision-approval.schema.ts';

export const REQUEST_CHANNELS = ['pre_visitation', 'outreach_advice', 'letter', 'digital', 'phone'] as const;
export const REQUESTERS = ['citizen', 'relative_with_consent', 'professional'] as const;

/** A case's short title of its own, set at the request: what the case is about, as the lists and headers show it. */
export const CASE_TITLE_MAX = 80;
export const caseTitleSchema = z.string().trim().min(1).max(CASE_TITLE_MAX);

export const openCaseSchema = z.object({
  citizenId: uuidSchema,
  title: caseTitleSchema,
  channel: z.enum(REQUEST_CHANNELS),
  receivedOn: plainDateSchema,
  requestedBy: z.enum(REQUESTERS),
  requesterName: z.string().trim().max(200).nullable().default(null),
  what: z.string().trim().min(1).max(4000),
  /** Day offers (SEL §§ 103, 104) have a 2-month decision deadline instead of 3. */
  dayOffer: z.boolean().default(false),
  /** The case number the municipality knows the case by (its ESDH journal number); one per case. */
  caseNumber: z.string().trim().min(1).max(64).nullable().default(null),
});
export type OpenCase = z.infer<typeof openCaseSchema>;

export const versionBodySchema = z.object({ version: z.number().int().min(1) });

/**
 * The receipt as the caseworker sends it after the preview: the request described for the citizen (the recorded
 * request by default) and an optional personal note; the rest of the letter is the template's.
 */
export const receiptSchema = versionBodySchema.extend({
  what: z.string().trim().min(1).max(4000).optional(),
  note: z.string().trim().max(2000).default(''),
});
export type Receipt = z.infer<typeof receiptSchema>;
export const closeCaseSchema = z.object({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(4000),
});

/**
 * Who acts and who pays (retssikkerhedsloven §§ 9–9 c): the case's own municipality, or another named by its code. A
 * place paid by another municipality in one of our offers is a sale; "another" without its code and name is a 400.
 */
const otherMunicipality = z.object({
  code: z
    .string({ message: 'sale.payingMunicipality' })
    .trim()
    .regex(/^\d{3}$/, { message: 'sale.payingMunicipality' }),
  name: z.string({ message: 'sale.payingMunicipality' }).trim().min(2, { message: 'sale.payingMunicipality' }).max(200),
});
export const caseMunicipalitiesSchema = z.object({
  version: z.number().int().min(1),
  acting: otherMunicipality.nullable().default(null),
  paying: otherMunicipality.nullable().default(null),
});
export type CaseMunicipalities = z.infer<typeof caseMunicipalitiesSchema>;

export const noteSchema = z.object({
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().max(10_000).default(''),
});

export const deadlineSchema = z.object({
  kind: z.string(),
  fromDate: plainDateSchema,
  dueDate: plainDateSchema,
  endsAtTime: z.string(),
  /** The complaint deadline only: when an oral complaint must be made on the last day, if earlier than midnight. */
  oralEndsAt: z.string().nullable(),
  ruleVersion: z.string(),
  source: z.string(),
  metOn: plainDateSchema.nullable(),
  status: z.enum(['met', 'met_late', 'overdue', 'due_soon', 'open']),
  /**
   * Who must act before it runs out (src/rules/deadlines/deadline-duty.ts): only the municipality's own deadlines
   * make a case late; a citizen's complaint deadline or the end of a period only expires.
   */
  duty: z.enum(['municipality', 'citizen', 'provider', 'period_end']),
  /** A written notice that the deadline cannot be kept (retssikkerhedsloven § 3, stk. 2) can be sent. */
  noticeAllowed: z.boolean(),
  noticeSentOn: plainDateSchema.nullable(),
});

export const decisionViewSchema = z.object({
  id: uuidSchema,
  outcome: z.enum(['granted', 'partly_granted', 'refused']),
  /** An application, a revisitation of running support, or a stop decision ending it. */
  kind: z.enum(['application', 'revisitation', 'stop']),
  legalBasis: z.string(),
  serviceTitle: z.string(),
  serviceVersionNumber: z.number().int(),
  weeklyHours: z.number().nullable(),
  profileCode: z.string().nullable(),
  moduleDays: z.number().int().nullable(),
  startDate: plainDateSchema.nullable(),
  timeLimitUntil: plainDateSchema.nullable(),
  reasons: z.string(),
  partyHearing: z.enum(['done', 'not_needed']),
  partyHearingNote: z.string().nullable(),
  decidedOn: plainDateSchema,
  letterDocumentId: uuidSchema.nullable(),
});

export const orderViewSchema = z.object({
  id: uuidSchema,
  offerName: z.string(),
  /** Where the order stands with the provider (rules/follow-up/order-actions.ts). */
  state: z.enum(ORDER_STATES),
  version: z.number().int(),
  /** The provider declined it: when and why (the caseworker orders elsewhere). */
  declined: z.object({ on: plainDateSchema, reason: z.string() }).nullable(),
  /** The provider holds it with this question until the caseworker answers (on hold only). */
  question: z.object({ body: z.string(), authorName: z.string(), askedAt: z.string() }).nullable(),
  orderedOn: plainDateSchema,
  firstFollowUp: plainDateSchema,
  actionPlan: z
    .object({ purpose: z.string(), services: z.string(), expectedDuration: z.string(), otherCircumstances: z.string() })
    .nullable(),
  goals: z.array(
    z.object({
      position: z.number().int(),
      text: z.string(),
      indicator: z.string(),
      targetDate: plainDateSchema,
      conditionCode: z.string(),
      goalTypeCode: z.string(),
      baselineSupportNeedCode: z.string(),
      targetSupportNeedCode: z.string(),
    }),
  ),
});

export const caseEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  kind: z.string(),
  subject: z.string(),
  body: z.string().nullable(),
  actorName: z.string().nullable(),
  documentId: uuidSchema.nullable(),
});

/** How many journal entries and deadlines the case page carries; the rest are paged (…/events, …/deadlines). */
export const CASE_EVENTS_SHOWN = 200;

/** The case page carries the newest documents (letters and uploads); GET /api/cases/:id/documents pages them all. */
export const CASE_DOCUMENTS_SHOWN = 200;
export const CASE_DEADLINES_SHOWN = 200;

export const caseDetailSchema = z.object({
  id: uuidSchema,
  citizen: z.object({ id: uuidSchema, name: z.string(), cpr: z.string() }),
  status: z.string(),
  /** The journal number in the municipality's format (on the case and in every letter). */
  journalNumber: z.string(),
  title: z.string(),
  /** The caseworker responsible for the case (null if none is assigned). */
  caseworker: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  openedOn: plainDateSchema,
  dayOffer: z.boolean(),
  version: z.number().int(),
  allowedActions: z.array(z.string()),
  /** Null: the case's own municipality acts / pays. */
  municipalities: z.object({
    acting: z.object({ code: z.string(), name: z.string() }).nullable(),
    paying: z.object({ code: z.string(), name: z.string() }).nullable(),
  }),
  request: z.object({
    channel: z.enum(REQUEST_CHANNELS),
    receivedOn: plainDateSchema,
    requestedBy: z.enum(REQUESTERS),
    requesterName: z.string().nullable(),
    what: z.string(),
  }),
  /**
   * The case's deadlines by due date: every open one, and as many met ones as fit within CASE_DEADLINES_SHOWN;
   * `deadlinesTotal` counts them all (GET /api/cases/:id/deadlines pages the whole list).
   */
  deadlines: z.array(deadlineSchema),
  deadlinesTotal: z.number().int(),
  /** The newest CASE_EVENTS_SHOWN journal entries, oldest first; `eventsTotal` counts them all (GET /api/cases/:id/events). */
  events: z.array(caseEventSchema),
  eventsTotal: z.number().int(),
  /** The newest CASE_DOCUMENTS_SHOWN documents, oldest first; `documentsTotal` counts them all. */
  documentsTotal: z.number().int(),
  documents: z.array(
    z.object({
      id: uuidSchema,
      kind: z.string(),
      title: z.string(),
      journalisedOn: plainDateSchema,
      hasPreview: z.boolean(),
    }),
  ),
  decisions: z.array(decisionViewSchema),
  order: orderViewSchema.nullable(),
  complaints: z.array(complaintViewSchema),
  outreach: outreachViewSchema.nullable(),
  /** The conversation with the citizen (their messages from their own page, and the caseworker's answers). */
  messages: z.array(
    z.object({
      id: z.number().int(),
      fromParty: z.enum(['authority', 'citizen']),
      authorName: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  /** The latest decision proposed for a team leader's approval: waiting, approved or sent back with a reason. */
  approval: decisionApprovalSchema.nullable(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseListItemSchema = z.object({
  id: uuidSchema,
  citizenName: z.string(),
  journalNumber: z.string(),
  cpr: z.string(),
  title: z.string(),
  status: z.string(),
  openedOn: plainDateSchema,
  /** The legal basis of the case's latest decision ("SEL § 85"), or null before a decision. */
  legalBasis: z.string().nullable(),
  caseworker: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  version: z.number().int(),
  /** The next deadline the municipality must meet (src/rules/deadlines/deadline-duty.ts); null if none is open. */
  nextDeadline: z
    .object({ kind: z.string(), dueDate: plainDateSchema, status: z.enum(['overdue', 'due_soon', 'open']) })
    .nullable(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

/** The statuses a work list can be filtered by: every open status of the case state machine (rules/cases). */
export const OPEN_CASE_STATUSES = [
  'request_received',
  'receipt_sent',
  'assessment',
  'awaiting_approval',
  'decided',
  'refused',
  'ordered',
] as const;

/** The paragraphs a work list can be filtered by (SEL), as the legal basis of the case's decisions names them. */
export const WORKLIST_PARAGRAPHS = ['82', '85', '103', '104', '107', '108'] as const;

export const WORKLIST_SORTS = ['deadline', 'citizen', 'opened', 'status', 'caseworker'] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

export const caseListQuerySchema = pageQuerySchema.extend({
  scope: z.enum(['mine', 'team']).default('mine'),
  /**
   * By the next deadline the municipality must meet: past its day, due within 7 days (today included), or none
   * open.
   */
  due: z.enum(['all', 'overdue', 'due_soon', 'none']).default('all'),
  status: z.enum(OPEN_CASE_STATUSES).optional(),
  paragraph: z.enum(WORKLIST_PARAGRAPHS).optional(),
  /** The team's list only: one caseworker's cases. */
  caseworkerId: uuidSchema.optional(),
  /** A name (each word the start of a first or last name), a CPR number or a journal number. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(WORKLIST_SORTS).default('deadline'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** The team leader's view of the team: open cases and overdue ones per caseworker. */
export const caseloadSchema = z.object({
  items: z.array(
    z.object({ id: uuidSchema, name: z.string(), role: z.string(), open: z.number().int(), overdue: z.number().int() }),
  ),
});
export type Caseload = z.infer<typeof caseloadSchema>;

export const reassignCaseSchema = z.object({ caseworkerId: uuidSchema, version: z.number().int().min(1) });
export type ReassignCase = z.infer<typeof reassignCaseSchema>;

/**
 * Why a case is printed as one PDF: for a meeting about the case, or to answer an access request (aktindsigt,
 * forvaltningsloven §§ 9 ff., databeskyttelsesforordningen art. 15). The export is audited with this purpose.
 */
export const CASE_EXPORT_PURPOSES = ['case_meeting', 'access_request'] as const;
export type CaseExportPurpose = (typeof CASE_EXPORT_PURPOSES)[number];
export const caseExportQuerySchema = z.object({ purpose: z.enum(CASE_EXPORT_PURPOSES) });
