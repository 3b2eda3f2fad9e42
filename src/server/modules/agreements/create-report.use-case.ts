import type { ReportKind } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflictOn, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { createDraft } from './report.helpers.ts';

/**
 * A draft of the midway or final status to the social committee, every goal measured now. One draft per kind at a
 * time (409 if there is one): it is re-measured, or issued, first.
 */
export async function createReport(ctx: RequestContext, agreementId: string, kind: ReportKind): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const a = await repo.agreement(tx, m, agreementId);
    if (!a) throw notFound();
    if ((await repo.reports(tx, m, agreementId)).some((r) => r.kind === kind && r.state === 'draft'))
      throw conflictOn('kind', 'report.draftExists');
    const id = await createDraft(tx, ctx, a, kind);
    await auditAgreements(tx, ctx, { action: 'create', recordType: 'status_report', recordId: id, details: { kind } });
    return { id };
  });
}
