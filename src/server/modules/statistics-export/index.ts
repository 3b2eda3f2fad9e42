export { statisticsExportRoutes } from './statistics-export.routes.ts';
