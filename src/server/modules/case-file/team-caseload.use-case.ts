import { MUNICIPALITY_DEADLINE_KINDS } from '../../../rules/deadlines/deadline-duty.ts';
import type { Caseload } from '../../../shared/cases/case.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { caseFileRepository } from './case-file.repository.ts';

/** The team leader's caseload per caseworker: open cases and those past a deadline the municipality must meet. */
export async function teamCaseload(ctx: RequestContext): Promise<Caseload> {
  return runUseCase(ctx, async (tx) => {
    const unitId = ctx.actor.unitId;
    if (ctx.actor.role !== 'team_leader' || !unitId) throw forbidden('only a team leader sees a team');
    // Counts only, no citizen's data: nothing to log. Overdue is before today, as in the work list (deadlineStatus).
    const rows = await caseFileRepository.caseload(tx, unitId, MUNICIPALITY_DEADLINE_KINDS, ctx.clock.today());
    return {
      items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role, open: Number(r.open), overdue: Number(r.overdue) })),
    };
  });
}
