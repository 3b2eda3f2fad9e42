export { agreementsRoutes } from './agreements.routes.ts';
