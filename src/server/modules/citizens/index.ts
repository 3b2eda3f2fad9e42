export { citizensRoutes } from './citizens.routes.ts';
export { citizensService } from './citizens.service.ts';
