import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditAgreements, reportPeriod } from './agreements.helpers.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';
import { createDraft, valuesForReport } from './report.helpers.ts';

/**
 * Measures a status again. A draft takes the new values (409 if changed meanwhile); an issued status never changes:
 * re-measuring it makes a new draft version with its comments (or answers with the draft already open).
 */
export async function remeasureReport(ctx: RequestContext, id: string, version: number): Promise<{ id: string }> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const r = await repo.report(tx, m, id);
    if (!r) throw notFound();
    const a = await repo.agreement(tx, m, r.agreement_id);
    if (!a) throw notFound();
    const kind = r.kind as 'midway' | 'final';
    if (r.state === 'issued') {
      const open = (await repo.reports(tx, m, a.id)).find((x) => x.kind === kind && x.state === 'draft');
      if (open) return { id: open.id };
      const draft = await createDraft(tx, ctx, a, kind);
      await auditAgreements(tx, ctx, {
        action: 'create',
        recordType: 'status_report',
        recordId: draft,
        details: { kind, from: id },
      });
      return { id: draft };
    }
    if (!(await repo.bumpReport(tx, m, id, version))) throw conflict();
    const goals = await repo.goals(tx, m, a.id);
    const values = await valuesForReport(tx, ctx, a, goals, reportPeriod(a, kind));
    const present = new Set((await repo.reportGoals(tx, m, id)).map((g) => g.goal_id));
    for (const g of goals) {
      if (present.has(g.id)) await repo.setReportMeasurement(tx, m, id, g.id, values.get(g.id) ?? null);
      else await repo.insertReportGoals(tx, m, id, [{ goal_id: g.id, measurement_id: values.get(g.id) ?? null, comment: '' }]);
    }
    await auditAgreements(tx, ctx, {
      action: 'update',
      recordType: 'status_report',
      recordId: id,
      details: { remeasured: true },
    });
    return { id };
  });
}
