import { orderVisitActions, VISIT_GAP_MINUTES } from '../../../rules/audit/access-visits.ts';
import { classifyProgress } from '../../../rules/follow-up/goal-progress.ts';
import type { Page, PageQuery } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { MyAccessEntry, MyOverview } from '../../../shared/self-service/self-service.schema.ts';
import { auditRepository } from '../../platform/audit/audit.repository.ts';
import { type AuditEvent, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ReceivedUpload } from '../../platform/http/multipart-upload.ts';
import type { Tx } from '../../platform/tx.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import { caseFileReads, checkUpload, journaliseUpload, loadCase, postMessage } from '../case-file/index.ts';
import { complaintReads, registerComplaint } from '../complaints/index.ts';
import { decisionReads } from '../decisions/index.ts';
import { orderProgress } from '../follow-up/index.ts';
import { letterheadOf } from '../organisation/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { selfServiceRepository } from './self-service.repository.ts';

async function audit(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'purpose'>) {
  await writeAudit(tx, auditActorOf(ctx), { purpose: 'citizen_self_service', ...event });
}

function me(ctx: RequestContext): string {
  if (!ctx.actor.citizenId) throw new AppError('forbidden');
  return ctx.actor.citizenId;
}

/** A case of the citizen's own, or a 404 with the attempt audited. */
async function ownCase(tx: Tx, ctx: RequestContext, caseId: string) {
  const c = await selfServiceRepository.caseOwner(tx, caseId);
  if (!c) throw notFound();
  if (c.citizen_id !== me(ctx)) {
    throw new AuditedDenial({ purpose: 'citizen_self_service', citizenId: c.citizen_id, recordType: 'case', recordId: caseId });
  }
  return c;
}

/** The citizen's own view: decisions and letters, plan and goals, next follow-up, provider, messages, complaints. */
export const selfService = {
  /** A page of the citizen's cases, newest first, each with what the page shows of it; `casesTotal` counts them all. */
  async overview(ctx: RequestContext, q: PageQuery): Promise<MyOverview> {
    return runUseCase(ctx, async (tx) => {
      const citizenId = me(ctx);
      const person = await selfServiceRepository.citizen(tx, citizenId);
      if (!person) throw notFound();
      const cases = await selfServiceRepository.cases(tx, citizenId, { limit: q.pageSize, offset: pageOffset(q) });
      // Counted only when the page may not hold them all (it showed at most 50 cases and stopped).
      const casesTotal =
        q.page === 1 && cases.length < q.pageSize ? cases.length : await selfServiceRepository.countCases(tx, citizenId);
      const ids = cases.map((c) => c.id);
      const [decisions, documents, deadlines, complaints, orders, messages] = [
        await decisionReads.decisions(tx, ids),
        await caseFileReads.documents(tx, ids),
        await selfServiceRepository.openComplaintDeadlines(tx, ids),
        await complaintReads.complaints(tx, ids),
        await selfServiceRepository.orders(tx, ids),
        await caseFileReads.messages(tx, { caseIds: ids, channel: 'citizen' }),
      ];
      const latestOrders = ids.flatMap((id) => orders.find((o) => o.case_id === id) ?? []);
      const goals = await orderProgress.goals(
        tx,
        latestOrders.map((o) => o.id),
      );
      const statuses = await orderProgress.statuses(
        tx,
        latestOrders.map((o) => o.id),
      );
      const letterhead = await letterheadOf(tx, ctx.actor.municipalityId);
      await audit(tx, ctx, {
        action: 'read',
        citizenId,
        recordType: 'own_overview',
        recordId: citizenId,
        ...(q.page > 1 ? { details: { page: q.page } } : {}),
      });
      const today = ctx.clock.today();
      return {
        name: `${person.first_name} ${person.last_name}`,
        municipality: { name: letterhead.name, phone: letterhead.phone, email: letterhead.email },
        casesTotal,
        page: q.page,
        pageSize: q.pageSize,
        cases: cases.map((c) => {
          const deadline = deadlines.find((d) => d.case_id === c.id && d.due_date >= today);
          const open = complaints.some((x) => x.case_id === c.id && (x.status === 'reconsideration' || x.status === 'forwarded'));
          const order = latestOrders.find((o) => o.case_id === c.id);
          const plan = order?.action_plan as { purpose: string; services: string; expectedDuration: string } | null | undefined;
          return {
            id: c.id,
            title: c.title,
            status: c.status,
            caseworkerName: c.caseworker_name,
            decisions: decisions
              .filter((d) => d.case_id === c.id)
              .map((d) => ({
                id: d.id,
                outcome: d.outcome as 'granted' | 'partly_granted' | 'refused',
                kind: d.kind,
                serviceTitle: d.service_title,
                legalBasis: d.legal_basis,
                decidedOn: d.decided_on as PlainDate,
                weeklyHours: d.weekly_hours === null ? null : Number(d.weekly_hours),
                letterDocumentId: d.letter_document_id,
              })),
            // The municipality's letters; documents uploaded to the case are not letters to the citizen.
            documents: documents
              .filter((d) => d.case_id === c.id && d.kind !== 'upload')
              .map((d) => ({ id: d.id, title: d.title, journalisedOn: d.journalised_on as PlainDate })),
            // What the citizen sent: their own uploads, newest first. The caseworker's uploads may hold others'
            // information and are seen through aktindsigt (forvaltningsloven § 9), not listed here.
            sent: documents
              .filter((d) => d.case_id === c.id && d.kind === 'upload' && d.uploaded_by_role === 'citizen')
              .map((d) => ({
                id: d.id,
                title: d.title,
                documentDate: (d.document_date ?? d.journalised_on) as PlainDate,
                journalisedOn: d.journalised_on as PlainDate,
                contentType: d.content_type,
                byteSize: d.byte_size,
              }))
              .reverse(),
            complaintDeadline: deadline ? { due: deadline.due_date as PlainDate, endsAtTime: deadline.ends_at_time } : null,
            canComplain: decisions.some((d) => d.case_id === c.id) && !open,
            complaints: complaints
              .filter((x) => x.case_id === c.id)
              .map((x) => ({ receivedOn: x.received_on as PlainDate, status: x.status })),
            support: order
              ? {
                  offerName: order.offer_name,
                  openingHours: order.opening_hours,
                  startedOn: order.actual_start as PlainDate | null,
                  endsOn: order.ends_on as PlainDate | null,
                  // After a stop the support runs out and no follow-up comes (issue 16: the citizen read both "Næste
                  // opfølgning" and "Støtten slutter"): a follow-up is next only on an open case, before the end.
                  nextFollowUp:
                    c.status === 'closed' || (order.ends_on !== null && order.first_follow_up >= order.ends_on)
                      ? null
                      : (order.first_follow_up as PlainDate),
                  plan: plan ? { purpose: plan.purpose, services: plan.services, expectedDuration: plan.expectedDuration } : null,
                  goals: goals
                    .filter((g) => g.order_id === order.id)
                    .map((g) => {
                      const own = statuses
                        .filter((s) => s.goal_id === g.id)
                        .map((s) => ({
                          scoredOn: s.scored_on as PlainDate,
                          supportNeedCode: s.support_need_code,
                          kind: s.kind as 'quarterly' | 'final',
                        }));
                      return {
                        text: g.text,
                        indicator: g.indicator,
                        targetDate: g.target_date as PlainDate,
                        baselineSupportNeedCode: g.baseline_support_need_code,
                        targetSupportNeedCode: g.target_support_need_code,
                        statuses: own,
                        progress: classifyProgress({
                          goalTypeCode: g.goal_type_code,
                          baselineCode: g.baseline_support_need_code,
                          statuses: own,
                        }),
                      };
                    }),
                }
              : null,
            messages: messages
              .filter((m) => m.case_id === c.id)
              .map((m) => ({
                id: m.id,
                fromParty: m.from_party,
                authorName: m.author_name,
                body: m.body,
                createdAt: new Date(m.created_at).toISOString(),
              })),
          };
        }),
      };
    });
  },

  async document(
    ctx: RequestContext,
    caseId: string,
    documentId: string,
  ): Promise<{ title: string; content: Uint8Array; contentType: string }> {
    return runUseCase(ctx, async (tx) => {
      const c = await ownCase(tx, ctx, caseId);
      const doc = await caseFileReads.documentContent(tx, caseId, documentId);
      // The citizen's letters and what they sent themselves; the caseworker's uploads go through aktindsigt.
      if (!doc || (doc.kind === 'upload' && doc.uploaded_by_role !== 'citizen')) throw notFound();
      await audit(tx, ctx, { action: 'export', citizenId: c.citizen_id, recordType: 'case_document', recordId: documentId });
      return { title: doc.title, content: doc.content, contentType: doc.content_type };
    });
  },

  /**
   * Who has accessed my data: one line per visit (rules/audit/access-visits.ts) with when, who as the citizen knows
   * them (the municipality's unit, or the provider of their own support), what was done and read, and why. The
   * employee's name is left out, as the law asks.
   */
  async accessLog(ctx: RequestContext, page: PageQuery): Promise<Page<MyAccessEntry>> {
    return runUseCase(ctx, async (tx) => {
      const citizenId = me(ctx);
      const { visits, total } = await auditRepository.visitsForCitizen(
        tx,
        citizenId,
        VISIT_GAP_MINUTES,
        page.pageSize,
        pageOffset(page),
      );
      const providerStaff = [
        ...new Set(
          visits.filter((v) => v.actor_role === 'provider_staff' && v.actor_user_id).map((v) => v.actor_user_id as string),
        ),
      ];
      // The provider as the citizen knows it: the offer of the order the visit touched, else the offer of the
      // citizen's own support that the staff member works at; never the staff member's home unit if either is known.
      const known = new Map<string, string>();
      for (const p of await selfServiceRepository.providersKnownToCitizen(tx, citizenId, providerStaff)) {
        if (!known.has(p.user_id)) known.set(p.user_id, p.name);
      }
      const orderIds = visits.filter((v) => v.actor_role === 'provider_staff').flatMap((v) => v.order_ids ?? []);
      const offerOf = new Map(
        (await selfServiceRepository.offersOfOrders(tx, citizenId, [...new Set(orderIds)])).map((o) => [o.id, o.name]),
      );
      const providerOf = (v: (typeof visits)[number]) =>
        (v.order_ids ?? []).map((id) => offerOf.get(id)).find(Boolean) ??
        (v.actor_user_id ? known.get(v.actor_user_id) : undefined);
      await audit(tx, ctx, { action: 'read', citizenId, recordType: 'access_log', recordId: citizenId });
      return {
        items: visits.map((v) => {
          const actions = orderVisitActions(v.actions);
          return {
            id: Number(v.id),
            occurredAt: new Date(v.ended_at).toISOString(),
            startedAt: new Date(v.started_at).toISOString(),
            action: actions[0] ?? 'read',
            actions,
            what: [...(v.record_types ?? [])].sort(),
            entries: Number(v.entries),
            purpose: v.purpose,
            unit: v.actor_role === 'citizen' ? null : ((v.actor_role === 'provider_staff' ? providerOf(v) : undefined) ?? v.unit),
            role: v.actor_role ?? 'system',
          };
        }),
        total: Number(total),
        page: page.page,
        pageSize: page.pageSize,
      };
    });
  },

  /**
   * The citizen sends a document to their caseworker (a doctor's statement, a photo of a letter): checked by the case
   * file's upload rules (size, type by content, subject and date), journalised and audited there, and put in the
   * caseworker's inbox as a task, all in one transaction. Another citizen's case is a 404 (the attempt audited).
   */
  async upload(ctx: RequestContext, caseId: string, received: ReceivedUpload): Promise<{ id: string }> {
    const upload = checkUpload(ctx, received);
    return runUseCase(ctx, async (tx) => {
      await ownCase(tx, ctx, caseId);
      const id = await journaliseUpload(tx, ctx, await loadCase(tx, caseId), upload);
      await taskWrites.record(tx, ctx, {
        kind: 'citizen_document',
        caseId,
        record: { type: 'case_document', id },
        summary: upload.subject,
      });
      return { id };
    });
  },

  async message(ctx: RequestContext, caseId: string, body: string): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const c = await ownCase(tx, ctx, caseId);
      const id = await postMessage(
        tx,
        ctx,
        { caseId, orderId: null, channel: 'citizen', fromParty: 'citizen', authorName: ctx.actor.name, body },
        'Besked fra borgeren',
      );
      await taskWrites.record(tx, ctx, {
        kind: 'citizen_message',
        caseId,
        record: { type: 'case_message', id: String(id) },
        summary: body,
      });
      await audit(tx, ctx, { action: 'create', citizenId: c.citizen_id, recordType: 'case_message', recordId: String(id) });
    });
  },

  /** A digital complaint: received now, checked against the deadline, and into the complaint flow. */
  async complain(ctx: RequestContext, caseId: string, text: string): Promise<{ timeliness: 'in_time' | 'late' }> {
    // The complaint use case checks that the case is the citizen's own (404 and an audited denial otherwise).
    const r = await registerComplaint(
      ctx,
      caseId,
      { form: 'digital', receivedOn: ctx.clock.today(), receivedAt: ctx.clock.timeOfDay(), text },
      'citizen',
    );
    return { timeliness: r.timeliness };
  },
};
