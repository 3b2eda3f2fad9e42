import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import {
  budgetGroupInputSchema,
  budgetLineInputSchema,
  budgetSchema,
  capacityQuerySchema,
  capacitySchema,
  economyOfferSchema,
  financeImportResultSchema,
  financeImportSchema,
  forecastExportQuerySchema,
  forecastGrantSchema,
  forecastGrantsQuerySchema,
  forecastQuerySchema,
  forecastSchema,
  ladderPriceQuerySchema,
  ladderPriceSchema,
  placeSaleInputSchema,
  placeSaleSchema,
  rateCardInputSchema,
  rateCardUpdateSchema,
  refundCalcSchema,
  selfPayment108CalcSchema,
  tradesSchema,
  transport103CalcSchema,
  waitingActionSchema,
  waitingEntryInputSchema,
  waitingListQuerySchema,
  waitingListSchema,
  whatIfInputSchema,
  whatIfSchema,
} from '../../../shared/economy/economy.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { actOnWaiting } from './act-on-waiting.use-case.ts';
import { createBudgetGroup } from './create-budget-group.use-case.ts';
import { createBudgetLine } from './create-budget-line.use-case.ts';
import { createRateCard } from './create-rate-card.use-case.ts';
import { enterWaiting } from './enter-waiting.use-case.ts';
import { exportForecast } from './export-forecast.use-case.ts';
import { importBudget } from './import-budget.use-case.ts';
import { importPostings } from './import-postings.use-case.ts';
import { listEconomyOffers } from './list-economy-offers.use-case.ts';
import { listForecastGrants } from './list-forecast-grants.use-case.ts';
import { listPlaceSales } from './list-place-sales.use-case.ts';
import { listTrades } from './list-trades.use-case.ts';
import { listWaiting } from './list-waiting.use-case.ts';
import { listWhatIfDrafts } from './list-what-if-drafts.use-case.ts';
import { calculators } from './prices.helpers.ts';
import { readBudget } from './read-budget.use-case.ts';
import { readCapacity } from './read-capacity.use-case.ts';
import { readForecast } from './read-forecast.use-case.ts';
import { readLadderPrice } from './read-ladder-price.use-case.ts';
import { runWhatIf } from './run-what-if.use-case.ts';
import { sellPlace } from './sell-place.use-case.ts';
import { updateBudgetLine } from './update-budget-line.use-case.ts';
import { updateRateCard } from './update-rate-card.use-case.ts';

const tags = ['economy'];
const created = z.object({ id: uuidSchema });
const versioned = z.object({ version: z.number().int() });
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const economyRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  // Rate cards (takstblade).
  app.get(
    '/api/economy/offers',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Offers (own and bought from others) with every rate card version',
        response: { 200: z.array(economyOfferSchema) },
      },
    },
    async (request) => listEconomyOffers(contextOf(request, database)),
  );
  app.post(
    '/api/economy/rate-cards',
    {
      config: { access: 'economy.edit' },
      schema: {
        tags,
        summary: 'A new rate card version (400 on a bad price or an overlapping period)',
        body: rateCardInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await createRateCard(contextOf(request, database), request.body)),
  );
  app.put(
    '/api/economy/rate-cards/:id',
    {
      config: { access: 'economy.edit' },
      schema: {
        tags,
        summary: 'Change a rate card version (409 if changed meanwhile)',
        params: idParamsSchema,
        body: rateCardUpdateSchema,
        response: { 200: versioned },
      },
    },
    async (request) => updateRateCard(contextOf(request, database), request.params.id, request.body),
  );

  // Budgets and the finance system.
  app.get(
    '/api/economy/budget',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'A year’s budget lines and printed subtotals checked against them',
        querystring: yearQuery,
        response: { 200: budgetSchema },
      },
    },
    async (request) => readBudget(contextOf(request, database), request.query.year),
  );
  app.post(
    '/api/economy/budget/lines',
    {
      config: { access: 'economy.edit' },
      schema: {
        tags,
        summary: 'A budget line (400 naming an unknown unit, offer or group)',
        body: budgetLineInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await createBudgetLine(contextOf(request, database), request.body)),
  );
  app.put(
    '/api/economy/budget/lines/:id',
    {
      config: { access: 'economy.edit' },
      schema: {
        tags,
        summary: 'Change a budget line’s amount, text or group',
        params: idParamsSchema,
        body: z.object({
          version: z.number().int().min(1),
          amount: z.number().finite().min(-1e12).max(1e12),
          label: z.string().trim().min(1).max(300),
          groupId: uuidSchema.nullable().default(null),
        }),
        response: { 200: versioned },
      },
    },
    async (request) => updateBudgetLine(contextOf(request, database), request.params.id, request.body),
  );
  app.post(
    '/api/economy/budget/groups',
    {
      config: { access: 'economy.edit' },
      schema: {
        tags,
        summary: 'A printed subtotal of the budget document',
        body: budgetGroupInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await createBudgetGroup(contextOf(request, database), request.body)),
  );
  app.post(
    '/api/economy/imports/budget',
    {
      config: { access: 'economy.edit' },
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import budget lines from the finance system (CSV); any bad row refuses the file, naming each row',
        body: financeImportSchema,
        response: { 201: financeImportResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await importBudget(contextOf(request, database), request.body)),
  );
  app.post(
    '/api/economy/imports/postings',
    {
      config: { access: 'economy.edit' },
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import postings (actuals) from the finance system (CSV); a voucher imported again is updated',
        body: financeImportSchema,
        response: { 201: financeImportResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await importPostings(contextOf(request, database), request.body)),
  );

  // The forecast.
  app.get(
    '/api/economy/forecast',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Budget, actuals, committed cost of running grants and forecast as of a date',
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema },
      },
    },
    async (request) => readForecast(contextOf(request, database), request.query),
  );
  app.get(
    '/api/economy/forecast/grants',
    {
      config: { access: 'economy.detail' },
      schema: {
        tags,
        summary: 'The grants behind a forecast row (audited)',
        querystring: forecastGrantsQuerySchema,
        response: { 200: pageSchema(forecastGrantSchema) },
      },
    },
    async (request) => listForecastGrants(contextOf(request, database), request.query),
  );
  app.get(
    '/api/economy/forecast/export',
    {
      config: { access: 'economy.read' },
      schema: { tags, summary: 'The forecast as XLSX or CSV (audited as an export)', querystring: forecastExportQuerySchema },
    },
    async (request, reply) => {
      const file = await exportForecast(contextOf(request, database), request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  // Capacity, places bought and sold, the waiting list.
  app.get(
    '/api/economy/capacity',
    {
      config: { access: 'capacity.read' },
      schema: {
        tags,
        summary: 'Places, occupancy, vacant places and occupancy % over the year per offer',
        querystring: capacityQuerySchema,
        response: { 200: capacitySchema },
      },
    },
    async (request) => readCapacity(contextOf(request, database), request.query),
  );
  app.get(
    '/api/economy/place-sales',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Places sold to other municipalities in a year, priced from the rate card',
        querystring: yearQuery,
        response: { 200: z.array(placeSaleSchema) },
      },
    },
    async (request) => listPlaceSales(contextOf(request, database), request.query.year),
  );
  app.post(
    '/api/economy/place-sales',
    {
      config: { access: 'economy.edit' },
      schema: {
        tags,
        summary: 'Sell a place to another (paying) municipality',
        body: placeSaleInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await sellPlace(contextOf(request, database), request.body)),
  );
  app.get(
    '/api/economy/trades',
    {
      config: { access: 'economy.read' },
      schema: {
        tags,
        summary: 'Places bought and sold in a year per offer, priced from the rate cards',
        querystring: yearQuery,
        response: { 200: tradesSchema },
      },
    },
    async (request) => listTrades(contextOf(request, database), request.query.year),
  );
  app.get(
    '/api/waiting-list',
    {
      config: { access: 'waiting_list.read' },
      schema: {
        tags,
        summary: 'The waiting list in the order places are filled, with waiting times (audited)',
        querystring: waitingListQuerySchema,
        response: { 200: waitingListSchema },
      },
    },
    async (request) => listWaiting(contextOf(request, database), request.query),
  );
  app.post(
    '/api/waiting-list',
    {
      config: { access: 'waiting_list.write' },
      schema: {
        tags,
        summary: 'Put a granted citizen without a place on the waiting list',
        body: waitingEntryInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await enterWaiting(contextOf(request, database), request.body)),
  );
  app.post(
    '/api/waiting-list/:id/actions',
    {
      config: { access: 'waiting_list.write' },
      schema: {
        tags,
        summary: 'Offer a place, accept, decline, withdraw or reprioritise (409 if the status does not allow it)',
        params: idParamsSchema,
        body: waitingActionSchema,
        response: { 200: versioned },
      },
    },
    async (request) => actOnWaiting(contextOf(request, database), request.params.id, request.body),
  );

  // What a draft service level would cost.
  app.get(
    '/api/economy/what-if/drafts',
    {
      config: { access: 'economy.what_if' },
      schema: {
        tags,
        summary: 'Service levels with an open draft, and the offers whose rates a scenario can change',
        response: {
          200: z.object({
            drafts: z.array(
              z.object({
                versionId: uuidSchema,
                number: z.number().int(),
                descriptionId: uuidSchema,
                title: z.string(),
                legalBasis: z.string(),
              }),
            ),
            offers: z.array(
              z.object({ id: uuidSchema, name: z.string(), basis: z.enum(['daily', 'hourly', 'module', 'profile']) }),
            ),
          }),
        },
      },
    },
    async (request) => listWhatIfDrafts(contextOf(request, database)),
  );
  app.post(
    '/api/economy/what-if',
    {
      config: { access: 'economy.what_if' },
      schema: {
        tags,
        summary: 'The running grants a draft service level would move, and the change in annual cost',
        body: whatIfInputSchema,
        response: { 200: whatIfSchema },
      },
    },
    async (request) => runWhatIf(contextOf(request, database), request.body),
  );

  // Prices and calculators.
  app.get(
    '/api/economy/prices/ladder',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'Annual cost of a frame at the offers of its rung and of the next rung (information only)',
        querystring: ladderPriceQuerySchema,
        response: { 200: ladderPriceSchema },
      },
    },
    async (request) =>
      readLadderPrice(contextOf(request, database), {
        legalBasis: request.query.legalBasis,
        frame: {
          weeklyHours: request.query.weeklyHours ?? null,
          moduleDays: request.query.moduleDays ?? null,
          profileCode: request.query.profileCode ?? null,
        },
        ...(request.query.start ? { start: request.query.start } : {}),
      }),
  );
  app.get(
    '/api/economy/calculators/levels',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'The versioned, cited amounts the calculators use' } },
    async () => calculators.levels(),
  );
  app.post(
    '/api/economy/calculators/refund-176',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'SEL § 176 refund on a person’s yearly cost', body: refundCalcSchema },
    },
    async (request) => calculators.refund(request.body),
  );
  app.post(
    '/api/economy/calculators/self-payment-108',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'SEL § 108 payment share of a yearly income', body: selfPayment108CalcSchema },
    },
    async (request) => calculators.selfPayment108(request.body),
  );
  app.post(
    '/api/economy/calculators/transport-103',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'SEL § 103 transport: the citizen’s and the municipality’s share', body: transport103CalcSchema },
    },
    async (request) => calculators.transport103(request.body),
  );
};
