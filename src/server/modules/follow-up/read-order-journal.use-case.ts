import type { Page, PageQuery } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import type { OrderJournalEntry } from '../../../shared/follow-up/follow-up.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { audit, loadOrderFor } from './follow-up.helpers.ts';
import { followUpRepository } from './follow-up.repository.ts';
import { journalEntryOf } from './order-view.ts';

/**
 * A page of the provider's journal on an order, newest first (the order view carries the newest entries): for the
 * provider's staff at the ordered offer and for the authority. Audited as a read of the order with the page.
 */
export async function readOrderJournal(ctx: RequestContext, orderId: string, query: PageQuery): Promise<Page<OrderJournalEntry>> {
  return runUseCase(ctx, async (tx) => {
    const o = await loadOrderFor(tx, ctx, orderId);
    const total = await followUpRepository.countJournal(tx, orderId);
    const rows = await followUpRepository.journal(tx, orderId, { limit: query.pageSize, offset: pageOffset(query) });
    await audit(tx, ctx, {
      action: 'read',
      citizenId: o.citizen_id,
      recordType: 'order',
      recordId: orderId,
      details: { part: 'journal', page: query.page },
    });
    return { items: rows.map(journalEntryOf), total, page: query.page, pageSize: query.pageSize };
  });
}
