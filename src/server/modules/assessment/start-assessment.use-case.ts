import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase, setStatus, transition } from '../case-file/index.ts';
import { assessmentRepository } from './assessment.repository.ts';

/** Starting the assessment (udredning) moves the case on and opens an empty VUM assessment. */
export async function startAssessment(ctx: RequestContext, id: string, version: number): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    const next = transition(c, 'start_assessment');
    await setStatus(tx, id, version, next);
    if (!(await assessmentRepository.assessmentOf(tx, id))) {
      await assessmentRepository.insertAssessment(tx, { municipality_id: ctx.actor.municipalityId, case_id: id });
    }
    await journal(tx, ctx, id, 'assessment_started', 'Udredning påbegyndt (VUM)', null);
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { change: 'assessment_started' },
    });
    return { version: version + 1 };
  });
}
