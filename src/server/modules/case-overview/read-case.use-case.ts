import { allowedActions, type CaseStatus } from '../../../rules/cases/case-state-machine.ts';
import { COMPLAINT_TRANSITIONS, type ComplaintStatus } from '../../../rules/complaints/complaint-rules.ts';
import { DEADLINE_DUTY } from '../../../rules/deadlines/deadline-duty.ts';
import { noticeAllowed } from '../../../rules/deadlines/deadline-notice.ts';
import { type DeadlineKind, deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { deadlineState, END_OF_DAY, endsAtTimeOf } from '../../../rules/deadlines/deadlines.ts';
import { outreachStatus } from '../../../rules/outreach/outreach-rules.ts';
import type { Page, PageQuery } from '../../../shared/api/page.ts';
import {
  CASE_DEADLINES_SHOWN,
  CASE_DOCUMENTS_SHOWN,
  CASE_EVENTS_SHOWN,
  type CaseDetail,
} from '../../../shared/cases/case.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, caseFileReads, deadlinesOf, loadCase } from '../case-file/index.ts';
import { complaintReads } from '../complaints/index.ts';
import { approvalOfCase, decisionReads } from '../decisions/index.ts';
import { goalFacts, orderReads } from '../orders/index.ts';
import { taskReads } from '../tasks/index.ts';

type Detail = CaseDetail;

/**
 * The case page: the request, deadlines with their state, the journal, documents, decisions, the order, complaints,
 * outreach and messages, and what the case allows next. Each part comes from the module that writes it.
 */
export async function readCase(ctx: RequestContext, id: string): Promise<CaseDetail> {
  return runUseCase(ctx, async (tx) => {
    const detail = await caseDetailOf(tx, ctx, id);
    await auditCase(tx, ctx, { action: 'read', citizenId: detail.citizen.id, recordType: 'case', recordId: id });
    return detail;
  });
}

/** The journal entries after which the printed case reads on, this many at a time. */
const EXPORT_CHUNK = 1000;

/**
 * The case page's content, read inside the caller's transaction (which writes the audit row: a read or an export).
 * The page carries the newest CASE_EVENTS_SHOWN journal entries and CASE_DEADLINES_SHOWN deadlines with their totals
 * (the rest are paged: readCaseEvents, readCaseDeadlines); `whole` (the printed case) reads every one.
 */
export async function caseDetailOf(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  { whole = false }: { whole?: boolean } = {},
): Promise<CaseDetail> {
  const c = await loadCase(tx, id);
  const deadlinesTotal = await caseFileReads.countDeadlines(tx, id);
  const deadlines = await deadlinesOf(tx, id, whole ? Math.max(deadlinesTotal, 1) : CASE_DEADLINES_SHOWN);
  const eventsTotal = await caseFileReads.countEvents(tx, id);
  const events = await caseFileReads.events(tx, id, whole ? EXPORT_CHUNK : CASE_EVENTS_SHOWN);
  if (whole) {
    for (let last = events.at(-1); last && events.length < eventsTotal; last = events.at(-1)) {
      const more = await caseFileReads.events(tx, id, EXPORT_CHUNK, { beforeId: last.id });
      if (!more.length) break;
      events.push(...more);
    }
  }
  // Read newest first; the page lists them as they happened.
  events.reverse();
  // The newest documents, as they happened (it read the oldest 200 and hid the newest of a long case).
  const documents = (await caseFileReads.documentList(tx, id, { limit: CASE_DOCUMENTS_SHOWN, offset: 0 })).reverse();
  const documentsTotal = documents.length < CASE_DOCUMENTS_SHOWN ? documents.length : await caseFileReads.countDocuments(tx, id);
  const decisions = await decisionReads.decisions(tx, [id]);
  const order = await orderReads.orderOfCase(tx, id);
  const complaints = await complaintReads.complaints(tx, [id]);
  const outreach = c.channel === 'outreach_advice' ? await caseFileReads.outreachContacts(tx, id) : null;
  const messages = await caseFileReads.messages(tx, { caseIds: [id], channel: 'citizen' });
  const approval = await approvalOfCase(tx, ctx, id);
  const question = order?.status === 'on_hold' ? await openQuestionOf(tx, id, order.id) : null;
  const now = ctx.clock.today();
  // The complaint deadline's last day ends per channel: a written or digital complaint at midnight (retssikkerheds-
  // loven § 67), an oral one at the close of office hours where the municipality says so.
  const rules = deadlineRulesFor(ctx.actor.municipalityCode);
  const oral = endsAtTimeOf(rules.rules.complaint, rules, 'oral');
  const courseStartedOn = (outreach?.find((o) => o.kind === 'course_start')?.held_on ?? null) as PlainDate | null;
  return {
    id: c.id,
    citizen: { id: c.citizen_id, name: `${c.first_name} ${c.last_name}`, cpr: c.cpr },
    status: c.status,
    journalNumber: c.journal_number,
    title: c.title,
    caseworker: c.caseworker_id && c.caseworker_name ? { id: c.caseworker_id, name: c.caseworker_name } : null,
    openedOn: c.opened_on as PlainDate,
    dayOffer: c.day_offer,
    version: c.version,
    allowedActions: allowedActions(c.status as CaseStatus),
    municipalities: {
      acting:
        c.acting_municipality_code && c.acting_municipality_name
          ? { code: c.acting_municipality_code, name: c.acting_municipality_name }
          : null,
      paying:
        c.paying_municipality_code && c.paying_municipality_name
          ? { code: c.paying_municipality_code, name: c.paying_municipality_name }
          : null,
    },
    request: {
      channel: c.channel as Detail['request']['channel'],
      receivedOn: c.received_on as PlainDate,
      requestedBy: c.requested_by as Detail['request']['requestedBy'],
      requesterName: c.requester_name,
      what: c.what,
    },
    deadlinesTotal,
    eventsTotal,
    documentsTotal,
    deadlines: deadlines.map((d) => deadlineOf(d, oral, now)),
    events: events.map(eventOf),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      journalisedOn: d.journalised_on as PlainDate,
      hasPreview: d.has_letter,
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      outcome: d.outcome as Detail['decisions'][number]['outcome'],
      kind: d.kind as Detail['decisions'][number]['kind'],
      legalBasis: d.legal_basis,
      serviceTitle: d.service_title,
      serviceVersionNumber: d.version_number,
      weeklyHours: d.weekly_hours === null ? null : Number(d.weekly_hours),
      profileCode: d.profile_code,
      moduleDays: d.module_days,
      startDate: d.start_date as PlainDate | null,
      timeLimitUntil: d.time_limit_until as PlainDate | null,
      reasons: d.reasons,
      partyHearing: d.party_hearing as 'done' | 'not_needed',
      partyHearingNote: d.party_hearing_note,
      decidedOn: d.decided_on as PlainDate,
      letterDocumentId: d.letter_document_id,
    })),
    order: order
      ? {
          id: order.id,
          offerName: order.offer_name,
          state: order.status as NonNullable<Detail['order']>['state'],
          version: order.version,
          declined:
            order.declined_on && order.decline_reason
              ? { on: order.declined_on as PlainDate, reason: order.decline_reason }
              : null,
          question,
          orderedOn: order.ordered_on as PlainDate,
          firstFollowUp: order.first_follow_up as PlainDate,
          actionPlan: order.action_plan as NonNullable<Detail['order']>['actionPlan'],
          goals: order.goals.map(goalFacts),
        }
      : null,
    complaints: complaints.map((x) => ({
      id: x.id,
      decisionId: x.decision_id,
      form: x.form as Detail['complaints'][number]['form'],
      receivedOn: x.received_on as PlainDate,
      receivedAt: x.received_at,
      text: x.text,
      timeliness: x.timeliness as 'in_time' | 'late',
      status: x.status as ComplaintStatus,
      reconsideredOn: x.reconsidered_on as PlainDate | null,
      reconsiderationReasons: x.reconsideration_reasons,
      forwardedOn: x.forwarded_on as PlainDate | null,
      forwardingDocumentId: x.forwarding_document_id,
      appealOutcome: x.appeal_outcome as Detail['complaints'][number]['appealOutcome'],
      appealDecidedOn: x.appeal_decided_on as PlainDate | null,
      appealNote: x.appeal_note,
      allowedActions: Object.keys(COMPLAINT_TRANSITIONS[x.status as ComplaintStatus]),
      version: x.version,
    })),
    outreach: outreach
      ? {
          ...outreachStatus({ talks: outreach.filter((o) => o.kind === 'clarifying_talk').length, courseStartedOn }, now),
          courseStartedOn,
          contacts: outreach.map((o) => ({ kind: o.kind, heldOn: o.held_on as PlainDate, note: o.note })),
        }
      : null,
    messages: messages.map((m) => ({
      id: m.id,
      fromParty: m.from_party as 'authority' | 'citizen',
      authorName: m.author_name,
      body: m.body,
      createdAt: new Date(m.created_at).toISOString(),
    })),
    approval,
  };
}

/**
 * The provider's question that holds the order: the message its open task points to (ask → answer,
 * order-actions.ts). Null once answered, or if the task has none.
 */
async function openQuestionOf(tx: Tx, caseId: string, orderId: string): Promise<NonNullable<Detail['order']>['question']> {
  const task = await taskReads.openOfOrder(tx, caseId, orderId, 'provider_question');
  if (task?.record_type !== 'case_message' || !task.record_id) return null;
  const messages = await caseFileReads.messages(tx, { caseIds: [caseId], channel: 'provider', orderId });
  const m = messages.find((x) => String(x.id) === task.record_id);
  return m ? { body: m.body, authorName: m.author_name, askedAt: new Date(m.created_at).toISOString() } : null;
}

type DeadlineRow = Awaited<ReturnType<typeof deadlinesOf>>[number];
type EventRow = Awaited<ReturnType<typeof caseFileReads.events>>[number];

function deadlineOf(d: DeadlineRow, oral: string, now: PlainDate) {
  return {
    kind: d.kind,
    fromDate: d.from_date as PlainDate,
    dueDate: d.due_date as PlainDate,
    endsAtTime: d.kind === 'complaint' ? END_OF_DAY : d.ends_at_time,
    oralEndsAt: d.kind === 'complaint' && oral !== END_OF_DAY ? oral : null,
    ruleVersion: d.rule_version,
    source: d.source,
    metOn: d.met_on as PlainDate | null,
    status: deadlineState(d.due_date as PlainDate, d.met_on as PlainDate | null, now),
    duty: DEADLINE_DUTY[d.kind as DeadlineKind].duty,
    noticeAllowed: noticeAllowed(d.kind as DeadlineKind, d.met_on),
    noticeSentOn: d.notice_sent_on as PlainDate | null,
  };
}

function eventOf(e: EventRow) {
  return {
    id: e.id,
    occurredAt: new Date(e.occurred_at).toISOString(),
    kind: e.kind,
    subject: e.subject,
    body: e.body,
    actorName: e.actor_name,
    documentId: e.document_id,
  };
}

/** A page of the case's journal, newest first; audited as a read of the case like the case page. */
export async function readCaseEvents(
  ctx: RequestContext,
  id: string,
  query: PageQuery,
): Promise<Page<CaseDetail['events'][number]>> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const total = await caseFileReads.countEvents(tx, id);
    const rows = await caseFileReads.events(tx, id, query.pageSize, { offset: (query.page - 1) * query.pageSize });
    await auditCase(tx, ctx, {
      action: 'read',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { part: 'journal', page: query.page },
    });
    return { items: rows.map(eventOf), total, page: query.page, pageSize: query.pageSize };
  });
}

/** A page of the case's deadlines in force, by due date; audited as a read of the case. */
export async function readCaseDeadlines(
  ctx: RequestContext,
  id: string,
  query: PageQuery,
): Promise<Page<CaseDetail['deadlines'][number]>> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const { items, total } = await caseFileReads.deadlinePage(tx, id, query.pageSize, (query.page - 1) * query.pageSize);
    await auditCase(tx, ctx, {
      action: 'read',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { part: 'deadlines', page: query.page },
    });
    const rules = deadlineRulesFor(ctx.actor.municipalityCode);
    const oral = endsAtTimeOf(rules.rules.complaint, rules, 'oral');
    const now = ctx.clock.today();
    return { items: items.map((d) => deadlineOf(d, oral, now)), total, page: query.page, pageSize: query.pageSize };
  });
}
