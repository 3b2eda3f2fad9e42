import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { accessLogEntrySchema } from '../../../shared/audit/audit.schema.ts';
import {
  citizenContactUpdateSchema,
  citizenCreateSchema,
  citizenDetailSchema,
  citizenSearchQuerySchema,
  citizenSummarySchema,
} from '../../../shared/citizens/citizen.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { citizensService } from './citizens.service.ts';

export const citizensRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/citizens',
    {
      config: { access: 'citizen.search' },
      schema: {
        tags: ['citizens'],
        summary: 'Search citizens by CPR number, birth date (ddmmyy) or name; paged',
        querystring: citizenSearchQuerySchema,
        response: { 200: pageSchema(citizenSummarySchema) },
      },
    },
    async (request) => citizensService.search(contextOf(request, database), request.query),
  );

  app.post(
    '/api/citizens',
    {
      config: { access: 'citizen.create' },
      schema: {
        tags: ['citizens'],
        summary: 'Create a citizen',
        body: citizenCreateSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await citizensService.create(contextOf(request, database), request.body)),
  );

  app.get(
    '/api/citizens/:id',
    {
      config: { access: 'citizen.read' },
      schema: {
        tags: ['citizens'],
        summary: 'A citizen and their cases',
        params: idParamsSchema,
        response: { 200: citizenDetailSchema },
      },
    },
    async (request) => citizensService.read(contextOf(request, database), request.params.id),
  );

  app.put(
    '/api/citizens/:id/contact',
    {
      config: { access: 'citizen.update' },
      schema: {
        tags: ['citizens'],
        summary: 'Change contact details (optimistic locking on version)',
        params: idParamsSchema,
        body: citizenContactUpdateSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => citizensService.updateContact(contextOf(request, database), request.params.id, request.body),
  );

  app.get(
    '/api/citizens/:id/access-log',
    {
      config: { access: 'citizen.access_log.read' },
      schema: {
        tags: ['citizens'],
        summary: 'Who has accessed this citizen’s data, when and why',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(accessLogEntrySchema) },
      },
    },
    async (request) => citizensService.accessLog(contextOf(request, database), request.params.id, request.query),
  );
};
