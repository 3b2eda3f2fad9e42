export { ffbReportingJobs } from './ffb-reporting.jobs.ts';
export { ffbReportingRoutes } from './ffb-reporting.routes.ts';
export { standInGatewayRoutes } from './stand-in-gateway.routes.ts';
