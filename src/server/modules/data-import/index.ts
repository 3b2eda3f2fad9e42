export { dataImportRoutes } from './data-import.routes.ts';
