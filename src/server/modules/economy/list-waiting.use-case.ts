import { waitingStats } from '../../../rules/economy/waiting-list.ts';
import type { WaitingList } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { audit, toEntry } from './waiting-list.helpers.ts';

/** A page of the list in the order places are filled (priority, longest wait, decision date), with its waiting times. */
export async function listWaiting(
  ctx: RequestContext,
  q: { status: 'open' | 'closed' | 'all'; legalBasis?: string; offerId?: string; page: number; pageSize: number },
): Promise<WaitingList> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const now = ctx.clock.today();
    const { items, total } = await capacityRepository.waitingPage(tx, m, q, q.pageSize, (q.page - 1) * q.pageSize);
    const all = await capacityRepository.waitingForStats(tx, m, q);
    await audit(tx, ctx, {
      action: 'search',
      criterion: `waiting:${q.status}:${q.legalBasis ?? ''}:${q.offerId ?? ''}`,
      details: { hits: total },
    });
    return {
      items: items.map((r) => toEntry(r, now)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      named: true,
      stats: waitingStats(
        all.map((e) => ({
          status: e.status,
          priority: e.priority as 1 | 2 | 3,
          decidedOn: e.decided_on as PlainDate,
          neededFrom: e.needed_from as PlainDate,
          closedOn: e.closed_on as PlainDate | null,
        })),
        now,
      ),
    };
  });
}
