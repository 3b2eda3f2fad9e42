import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { departureInputSchema, stayInputSchema, staySchema } from '../../../shared/agreements/agreements.schema.ts';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { listShelters, listStays } from './list-stays.use-case.ts';
import { recordDeparture } from './record-departure.use-case.ts';
import { registerStay } from './register-stay.use-case.ts';

const tags = ['shelter'];

export const shelterRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/shelter-stays',
    {
      config: { access: 'shelter.read' },
      schema: {
        tags,
        summary: 'Shelter stays (SEL § 110), those under way or all, paged (audited)',
        querystring: pageQuerySchema.extend({ open: z.enum(['true', 'false']).default('true') }),
        response: { 200: pageSchema(staySchema) },
      },
    },
    async (request) => listStays(contextOf(request, database), { ...request.query, open: request.query.open === 'true' }),
  );
  app.get(
    '/api/shelters',
    {
      config: { access: 'shelter.read' },
      schema: {
        tags,
        summary: 'The municipality’s § 110 offers',
        response: { 200: z.array(z.object({ id: uuidSchema, name: z.string() })) },
      },
    },
    async (request) => listShelters(contextOf(request, database)),
  );
  app.post(
    '/api/shelter-stays',
    {
      config: { access: 'shelter.write' },
      schema: {
        tags,
        summary: 'A citizen’s arrival at a shelter',
        body: stayInputSchema,
        response: { 201: z.object({ id: uuidSchema }) },
      },
    },
    async (request, reply) => reply.status(201).send(await registerStay(contextOf(request, database), request.body)),
  );
  app.post(
    '/api/shelter-stays/:id/departure',
    {
      config: { access: 'shelter.write' },
      schema: {
        tags,
        summary: 'The departure and its outcome (409 if changed meanwhile)',
        params: idParamsSchema,
        body: departureInputSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => recordDeparture(contextOf(request, database), request.params.id, request.body),
  );
};
