export { economyRoutes } from './economy.routes.ts';
/** For the case flow: the annual cost of a frame at its rung and the next, inside the caller's transaction. */
export { ladderPriceIn } from './prices.helpers.ts';
