import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { isExternal } from '../../../rules/economy/budget-lines.ts';
import { runningWithin } from '../../../rules/economy/grant-period.ts';
import { annualCost, grantCost } from '../../../rules/economy/grant-price.ts';
import { yearEnd, yearStart } from '../../../rules/economy/rate-card.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { capacityRepository } from './capacity.repository.ts';
import { ratesByOffer } from './economy.helpers.ts';
import { grantsRepository } from './grants.repository.ts';
import { ratesRepository } from './rates.repository.ts';

/**
 * Places bought and sold in a year, per offer, priced from the rate cards: purchases are our citizens' grants at
 * offers run by others; sales are places in our offers sold to other municipalities.
 */
export async function listTrades(ctx: RequestContext, year: number) {
  return runUseCase(ctx, async (tx) => {
    const m = ctx.actor.municipalityId;
    const from = yearStart(year);
    const to = yearEnd(year);
    const offers = await ratesRepository.offers(tx, m);
    const rates = ratesByOffer(await ratesRepository.all(tx, m));
    const grants = await grantsRepository.running(tx, m, from, to);
    const sales = await capacityRepository.sales(tx, m, from, to);
    const rules = deadlineRulesFor(ctx.actor.municipalityCode);
    const byOffer = new Map<
      string,
      { direction: 'purchase' | 'sale'; counterpart: string; places: number; annual: number; year: number }
    >();
    const add = (key: string, direction: 'purchase' | 'sale', counterpart: string, annual: number, yearCost: number) => {
      const t = byOffer.get(key) ?? { direction, counterpart, places: 0, annual: 0, year: 0 };
      t.places += 1;
      t.annual += annual;
      t.year += yearCost;
      byOffer.set(key, t);
    };
    const offerById = new Map(offers.map((o) => [o.id, o]));
    for (const g of grants) {
      const o = offerById.get(g.offer_id);
      if (!o) continue;
      const paidByOther = g.paying_municipality_code !== null && g.paying_municipality_code !== ctx.actor.municipalityCode;
      // Our citizen in another's offer is a purchase; a citizen another municipality pays for, in ours, a sale.
      const direction = isExternal(o.owner) ? (paidByOther ? null : 'purchase') : paidByOther ? 'sale' : null;
      if (!direction) continue;
      const frame = {
        weeklyHours: g.weekly_hours === null ? null : Number(g.weekly_hours),
        moduleDays: g.module_days,
        profileCode: g.profile_code,
      };
      const dates = {
        legalBasis: g.legal_basis,
        start: g.start as PlainDate,
        endsOn: g.ends_on as PlainDate | null,
        timeLimitUntil: g.time_limit_until as PlainDate | null,
      };
      const period = runningWithin(dates, from, to, rules);
      const versions = rates.get(o.id) ?? [];
      add(
        direction === 'purchase' ? `p:${o.id}` : `s:${o.id}:${g.paying_municipality_code}`,
        direction,
        direction === 'purchase' ? (o.provider_name ?? '') : (g.paying_municipality_name ?? ''),
        annualCost(frame, versions, g.start as PlainDate).amount,
        period ? grantCost(frame, versions, period.from, period.to).amount : 0,
      );
    }
    for (const s of sales) {
      const frame = {
        weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
        moduleDays: s.module_days,
        profileCode: s.profile_code,
      };
      const versions = rates.get(s.offer_id) ?? [];
      const start = (s.from_date > from ? s.from_date : from) as PlainDate;
      const end = (s.to_date !== null && s.to_date < to ? s.to_date : to) as PlainDate;
      add(
        `s:${s.offer_id}:${s.paying_municipality_code}`,
        'sale',
        s.paying_municipality_name,
        annualCost(frame, versions, s.from_date as PlainDate).amount,
        end >= start ? grantCost(frame, versions, start, end).amount : 0,
      );
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      year,
      items: [...byOffer.entries()].map(([key, t]) => {
        const offer = offerById.get(key.split(':')[1] ?? '');
        return {
          direction: t.direction,
          offerId: offer?.id ?? '',
          offerName: offer?.name ?? '',
          owner: offer?.owner ?? 'own',
          counterpart: t.counterpart,
          places: t.places,
          annualCost: round(t.annual),
          yearCost: round(t.year),
        };
      }),
    };
  });
}
