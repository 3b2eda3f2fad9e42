import { purposeOf } from '../../../rules/audit/audit-purpose.ts';
import { canMarkDone, type TaskKind } from '../../../rules/tasks/task-kinds.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, conflictOn, notFound } from '../../platform/errors.ts';
import { AuditedDenial, runUseCase } from '../../platform/use-case.ts';
import { auditTasks, inboxOwnerOf } from './tasks.helpers.ts';
import { tasksRepository } from './tasks.repository.ts';

/**
 * Marks a task done. Only its owner may: the case's caseworker for the authority's tasks, staff of the offer's unit
 * for the provider's; anyone else gets a 404 and an audited denial. A question is done by answering it (409), and a
 * task someone else finished first, or that moved since `version`, is a 409.
 */
export async function completeTask(ctx: RequestContext, id: string, version: number): Promise<void> {
  await runUseCase(ctx, async (tx) => {
    const owner = inboxOwnerOf(ctx);
    const t = await tasksRepository.byId(tx, id);
    if (!t) throw notFound();
    const mine =
      t.audience === owner.audience &&
      (owner.audience === 'provider'
        ? t.org_unit_id !== null && owner.unitIds.includes(t.org_unit_id)
        : t.caseworker_id === owner.userId);
    if (!mine) {
      throw new AuditedDenial({ purpose: purposeOf(ctx.actor.role), citizenId: t.citizen_id, recordType: 'task', recordId: id });
    }
    if (!canMarkDone(t.kind as TaskKind)) throw conflictOn('task', 'task.answerFirst');
    if (t.done_at !== null) throw conflictOn('task', 'task.alreadyDone');
    const ok = await tasksRepository.complete(tx, id, version, {
      at: ctx.clock.now(),
      by: ctx.actor.userId,
      byName: ctx.actor.name,
      resolution: 'marked',
    });
    if (!ok) throw conflict();
    await auditTasks(tx, ctx, {
      action: 'update',
      citizenId: t.citizen_id,
      recordType: 'task',
      recordId: id,
      details: { change: 'done', kind: t.kind },
    });
  });
}
