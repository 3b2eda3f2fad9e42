import type { LineKind } from '../../../rules/economy/budget-lines.ts';
import type { Page } from '../../../shared/api/page.ts';
import type { ForecastGrant } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { auditEconomy } from './economy.helpers.ts';
import { compute, defaultAsOf, frameText } from './forecast.helpers.ts';

/**
 * The grants behind a row, for those allowed to see them (economy.detail): citizen, offer, frame and the committed
 * cost to the year's end. Audited as a search, with the row as the criterion.
 */
export async function listForecastGrants(
  ctx: RequestContext,
  q: { year: number; asOf?: PlainDate; unitId?: string; kind?: LineKind; offerId?: string; page: number; pageSize: number },
): Promise<Page<ForecastGrant>> {
  return runUseCase(ctx, async (tx) => {
    const asOf = q.asOf ?? defaultAsOf(q.year, ctx.clock.today());
    const c = await compute(tx, ctx, q.year, asOf);
    const byId = new Map(c.grants.map((g) => [g.order_id, g]));
    const offerName = new Map(c.offers.map((o) => [o.id, o.name]));
    const matching = c.commitments.filter(
      (cm) =>
        cm.grantId &&
        (!q.unitId || cm.unitId === q.unitId) &&
        (!q.kind || cm.kind === q.kind) &&
        (!q.offerId || cm.offerId === q.offerId),
    );
    matching.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount));
    const start = (q.page - 1) * q.pageSize;
    const items = matching.slice(start, start + q.pageSize).flatMap((cm) => {
      const g = byId.get(cm.grantId ?? '');
      if (!g || !cm.period) return [];
      return [
        {
          orderId: g.order_id,
          caseId: g.case_id,
          citizenName: `${g.first_name} ${g.last_name}`,
          offerName: offerName.get(g.offer_id) ?? '',
          legalBasis: g.legal_basis,
          kind: cm.kind,
          frame: frameText(g),
          from: cm.period.from,
          to: cm.period.to,
          endReason: cm.period.reason,
          committed: cm.amount,
          carried: cm.problems?.includes('carried_rate') ?? false,
        },
      ];
    });
    await auditEconomy(tx, ctx, {
      action: 'search',
      recordType: 'forecast_grants',
      criterion: `forecast:${q.year}:${asOf}:${q.unitId ?? ''}:${q.kind ?? ''}:${q.offerId ?? ''}`,
      details: { hits: matching.length },
    });
    return { items, total: matching.length, page: q.page, pageSize: q.pageSize };
  });
}
