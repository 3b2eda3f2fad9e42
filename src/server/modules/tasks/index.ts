import { TASK_KIND_RULES, type TaskKind } from '../../../rules/tasks/task-kinds.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { summaryOf } from './tasks.helpers.ts';
import { tasksRepository } from './tasks.repository.ts';

/**
 * The task inbox's public API. A module where an event happens (a digital complaint, a message, the provider's
 * question, decline or FKO status, a new order, an answer) records the task inside its own transaction, so the event
 * and its task are saved together or not at all; a step that does what a task asked for completes it the same way.
 */
export { tasksRoutes } from './tasks.routes.ts';

export type TaskEvent = {
  kind: TaskKind;
  caseId: string;
  orderId?: string | null;
  /** The provider's unit (the ordered offer's): required for a task to the provider, none for the caseworker. */
  providerUnitId?: string | null;
  record?: { type: string; id: string } | null;
  summary: string;
};

export const taskWrites = {
  /** Puts an event in an inbox: the case's caseworker's, or the provider unit's (the kind decides; rules/tasks). */
  async record(tx: Tx, ctx: RequestContext, e: TaskEvent): Promise<string> {
    const audience = TASK_KIND_RULES[e.kind].audience;
    const unit = audience === 'provider' ? (e.providerUnitId ?? null) : null;
    if (audience === 'provider' && !unit) throw new Error(`a ${e.kind} task needs the provider's unit`);
    return tasksRepository.insert(tx, {
      municipality_id: ctx.actor.municipalityId,
      kind: e.kind,
      audience,
      case_id: e.caseId,
      order_id: e.orderId ?? null,
      org_unit_id: unit,
      record_type: e.record?.type ?? null,
      record_id: e.record?.id ?? null,
      summary: summaryOf(e.summary),
      created_at: ctx.clock.now(),
    });
  },

  /** The step a task asked for was taken (the question answered, a new order placed): its open tasks are done. */
  async complete(
    tx: Tx,
    ctx: RequestContext,
    where: { caseId: string; orderId?: string | null; kinds: readonly TaskKind[] },
    resolution: 'answered' | 'followed_up',
  ): Promise<string[]> {
    return tasksRepository.completeOf(
      tx,
      { caseId: where.caseId, orderId: where.orderId ?? null, kinds: where.kinds },
      { at: ctx.clock.now(), by: ctx.actor.userId, byName: ctx.actor.name, resolution },
    );
  },
};

export const taskReads = {
  /** The open task of `kind` on an order (the provider's question the caseworker has yet to answer), or undefined. */
  openOfOrder: tasksRepository.openOfOrder,
};
