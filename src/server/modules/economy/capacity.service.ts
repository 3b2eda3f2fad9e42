import { isExternal } from '../../../rules/economy/budget-lines.ts';
import { annualCost } from '../../../rules/economy/grant-price.ts';
import { monthlyOccupancy, occupancyByDay, occupancySummary, type Stay } from '../../../rules/economy/occupancy.ts';
import { rateOn, yearEnd, yearStart } from '../../../rules/economy/rate-card.ts';
import { mentionsParagraph, paragraphsOf } from '../../../shared/catalogue/paragraphs.ts';
import type { Capacity, PlaceSale, PlaceSaleInput } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { today } from '../../platform/clock.ts';
import { fieldError } from '../../platform/errors.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { auditEconomy, ratesByOffer } from './economy.helpers.ts';
import { ratesRepository } from './rates.repository.ts';

export const capacityService = {
  /**
   * Places, occupancy and vacant places per offer on a date, and occupancy % over the year by month: stays are running
   * orders at the offer and places sold to other municipalities; accepted waiting-list places not yet started are
   * reserved. The municipality's own and contracted offers only (places bought elsewhere are not our capacity).
   */
  async overview(ctx: RequestContext, q: { on?: PlainDate; year?: number }): Promise<Capacity> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const on = q.on ?? today();
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
                (w) =>
                  w.offer_id === o.id || (w.offer_id === null && paragraphs.some((p) => mentionsParagraph(w.legal_basis, p))),
              )
              .reduce((s, w) => s + w.n, 0),
            assumedOccupancyPct: (rate && rateOn(rate, on)?.version.occupancyPct) ?? null,
            months: monthlyOccupancy(yearDays, o.places).map((x) => ({ month: x.month, averagePct: x.averagePct, peak: x.peak })),
          };
        }),
      };
    });
  },

  async sales(ctx: RequestContext, year: number): Promise<PlaceSale[]> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const rates = ratesByOffer(await ratesRepository.all(tx, m));
      const sales = await capacityRepository.sales(tx, m, yearStart(year), yearEnd(year));
      return sales.map((s) => ({
        id: s.id,
        offerId: s.offer_id,
        offerName: s.offer_name,
        payingMunicipalityCode: s.paying_municipality_code,
        payingMunicipalityName: s.paying_municipality_name,
        buyerReference: s.buyer_reference,
        citizenLabel: s.citizen_label,
        fromDate: s.from_date as PlainDate,
        toDate: s.to_date as PlainDate | null,
        annualPrice: annualCost(
          {
            weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
            moduleDays: s.module_days,
            profileCode: s.profile_code,
          },
          rates.get(s.offer_id) ?? [],
          s.from_date as PlainDate,
        ).amount,
        invented: s.invented,
      }));
    });
  },

  /**
   * A place in one of our offers sold to another municipality, which acts and pays (retssikkerhedsloven §§ 9–9 c).
   * Without a paying municipality it is no sale (400 naming the field); our own code is refused too.
   */
  async sell(ctx: RequestContext, input: PlaceSaleInput): Promise<{ id: string }> {
    return runUseCase(ctx, async (tx) => {
      const m = ctx.actor.municipalityId;
      const offer = await ratesRepository.offer(tx, m, input.offerId);
      if (!offer) throw fieldError('offerId', 'offer.unknown');
      if (isExternal(offer.owner)) throw fieldError('offerId', 'sale.externalOffer');
      if (input.payingMunicipalityCode === ctx.actor.municipalityCode)
        throw fieldError('payingMunicipalityCode', 'sale.ownMunicipality');
      if (input.toDate !== null && input.toDate < input.fromDate) throw fieldError('toDate', 'dates.order');
      const id = await capacityRepository.insertSale(tx, m, {
        offer_id: input.offerId,
        paying_municipality_code: input.payingMunicipalityCode,
        paying_municipality_name: input.payingMunicipalityName,
        buyer_reference: input.buyerReference || null,
        citizen_label: input.citizenLabel || null,
        from_date: input.fromDate,
        to_date: input.toDate,
        weekly_hours: input.weeklyHours,
        module_days: input.moduleDays,
        profile_code: input.profileCode,
        note: input.note || null,
        created_by_name: ctx.actor.name,
      });
      await auditEconomy(tx, ctx, {
        action: 'create',
        recordType: 'place_sale',
        recordId: id,
        details: { offer: offer.name, paying: input.payingMunicipalityCode },
      });
      return { id };
    });
  },
};
