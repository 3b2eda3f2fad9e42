import { isoWeekStart } from '../../../rules/calendar/date-arithmetic.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import type { Page } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type { ProviderOrder, ProviderOrderItem } from '../../../shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { caseFlow } from '../cases/index.ts';
import { audit, goalOf, loadOrderFor, postOrderMessage, readOrder, requireAccepted, today } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { goalViews, hoursView, hoursWindowStart, orderState } from './order-view.ts';

/** The provider's workspace: incoming orders, "our citizens", documentation, hours and FKO statuses. */
export const providerService = {
  async list(
    ctx: RequestContext,
    q: { state: 'incoming' | 'active' | 'ended'; page: number; pageSize: number },
  ): Promise<Page<ProviderOrderItem>> {
    return runUseCase(ctx, async (tx) => {
      const now = today();
      const { items, total } = await followUpRepository.listForUnits(
        tx,
        ctx.actor.offerUnitIds,
        q.state,
        now,
        q.pageSize,
        pageOffset(q),
      );
      const ids = items.map((i) => i.id);
      // One query each for the whole page: goals, statuses, hours (no N+1).
      const goals = await followUpRepository.goals(tx, ids);
      const statuses = await followUpRepository.statuses(tx, ids);
      const hours = await followUpRepository.hours(tx, ids, hoursWindowStart(now));
      const rules = deadlineRulesFor(ctx.actor.municipalityCode);
      await audit(tx, ctx, { action: 'search', recordType: 'order', criterion: `orders:${q.state}`, details: { hits: total } });
      return {
        items: items.map((i) => {
          const views = goalViews(i, goals, [], statuses, rules, now);
          const next = views
            .map((g) => g.nextStatus)
            .filter((n) => n !== null)
            .sort((a, b) => a.due.localeCompare(b.due))[0];
          const weekly = i.weekly_hours === null ? null : Number(i.weekly_hours);
          return {
            id: i.id,
            state: orderState(i, now),
            citizenName: `${i.first_name} ${i.last_name}`,
            offerName: i.offer_name,
            orderedOn: i.ordered_on as PlainDate,
            weeklyHours: weekly,
            profileCode: i.profile_code,
            goals: views.length,
            nextStatus: next ?? null,
            hoursFlag: hoursView(i, weekly, hours, now).flag,
          };
        }),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    });
  },

  async read(ctx: RequestContext, orderId: string): Promise<ProviderOrder> {
    return runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      const view = await readOrder(tx, ctx, o);
      await audit(tx, ctx, { action: 'read', citizenId: o.citizen_id, recordType: 'order', recordId: orderId });
      return view;
    });
  },

  /** Accepting sets the actual start; the start deadline from the decision is met on that day (late shows as late). */
  async accept(ctx: RequestContext, orderId: string, input: { version: number; startDate: PlainDate }): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      if (o.status !== 'ordered') throw caseFlow.conflictOn('order', 'order.alreadyAccepted');
      if (input.startDate < o.decided_on) throw fieldError('startDate', 'order.start.beforeDecision');
      const now = today();
      if (!(await followUpRepository.accept(tx, orderId, input.version, now, input.startDate))) throw conflict();
      await caseFlow.markDeadlineMet(tx, o.case_id, 'start', input.startDate);
      await caseFlow.journal(
        tx,
        ctx,
        o.case_id,
        'order_accepted',
        `Bestilling accepteret af ${o.offer_name}; støtten starter ${caseFlow.danishDate(input.startDate)}`,
        null,
      );
      await audit(tx, ctx, {
        action: 'update',
        citizenId: o.citizen_id,
        recordType: 'order',
        recordId: orderId,
        details: { change: 'accepted' },
      });
    });
  },

  /** A message (e.g. a question about the order) that the provider and the authority both see on the case. */
  async message(ctx: RequestContext, orderId: string, body: string): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      await postOrderMessage(tx, ctx, o, body);
    });
  },

  async subgoal(
    ctx: RequestContext,
    orderId: string,
    goalId: string,
    input: { text: string; targetDate: PlainDate },
  ): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      requireAccepted(o);
      const goal = await goalOf(tx, o, goalId);
      if (goal.ended_on) throw caseFlow.conflictOn('goalId', 'fko.goalEnded');
      const id = await followUpRepository.insertSubgoal(tx, {
        municipality_id: ctx.actor.municipalityId,
        order_id: o.id,
        goal_id: goal.id,
        text: input.text,
        target_date: input.targetDate,
        created_by_name: ctx.actor.name,
      });
      await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'order_subgoal', recordId: id });
    });
  },

  async journal(
    ctx: RequestContext,
    orderId: string,
    input: { goalId: string; writtenOn: PlainDate; body: string },
  ): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      requireAccepted(o);
      const goal = (await followUpRepository.goals(tx, [o.id])).find((g) => g.id === input.goalId);
      if (!goal) throw fieldError('goalId', 'id.invalid');
      if (input.writtenOn > today()) throw fieldError('writtenOn', 'date.future');
      if (o.ends_on && input.writtenOn > o.ends_on) throw caseFlow.conflictOn('writtenOn', 'order.ended');
      const id = await followUpRepository.insertJournal(tx, {
        municipality_id: ctx.actor.municipalityId,
        order_id: o.id,
        goal_id: goal.id,
        written_on: input.writtenOn,
        body: input.body,
        author_name: ctx.actor.name,
      });
      await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'order_journal', recordId: String(id) });
    });
  },

  /** ATA hours for one week: not for a week not yet begun, not before the start, not after the order ended. */
  async hours(ctx: RequestContext, orderId: string, input: { weekStart: PlainDate; hours: number }): Promise<void> {
    await runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      requireAccepted(o);
      const week = isoWeekStart(input.weekStart);
      if (week > isoWeekStart(today())) throw fieldError('weekStart', 'hours.future');
      if (o.actual_start && week < isoWeekStart(o.actual_start as PlainDate)) throw fieldError('weekStart', 'hours.beforeStart');
      if (o.ends_on && week > o.ends_on) throw caseFlow.conflictOn('weekStart', 'order.ended');
      await followUpRepository.upsertHours(tx, {
        municipality_id: ctx.actor.municipalityId,
        order_id: o.id,
        week_start: week,
        hours: input.hours,
        registered_by_name: ctx.actor.name,
      });
      await audit(tx, ctx, {
        action: 'update',
        citizenId: o.citizen_id,
        recordType: 'delivered_hours',
        recordId: o.id,
        details: { week, hours: input.hours },
      });
    });
  },

  /**
   * An FKO status on one goal. Refused: an order not accepted (409), a goal that has ended or already has its final
   * status (409), a date in the future (400), and a stale goal version — two staff scoring at once (409).
   */
  async status(
    ctx: RequestContext,
    orderId: string,
    goalId: string,
    input: { version: number; kind: 'quarterly' | 'final'; scoredOn: PlainDate; supportNeedCode: string; justification: string },
  ): Promise<{ statusId: string }> {
    return runUseCase(ctx, async (tx) => {
      const o = await loadOrderFor(tx, ctx, orderId);
      requireAccepted(o);
      const goal = await goalOf(tx, o, goalId);
      if (input.scoredOn > today()) throw fieldError('scoredOn', 'fko.future');
      const statuses = (await followUpRepository.statuses(tx, [o.id])).filter((s) => s.goal_id === goal.id);
      if (statuses.some((s) => s.kind === 'final')) throw caseFlow.conflictOn('goalId', 'fko.finalGiven');
      if (input.kind === 'quarterly' && goal.ended_on && input.scoredOn > goal.ended_on) {
        throw caseFlow.conflictOn('goalId', 'fko.goalEnded');
      }
      if (!(await followUpRepository.bumpGoal(tx, goal.id, input.version))) throw conflict();
      const statusId = await followUpRepository.insertStatus(tx, {
        municipality_id: ctx.actor.municipalityId,
        order_id: o.id,
        goal_id: goal.id,
        kind: input.kind,
        scored_on: input.scoredOn,
        support_need_code: input.supportNeedCode,
        justification: input.justification,
        scored_by_name: ctx.actor.name,
      });
      await caseFlow.journal(
        tx,
        ctx,
        o.case_id,
        'fko_status',
        `${input.kind === 'final' ? 'Slutstatus' : 'FKO-status'} på mål ${goal.position} fra ${o.offer_name}`,
        input.justification,
      );
      await audit(tx, ctx, { action: 'create', citizenId: o.citizen_id, recordType: 'fko_status', recordId: statusId });
      return { statusId };
    });
  },
};
