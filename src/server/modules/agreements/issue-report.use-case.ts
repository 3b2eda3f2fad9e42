import type { Report } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, conflictOn, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { reportView } from './report.helpers.ts';

/**
 * Issues a draft status to the social committee: its goals, values and comments are frozen in the report as shown,
 * and the database refuses any later change (migration trigger). 409 if changed meanwhile or issued already.
 */
export async function issueReport(ctx: RequestContext, id: string, version: number): Promise<Report> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const r = await repo.report(tx, m, id);
    if (!r) throw notFound();
    if (r.state === 'issued') throw conflictOn('version', 'report.issued');
    const view = await reportView(tx, ctx, r);
    const at = ctx.clock.now().toISOString();
    if (!(await repo.bumpReport(tx, m, id, version, { content: { goals: view.goals }, at, by: ctx.actor.name })))
      throw conflict();
    await auditAgreements(tx, ctx, { action: 'update', recordType: 'status_report', recordId: id, details: { issued: true } });
    return { ...view, state: 'issued', issuedAt: at, issuedByName: ctx.actor.name, version: version + 1 };
  });
}
