export { shelterRoutes } from './shelter.routes.ts';
