import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { type ProposalCandidate, proposeSupport as propose } from '../../../rules/proposal/proposal-rules.ts';
import type { ProposalView } from '../../../shared/cases/complaint.schema.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, loadCase } from '../case-file/index.ts';
import { assessmentRepository } from './assessment.repository.ts';

/**
 * The proposal (indstilling) for a case: the municipality's service-level versions in force on `on`, and the
 * assessment, through the pure proposal rule. It suggests and explains; the decision form is where a person decides.
 */
export async function proposeSupport(ctx: RequestContext, caseId: string, on: PlainDate): Promise<ProposalView> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    const a = await assessmentRepository.assessmentOf(tx, caseId);
    if (!a) throw notFound();
    const themes = await assessmentRepository.themes(tx, a.id);
    const rows = await assessmentRepository.serviceCandidates(tx, ctx.actor.municipalityId);
    const byDescription = new Map<string, typeof rows>();
    for (const r of rows) byDescription.set(r.description_id, [...(byDescription.get(r.description_id) ?? []), r]);
    const candidates: ProposalCandidate[] = [];
    for (const versions of byDescription.values()) {
      const inForce = versionInForce(
        versions.map((v) => ({ number: v.number, status: v.status, inForceFrom: v.in_force_from as PlainDate | null })),
        on,
      );
      const row = inForce && versions.find((v) => v.number === inForce.number);
      if (!row) continue;
      const content = catalogueContentSchema.safeParse(row.content);
      candidates.push({
        versionId: row.id,
        title: row.title,
        legalBasis: row.legal_basis,
        bands: content.success ? content.data.profileBands : [],
      });
    }
    const p = propose({
      supportNeedCode: a.support_need_code,
      themeLevels: themes.map((t) => ({ themeCode: t.theme_code, levelCode: t.level_code })),
      dayOffer: c.day_offer,
      candidates,
    });
    await auditCase(tx, ctx, {
      action: 'read',
      citizenId: c.citizen_id,
      recordType: 'assessment',
      recordId: a.id,
      details: { view: 'proposal' },
    });
    const slim = (x: ProposalCandidate) => ({ versionId: x.versionId, title: x.title, legalBasis: x.legalBasis });
    return {
      category: p.category,
      step: p.step,
      profile: p.profile,
      profileRange: p.profileRange,
      service: p.service ? slim(p.service) : null,
      alternatives: p.alternatives.map(slim),
      reasons: p.reasons,
      on,
    };
  });
}
