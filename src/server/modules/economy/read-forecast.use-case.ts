import { can } from '../../../shared/access/permissions.ts';
import type { Forecast } from '../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { compute, defaultAsOf, type ForecastView, summary } from './forecast.helpers.ts';

/** The forecast of a year as of a date (today, or the year's end for a past year), at one of three levels. */
export async function readForecast(
  ctx: RequestContext,
  q: { year: number; asOf?: PlainDate; by: ForecastView },
): Promise<Forecast> {
  return runUseCase(ctx, async (tx) => {
    const asOf = q.asOf ?? defaultAsOf(q.year, ctx.clock.today());
    const c = await compute(tx, ctx, q.year, asOf);
    return summary(c, q.year, asOf, q.by, ctx.lang, can(ctx.actor.role, 'economy.detail'));
  });
}
