import type { Assessment, Reassessment } from '../../../shared/assessment/assessment.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, invalidTransition, notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase } from '../case-file/index.ts';
import { assessmentRepository } from './assessment.repository.ts';
import { assessmentView } from './assessment-view.ts';
import { checkAndSaveFfb } from './ffb-content.ts';

/**
 * A new assessment while support runs (at a follow-up, VUM's "opfølgning"): the support need, the conditions, goals
 * and target groups as they are now, dated. It is the assessment's next round (for FFB: a new information gathering);
 * a condition whose level changed is asserted again on that date. Themes left out stay as they were.
 */
export async function reassess(ctx: RequestContext, id: string, input: Reassessment): Promise<Assessment> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, id);
    if (c.status !== 'decided' && c.status !== 'ordered') throw invalidTransition(`no reassessment in ${c.status}`);
    const a = await assessmentRepository.assessmentOf(tx, id);
    if (!a) throw notFound();
    if (input.assessedOn > ctx.clock.today()) throw fieldError('assessedOn', 'date.future');
    if (input.assessedOn < c.opened_on) throw fieldError('assessedOn', 'assessment.beforeCase');
    const current = await assessmentRepository.themes(tx, a.id);
    const themes =
      input.themes?.map((t) => ({
        theme_code: t.themeCode,
        level_code: t.levelCode,
        wishes: t.wishes,
        informant_code: t.informantCode,
        notes: t.notes,
      })) ?? current;
    const saved = await assessmentRepository.save(
      tx,
      { id: a.id, municipalityId: ctx.actor.municipalityId, version: input.version, supportNeedCode: input.supportNeedCode },
      themes,
    );
    if (!saved) throw conflict();
    await checkAndSaveFfb(tx, { id: a.id, caseId: id, municipalityId: ctx.actor.municipalityId }, input, input.assessedOn);
    // The support need's date moves only when the need was assessed anew (changed, or given for the first time).
    const needAssessed = input.supportNeedCode !== a.support_need_code || a.assessed_on === null;
    await assessmentRepository.setAssessed(tx, a.id, needAssessed ? input.assessedOn : null, true);
    await journal(tx, ctx, id, 'reassessment', 'Ny udredning (opfølgning)', null);
    await auditCase(tx, ctx, { action: 'update', citizenId: c.citizen_id, recordType: 'assessment', recordId: a.id });
    const after = await assessmentRepository.assessmentOf(tx, id);
    return assessmentView(id, after ?? a, themes, await assessmentRepository.ffbOf(tx, a.id, id));
  });
}
