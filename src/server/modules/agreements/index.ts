export { agreementsRoutes } from './agreements.routes.ts';
export { measureDemoAgreement } from './measure-demo.use-case.ts';
