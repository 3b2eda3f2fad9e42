import { isExternal } from '../../../rules/economy/budget-lines.ts';
import { monthlyOccupancy, occupancyByDay, occupancySummary, type Stay } from '../../../rules/economy/occupancy.ts';
import { rateOn, yearEnd, yearStart } from '../../../rules/economy/rate-card.ts';
import { mentionsParagraph, paragraphsOf } from '../../../shared/catalogue/paragraphs.ts';
import type { Capacity } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ratesByOffer } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

/**
 * Places, occupancy and vacant places per offer on a date, and occupancy % over the year by month: stays are running
 * orders at the offer and places sold to other municipalities; accepted waiting-list places not yet started are
 * reserved. The municipality's own and contracted offers only (places bought elsewhere are not our capacity).
 */
export async function readCapacity(ctx: RequestContext, q: { on?: PlainDate; year?: number }): Promise<Capacity> {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const on = q.on ?? ctx.clock.today();
    const year = q.year ?? Number(on.slice(0, 4));
    const from = yearStart(year);
    const to = yearEnd(year);
    const periodFrom = on < from ? on : from;
    const periodTo = on > to ? on : to;
    const offers = (await ratesRepository.offers(tx, m)).filter((o) => !isExternal(o.owner));
    const rates = ratesByOffer(await ratesRepository.all(tx, m));
    const orders = await capacityRepository.orderStays(tx, m, periodFrom, periodTo);
    const sales = await capacityRepository.sales(tx, m, periodFrom, periodTo);
    const reservations = await capacityRepository.reservations(tx, m, on);
    const waiting = await capacityRepository.waitingCounts(tx, m);
    const stays = new Map<string, Stay[]>();
    const add = (offerId: string, s: Stay) => stays.set(offerId, [...(stays.get(offerId) ?? []), s]);
    for (const o of orders) add(o.offer_id, { from: o.from as PlainDate, to: o.to as PlainDate | null });
    for (const s of sales) add(s.offer_id, { from: s.from_date as PlainDate, to: s.to_date as PlainDate | null });
    return {
      on,
      year,
      offers: offers.map((o) => {
        const own = stays.get(o.id) ?? [];
        const [day] = occupancyByDay(own, o.places, on, on);
        const yearDays = occupancyByDay(own, o.places, from, to);
        const sum = occupancySummary(yearDays, o.places);
        const paragraphs = o.legal_bases.flatMap(paragraphsOf);
        const reserved = reservations.filter((r) => r.offered_offer_id === o.id).length;
        const rate = rates.get(o.id);
        return {
          offerId: o.id,
          name: o.name,
          legalBases: o.legal_bases,
          owner: o.owner,
          places: o.places,
          occupied: day?.occupied ?? 0,
          vacant: o.places === null ? null : Math.max(0, o.places - (day?.occupied ?? 0) - reserved),
          reserved,
          pct: day?.pct ?? null,
          over: day?.over ?? false,
          averagePct: sum.averagePct,
          daysOver: sum.daysOver,
          waiting: waiting
            .filter(
              (w) => w.offer_id === o.id || (w.offer_id === null && paragraphs.some((p) => mentionsParagraph(w.legal_basis, p))),
            )
            .reduce((s, w) => s + w.n, 0),
          assumedOccupancyPct: (rate && rateOn(rate, on)?.version.occupancyPct) ?? null,
          months: monthlyOccupancy(yearDays, o.places).map((x) => ({ month: x.month, averagePct: x.averagePct, peak: x.peak })),
        };
      }),
    };
  });
}
