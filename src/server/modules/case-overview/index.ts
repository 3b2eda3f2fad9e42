/**
 * The case page (sagsoverblik): one read over the case file and what the modules above it wrote (decisions, the
 * order, complaints). It writes nothing, so it can sit on top of them all.
 */
export { caseOverviewRoutes } from './case-overview.routes.ts';
