import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, conflictOn, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

/** The center's comment on a goal in a draft status (409 if changed meanwhile or if the status is issued). */
export async function commentReport(
  ctx: RequestContext,
  reportId: string,
  goalId: string,
  input: { comment: string; version: number },
): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const r = await repo.report(tx, m, reportId);
    if (!r) throw notFound();
    if (r.state === 'issued') throw conflictOn('comment', 'report.issued');
    const rows = await repo.reportGoals(tx, m, reportId);
    if (!rows.some((g) => g.goal_id === goalId)) throw notFound();
    if (!(await repo.setComment(tx, m, reportId, goalId, input.version, input.comment))) throw conflict();
    await auditAgreements(tx, ctx, { action: 'update', recordType: 'status_report', recordId: reportId, details: { goalId } });
    return { version: input.version + 1 };
  });
}
