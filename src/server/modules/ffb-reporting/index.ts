export { ffbBundleReader } from './ffb-bundle-reader.ts';
export { ffbReportingJobs } from './ffb-reporting.jobs.ts';
export { ffbReportingRoutes } from './ffb-reporting.routes.ts';
export { standInGatewayRoutes } from './stand-in-gateway.routes.ts';
