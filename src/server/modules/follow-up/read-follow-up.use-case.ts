import { timeLimitAlert } from '../../../rules/follow-up/fko-schedule.ts';
import type { ProviderOrder } from '../../../shared/follow-up/follow-up.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit, latestOrderOf, readOrder } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';

export type FollowUpView = {
  order: ProviderOrder;
  followUps: {
    id: string;
    heldOn: PlainDate;
    outcome: string;
    note: string;
    nextFollowUp: PlainDate | null;
    heldByName: string;
  }[];
  timeLimit: 'expired' | 'expiring' | null;
};

/** The authority's follow-up panel: the order with goal history, hours and notes, earlier follow-ups, the time limit. */
export async function readFollowUp(ctx: RequestContext, caseId: string): Promise<FollowUpView> {
  return runUseCase(ctx, async (tx) => {
    const o = await latestOrderOf(tx, ctx, caseId);
    const view = await readOrder(tx, ctx, o);
    const followUps = await followUpRepository.followUps(tx, caseId);
    await audit(tx, ctx, { action: 'read', citizenId: o.citizen_id, recordType: 'order', recordId: o.id });
    return {
      order: view,
      followUps: followUps.map((f) => ({
        id: f.id,
        heldOn: f.held_on as PlainDate,
        outcome: f.outcome,
        note: f.note,
        nextFollowUp: f.next_follow_up as PlainDate | null,
        heldByName: f.held_by_name,
      })),
      timeLimit: timeLimitAlert(view.frame.timeLimitUntil, ctx.clock.today()),
    };
  });
}
