export { organisationRoutes } from './organisation.routes.ts';
export { organisationService } from './organisation.service.ts';
