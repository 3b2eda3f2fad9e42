import type { Assessment, SaveAssessment } from '../../../shared/assessment/assessment.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, invalidTransition, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase } from '../case-file/index.ts';
import { assessmentRepository } from './assessment.repository.ts';
import { assessmentView } from './assessment-view.ts';

/** Saves the themes and the overall support need while the case is in assessment (optimistic locking on version). */
export async function saveAssessment(ctx: RequestContext, id: string, input: SaveAssessment): Promise<Assessment> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    if (c.status !== 'assessment') throw invalidTransition(`the assessment cannot change in ${c.status}`);
    const a = await assessmentRepository.assessmentOf(tx, id);
    if (!a) throw notFound();
    const themes = input.themes.map((t) => ({
      theme_code: t.themeCode,
      level_code: t.levelCode,
      wishes: t.wishes,
      informant_code: t.informantCode,
      notes: t.notes,
    }));
    const saved = await assessmentRepository.save(
      tx,
      { id: a.id, municipalityId: ctx.actor.municipalityId, version: input.version, supportNeedCode: input.supportNeedCode },
      themes,
    );
    if (!saved) throw conflict();
    await journal(tx, ctx, id, 'assessment_saved', 'Udredning opdateret', null);
    await auditCase(tx, ctx, { action: 'update', citizenId: c.citizen_id, recordType: 'assessment', recordId: a.id });
    return assessmentView(id, { id: a.id, support_need_code: input.supportNeedCode, version: input.version + 1 }, themes);
  });
}
