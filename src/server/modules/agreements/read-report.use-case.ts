import type { Report } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { reportView } from './report.helpers.ts';

/** A status report: an issued one exactly as issued, a draft as it stands. A council member sees issued ones only. */
export async function readReport(ctx: RequestContext, id: string): Promise<Report> {
  return runUseCase(ctx, async (tx) => {
    const r = await repo.report(tx, ctx.actor.municipalityId, id);
    if (!r || (r.state === 'draft' && ctx.actor.role === 'council_member')) throw notFound();
    return reportView(tx, ctx, r);
  });
}
