import { timeLimitAlert } from '../../../rules/follow-up/fko-schedule.ts';
import { type Page, type PageQuery, pageOffset } from '../../../shared/api/page.ts';
import { FOLLOW_UPS_SHOWN, type FollowUpEntry, type ProviderOrder } from '../../../shared/follow-up/follow-up.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { loadCase } from '../case-file/index.ts';
import { audit, latestOrderOf, readOrder } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';

export type FollowUpView = {
  order: ProviderOrder;
  /** The newest FOLLOW_UPS_SHOWN follow-ups of the case; `followUpsTotal` counts them all (the rest: a page at a time). */
  followUps: FollowUpEntry[];
  followUpsTotal: number;
  timeLimit: 'expired' | 'expiring' | null;
};

/** The authority's follow-up panel: the order with goal history, hours and notes, earlier follow-ups, the time limit. */
export async function readFollowUp(ctx: RequestContext, caseId: string): Promise<FollowUpView> {
  return runUseCase(ctx, async (tx) => {
    const o = await latestOrderOf(tx, ctx, caseId);
    const view = await readOrder(tx, ctx, o);
    const followUps = await followUpRepository.followUps(tx, caseId, { limit: FOLLOW_UPS_SHOWN, offset: 0 });
    // Counted only when the newest may not be all of them.
    const followUpsTotal =
      followUps.length < FOLLOW_UPS_SHOWN ? followUps.length : await followUpRepository.countFollowUps(tx, caseId);
    await audit(tx, ctx, { action: 'read', citizenId: o.citizen_id, recordType: 'order', recordId: o.id });
    return {
      order: view,
      followUps: followUps.map(followUpEntryOf),
      followUpsTotal,
      timeLimit: timeLimitAlert(view.frame.timeLimitUntil, ctx.clock.today()),
    };
  });
}

/** A page of the case's follow-ups, newest first (the follow-up view carries the newest); audited as a read of the case. */
export async function readFollowUps(ctx: RequestContext, caseId: string, query: PageQuery): Promise<Page<FollowUpEntry>> {
  return runUseCase(ctx, async (tx) => {
    const c = await loadCase(tx, caseId);
    const total = await followUpRepository.countFollowUps(tx, caseId);
    const rows = await followUpRepository.followUps(tx, caseId, { limit: query.pageSize, offset: pageOffset(query) });
    await audit(tx, ctx, {
      action: 'read',
      citizenId: c.citizen_id,
      recordType: 'case',
      recordId: caseId,
      details: { part: 'follow-ups', page: query.page },
    });
    return { items: rows.map(followUpEntryOf), total, page: query.page, pageSize: query.pageSize };
  });
}

function followUpEntryOf(f: Awaited<ReturnType<typeof followUpRepository.followUps>>[number]): FollowUpEntry {
  return {
    id: f.id,
    heldOn: f.held_on,
    outcome: f.outcome,
    note: f.note,
    nextFollowUp: f.next_follow_up,
    heldByName: f.held_by_name,
  };
}
