import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orderSchema } from '../../../shared/cases/order.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { placeOrder } from './place-order.use-case.ts';

export const ordersRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    '/api/cases/:id/order',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['cases'],
        summary:
          'Order the support from a provider’s offer: frame, at most 3 SMART goals with FKO baseline and target, § 141 plan',
        params: idParamsSchema,
        body: orderSchema,
        response: { 200: z.object({ orderId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => placeOrder(contextOf(request, database), request.params.id, request.body),
  );
};
