import type { ReassignCase } from '../../../shared/cases/case.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { conflict, fieldError, forbidden, invalidTransition } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditCase, journal, loadCase } from './case-file.helpers.ts';
import { caseFileRepository } from './case-file.repository.ts';

/**
 * A team leader gives a case of the team to another caseworker of the team: the case's caseworker changes (the
 * citizen's page names the new one), the journal says who had it and who has it now, and the change is audited.
 * A case someone changed since it was read is refused (409), as is a closed case.
 */
export async function reassignCase(ctx: RequestContext, id: string, input: ReassignCase): Promise<{ version: number }> {
  return runUseCase(ctx, async (tx) => {
    const unitId = ctx.actor.unitId;
    if (ctx.actor.role !== 'team_leader' || !unitId) throw forbidden('only a team leader reassigns cases');
    const c = await loadCase(tx, id);
    const current = c.caseworker_id ? await caseFileRepository.staffMember(tx, c.caseworker_id) : undefined;
    // The team's cases only: those of the leader's unit (a case with no caseworker belongs to no team yet).
    if (current && current.unit_id !== unitId) throw forbidden('the case belongs to another team');
    if (c.status === 'closed') throw invalidTransition('a closed case keeps its caseworker');
    const next = await caseFileRepository.staffMember(tx, input.caseworkerId);
    if (!next || next.unit_id !== unitId || !next.active || !['caseworker', 'team_leader'].includes(next.role)) {
      throw fieldError('caseworkerId', 'id.invalid');
    }
    if (next.id === c.caseworker_id) throw fieldError('caseworkerId', 'id.invalid');
    if (!(await caseFileRepository.setCaseworker(tx, id, input.version, next.id))) throw conflict();
    await journal(
      tx,
      ctx,
      id,
      'reassigned',
      `Sagen er flyttet til ${next.name}`,
      current ? `Fra ${current.name} til ${next.name}.` : `Til ${next.name}.`,
    );
    await auditCase(tx, ctx, {
      action: 'update',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: id,
      details: { change: 'caseworker', from: c.caseworker_id, to: next.id },
    });
    return { version: c.version + 1 };
  });
}
