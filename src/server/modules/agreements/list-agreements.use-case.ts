import type { AgreementSummary } from '../../../shared/agreements/agreements.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { agreementsRepository as repo } from './agreements.repository.ts';

const day = (v: string) => String(v).slice(0, 10) as PlainDate;

/** The municipality's agreements with its centers, newest period first per center. */
export async function listAgreements(ctx: RequestContext): Promise<AgreementSummary[]> {
  return runUseCase(ctx, async (tx) =>
    (await repo.list(tx, ctx.actor.municipalityId)).map((a) => ({
      id: a.id,
      unitId: a.unit_id,
      unitName: a.unit_name,
      title: a.title,
      periodFrom: day(a.period_from),
      periodTo: day(a.period_to),
      approvedBy: a.approved_by,
      source: a.source,
      invented: a.invented,
      goalCount: Number(a.goal_count ?? 0),
    })),
  );
}
