import type { Assessment, SaveAssessment } from '../../../shared/assessment/assessment.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase } from '../case-file/index.ts';
import { assessmentRepository } from './assessment.repository.ts';
import { assessmentView } from './assessment-view.ts';
import { checkAndSaveFfb } from './ffb-content.ts';

/**
 * Saves the themes, the overall support need and the FFB conditions, goals and target groups while the case is in
 * assessment (optimistic locking on version).
 */
export async function saveAssessment(ctx: RequestContext, id: string, input: SaveAssessment): Promise<Assessment> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    if (c.status !== 'assessment') throw invalidTransition(`the assessment cannot change in ${c.status}`);
    const a = await assessmentRepository.assessmentOf(tx, id);
    if (!a) throw notFound();
    const on = input.assessedOn ?? ctx.clock.today();
    if (on > ctx.clock.today()) throw fieldError('assessedOn', 'date.future');
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
    await checkAndSaveFfb(tx, { id: a.id, caseId: id, municipalityId: ctx.actor.municipalityId }, input, on);
    const needChanged =
      input.supportNeedCode !== a.support_need_code || (input.supportNeedCode !== null && a.assessed_on === null);
    if (needChanged || input.assessedOn) await assessmentRepository.setAssessed(tx, a.id, on, false);
    await journal(tx, ctx, id, 'assessment_saved', 'Udredning opdateret', null);
    await auditCase(tx, ctx, { action: 'update', citizenId: c.citizen_id, recordType: 'assessment', recordId: a.id });
    const after = await assessmentRepository.assessmentOf(tx, id);
    return assessmentView(id, after ?? a, themes, await assessmentRepository.ffbOf(tx, a.id, id));
  });
}
