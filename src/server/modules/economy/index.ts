export { economyRoutes } from './economy.routes.ts';
/** For agreements and dashboards: tables as files (Danish CSV and XLSX). */
export { type Table, toCsv, toXlsx } from './finance-files.ts';
/** For the case flow: the annual cost of a frame at its rung and the next, inside the caller's transaction. */
export { ladderPriceIn } from './prices.helpers.ts';
