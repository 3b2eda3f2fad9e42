/** For other modules: a citizen's cases, inside their own transaction. */
export { casesRepository as casesReader } from './cases.repository.ts';
export { casesRoutes } from './cases.routes.ts';
export { casesService } from './cases.service.ts';
