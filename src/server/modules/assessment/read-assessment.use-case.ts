import type { Assessment } from '../../../shared/assessment/assessment.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, loadCase } from '../case-file/index.ts';
import { assessmentRepository } from './assessment.repository.ts';
import { assessmentView } from './assessment-view.ts';

/** The assessment with every FFB theme, what is filled in, and what is still missing before a proposal. */
export async function readAssessment(ctx: RequestContext, id: string): Promise<Assessment> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const a = await assessmentRepository.assessmentOf(tx, id);
    if (!a) throw notFound();
    const rows = await assessmentRepository.themes(tx, a.id);
    await auditCase(tx, ctx, { action: 'read', citizenId: c.citizen_id, recordType: 'assessment', recordId: a.id });
    return assessmentView(id, a, rows, await assessmentRepository.ffbOf(tx, a.id, id));
  });
}
