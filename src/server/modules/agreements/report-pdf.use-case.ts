import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { reportView } from './report.helpers.ts';
import { renderReportPdf } from './report.pdf.ts';

/** A status report as PDF for the committee's papers (a draft is marked so), audited as an export. */
export async function reportPdf(ctx: RequestContext, id: string): Promise<{ fileName: string; body: Buffer }> {
  return runUseCase(ctx, async (tx) => {
    const r = await repo.report(tx, ctx.actor.municipalityId, id);
    if (!r || (r.state === 'draft' && ctx.actor.role === 'council_member')) throw notFound();
    const view = await reportView(tx, ctx, r);
    const body = await renderReportPdf(view, await repo.municipalityName(tx, ctx.actor.municipalityId));
    await auditAgreements(tx, ctx, { action: 'export', recordType: 'status_report', recordId: id, details: { format: 'pdf' } });
    return { fileName: `${r.kind === 'midway' ? 'midtvejsstatus' : 'afsluttende-status'}-v${r.report_version}.pdf`, body };
  });
}
