import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';
import { plainDateSchema } from '../plain-date.ts';

/** Cases the citizen's page shows at a time, each with its decisions, letters, plan and messages. */
export const MY_CASES_PAGE_SIZE = 10;

/** A page of the citizen's own cases (the page, newest first). */
export const myOverviewQuerySchema = pageQuerySchema.extend({
  pageSize: pageQuerySchema.shape.pageSize.removeDefault().default(MY_CASES_PAGE_SIZE),
});

/** What a citizen sees of their own cases, in plain Danish on the page (issue 5, "the citizen's own view"). */
export const myOverviewSchema = z.object({
  name: z.string(),
  municipality: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  /** The citizen's cases in all; `cases` is the page asked for (GET /api/me/overview?page=), newest first. */
  casesTotal: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  cases: z.array(
    z.object({
      id: uuidSchema,
      title: z.string(),
      status: z.string(),
      caseworkerName: z.string().nullable(),
      decisions: z.array(
        z.object({
          id: uuidSchema,
          outcome: z.enum(['granted', 'partly_granted', 'refused']),
          kind: z.string(),
          serviceTitle: z.string(),
          legalBasis: z.string(),
          decidedOn: plainDateSchema,
          weeklyHours: z.number().nullable(),
          letterDocumentId: uuidSchema.nullable(),
        }),
      ),
      documents: z.array(z.object({ id: uuidSchema, title: z.string(), journalisedOn: plainDateSchema })),
      /** The documents the citizen has sent to the case from their own page (a doctor's statement, a photo). */
      sent: z.array(
        z.object({
          id: uuidSchema,
          title: z.string(),
          documentDate: plainDateSchema,
          journalisedOn: plainDateSchema,
          contentType: z.string(),
          byteSize: z.number().int().nullable(),
        }),
      ),
      complaintDeadline: z.object({ due: plainDateSchema, endsAtTime: z.string() }).nullable(),
      canComplain: z.boolean(),
      complaints: z.array(z.object({ receivedOn: plainDateSchema, status: z.string() })),
      support: z
        .object({
          offerName: z.string(),
          openingHours: z.string().nullable(),
          startedOn: plainDateSchema.nullable(),
          endsOn: plainDateSchema.nullable(),
          /** Null when none comes: the support has been stopped and runs out on `endsOn`. */
          nextFollowUp: plainDateSchema.nullable(),
          plan: z.object({ purpose: z.string(), services: z.string(), expectedDuration: z.string() }).nullable(),
          goals: z.array(
            z.object({
              text: z.string(),
              indicator: z.string(),
              targetDate: plainDateSchema,
              baselineSupportNeedCode: z.string(),
              targetSupportNeedCode: z.string(),
              statuses: z.array(z.object({ scoredOn: plainDateSchema, supportNeedCode: z.string(), kind: z.string() })),
              progress: z.enum(['gained', 'kept', 'lost', 'no_status']),
            }),
          ),
        })
        .nullable(),
      messages: z.array(
        z.object({
          id: z.number().int(),
          fromParty: z.string(),
          authorName: z.string(),
          body: z.string(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
});
export type MyOverview = z.infer<typeof myOverviewSchema>;

/** The citizen's access log: when, which unit, why, and what was done. Never the employee's name (issue 5). */
/**
 * One visit in the citizen's access log: one person's accesses with no long pause (rules/audit/access-visits.ts).
 * `occurredAt` is its last access, `action` the weightiest of `actions`, `what` the kinds of record touched, and
 * `unit` who as the citizen knows them (the unit, or the provider of their own support); never a staff name.
 */
export const myAccessEntrySchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  startedAt: z.string(),
  action: z.string(),
  actions: z.array(z.string()),
  what: z.array(z.string()),
  entries: z.number().int(),
  purpose: z.string().nullable(),
  unit: z.string().nullable(),
  role: z.string(),
});
export type MyAccessEntry = z.infer<typeof myAccessEntrySchema>;

export const myComplaintSchema = z.object({
  text: z.string().trim().min(1, { message: 'complaint.text' }).max(20_000),
});
