/** What the provider's and the authority's follow-up use cases share: scope, the order view, messages, audit. */
import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { type OrderAction, type OrderTransition, orderTransition } from '../../../rules/follow-up/order-actions.ts';
import { ORDER_JOURNAL_SHOWN, type ProviderOrder } from '../../../shared/follow-up/follow-up.schema.ts';
import { type AuditEvent, writeAudit } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, notFound } from '../../platform/errors.ts';
import type { Tx } from '../../platform/tx.ts';
import { AuditedDenial } from '../../platform/use-case.ts';
import { caseFileReads, deadlinesOf, loadCase, postMessage } from '../case-file/index.ts';
import { taskWrites } from '../tasks/index.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { hoursWindowStart, orderView } from './order-view.ts';

/** Provider staff's reads and changes are follow-up; the authority's are case processing. */
export async function audit(tx: Tx, ctx: RequestContext, event: Omit<AuditEvent, 'purpose'>) {
  await writeAudit(tx, auditActorOf(ctx), { purpose: purposeOf(ctx.actor.role), ...event });
}

export type OrderRow = NonNullable<Awaited<ReturnType<typeof followUpRepository.order>>>;

/**
 * An order the actor may work on: provider staff only at their own offers. Anything else is a 404, never a 403, and
 * the denial is audited (the citizen can see the attempt in their access log).
 */
export async function loadOrderFor(tx: Tx, ctx: RequestContext, orderId: string): Promise<OrderRow> {
  const o = await followUpRepository.order(tx, orderId);
  if (!o) throw notFound();
  const mine = ctx.actor.role !== 'provider_staff' || (o.org_unit_id !== null && ctx.actor.offerUnitIds.includes(o.org_unit_id));
  if (!mine) {
    throw new AuditedDenial({
      purpose: purposeOf(ctx.actor.role),
      citizenId: o.citizen_id,
      recordType: 'order',
      recordId: orderId,
    });
  }
  return o;
}

export async function readOrder(tx: Tx, ctx: RequestContext, o: OrderRow): Promise<ProviderOrder> {
  const now = ctx.clock.today();
  const ids = [o.id];
  const [goals, subgoals, statuses, hours, journal, messages, deadlines] = [
    await followUpRepository.goals(tx, ids),
    await followUpRepository.subgoals(tx, ids),
    await followUpRepository.statuses(tx, ids),
    await followUpRepository.hours(tx, ids, hoursWindowStart(now)),
    await followUpRepository.journal(tx, o.id, { limit: ORDER_JOURNAL_SHOWN, offset: 0 }),
    await caseFileReads.messages(tx, { caseIds: [o.case_id], orderId: o.id, channel: 'provider' }),
    await deadlinesOf(tx, o.case_id),
  ];
  const start = deadlines.filter((d) => d.kind === 'start').at(-1);
  // Counted only when the newest entries may not be all of them.
  const journalTotal = journal.length < ORDER_JOURNAL_SHOWN ? journal.length : await followUpRepository.countJournal(tx, o.id);
  return orderView(
    o,
    { goals, subgoals, statuses, hours, journal, journalTotal, messages, startDeadline: start?.due_date ?? null },
    deadlineRulesFor(ctx.actor.municipalityCode),
    now,
  );
}

/** The provider's step on an order as the table allows it in the order's status (409 naming the order otherwise). */
export function providerStep(o: OrderRow, action: OrderAction): OrderTransition {
  const step = orderTransition(o.status, action, 'provider');
  if (!step) {
    throw conflictOn(
      'order',
      o.status === 'accepted' && action === 'accept' ? 'order.alreadyAccepted' : 'order.action.notAllowed',
    );
  }
  return step;
}

export function requireAccepted(o: OrderRow) {
  if (o.status !== 'accepted') throw conflictOn('order', 'order.notAccepted');
}

export async function goalOf(tx: Tx, o: OrderRow, goalId: string) {
  const goal = (await followUpRepository.goals(tx, [o.id])).find((g) => g.id === goalId);
  if (!goal) throw notFound();
  return goal;
}

/**
 * A message about the order that the provider and the authority both see, journalised on the case and audited; it
 * lands in the other side's inbox (the provider's question as a question, which holds the order until answered).
 */
export async function postOrderMessage(
  tx: Tx,
  ctx: RequestContext,
  o: OrderRow,
  body: string,
  as: 'message' | 'question' | 'answer' = 'message',
): Promise<number> {
  const provider = ctx.actor.role === 'provider_staff';
  const subjects = {
    message: provider ? `Besked fra ${o.offer_name}` : `Besked til ${o.offer_name}`,
    question: `Spørgsmål fra ${o.offer_name} om bestillingen`,
    answer: `Svar til ${o.offer_name} på spørgsmål om bestillingen`,
  };
  const id = await postMessage(
    tx,
    ctx,
    {
      caseId: o.case_id,
      orderId: o.id,
      channel: 'provider',
      fromParty: provider ? 'provider' : 'authority',
      authorName: provider ? `${ctx.actor.name}, ${o.offer_name}` : ctx.actor.name,
      body,
    },
    subjects[as],
  );
  const record = { type: 'case_message', id: String(id) };
  if (provider) {
    await taskWrites.record(tx, ctx, {
      kind: as === 'question' ? 'provider_question' : 'provider_message',
      caseId: o.case_id,
      orderId: o.id,
      record,
      summary: body,
    });
  } else if (o.org_unit_id) {
    await taskWrites.record(tx, ctx, {
      kind: as === 'answer' ? 'question_answered' : 'authority_message',
      caseId: o.case_id,
      orderId: o.id,
      providerUnitId: o.org_unit_id,
      record,
      summary: body,
    });
  }
  await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'case_message', recordId: String(id) });
  return id;
}

/** The newest order of a case, scoped to the actor (404 if the case or the order is not there). */
export async function latestOrderOf(tx: Tx, ctx: RequestContext, caseId: string) {
  await loadCase(tx, caseId);
  const latest = await followUpRepository.latestOrderOfCase(tx, caseId);
  if (!latest) throw notFound();
  return loadOrderFor(tx, ctx, latest.id);
}
