import type { DashboardQuery, DeadlineDashboard, StrategyDashboard } from '../../../shared/agreements/agreements.schema.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import { runUseCase } from '../../platform/use-case.ts';
import { deadlineDashboard, strategyDashboard } from './dashboards.helpers.ts';

/** The team leader's dashboard: deadlines kept (share, median, 90th percentile), overdue, caseload, complaints. */
export async function readDeadlineDashboard(ctx: RequestContext, q: DashboardQuery): Promise<DeadlineDashboard> {
  return runUseCase(ctx, (tx) => deadlineDashboard(tx, ctx, q));
}

/** Management's and the council's strategy indicators per quarter, center and offer (aggregates, no identities). */
export async function readStrategyDashboard(ctx: RequestContext, q: DashboardQuery): Promise<StrategyDashboard> {
  return runUseCase(ctx, (tx) => strategyDashboard(tx, ctx, q));
}
