export { catalogueRoutes } from './catalogue.routes.ts';
export { catalogueService } from './catalogue.service.ts';
