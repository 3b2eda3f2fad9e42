import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { accessLogEntrySchema } from '../../../shared/audit/audit.schema.ts';
import {
  citizenCaseSchema,
  citizenContactUpdateSchema,
  citizenCreateSchema,
  citizenDetailSchema,
  citizenSearchQuerySchema,
  citizenSummarySchema,
} from '../../../shared/citizens/citizen.schema.ts';
import {
  consentInputSchema,
  consentWithdrawalSchema,
  cprLookupRequestSchema,
  cprLookupSchema,
  relativeInputSchema,
  relativeSchema,
  relativeUpdateSchema,
} from '../../../shared/citizens/relative.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { citizensService } from './citizens.service.ts';
import type { CprRegister } from './cpr-register/cpr-register.ts';
import { lookupCpr } from './lookup-cpr.use-case.ts';
import { addRelative, listRelatives, recordConsent, updateRelative, withdrawConsent } from './relatives.use-cases.ts';

const relativeParams = z.object({ id: uuidSchema, relativeId: uuidSchema });
const consentParams = relativeParams.extend({ consentId: uuidSchema });

export const citizensRoutes: FastifyPluginAsyncZod<{ database: Database; cprRegister: CprRegister }> = async (
  app,
  { database, cprRegister },
) => {
  app.post(
    '/api/citizens/cpr-lookup',
    {
      config: { access: 'citizen.create' },
      schema: {
        tags: ['citizens'],
        summary:
          'Before creating a citizen: an existing citizen with this CPR number, or the CPR register’s name and address (Serviceplatformen when configured, else the demo register)',
        body: cprLookupRequestSchema,
        response: { 200: cprLookupSchema },
      },
    },
    async (request) => lookupCpr(contextOf(request, database), cprRegister, request.body.cpr),
  );

  app.get(
    '/api/citizens/:id/cases',
    {
      config: { access: 'citizen.read' },
      schema: {
        tags: ['citizens'],
        summary: 'The citizen’s cases, newest first, a page at a time (the citizen overview carries the first page)',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(citizenCaseSchema) },
      },
    },
    async (request) => citizensService.cases(contextOf(request, database), request.params.id, request.query),
  );

  app.get(
    '/api/citizens/:id/relatives',
    {
      config: { access: 'citizen.read' },
      schema: {
        tags: ['citizens'],
        summary: 'Relatives and network, their consents and what may be shared with each today',
        params: idParamsSchema,
        response: { 200: z.array(relativeSchema) },
      },
    },
    async (request) => listRelatives(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/citizens/:id/relatives',
    {
      config: { access: 'citizen.update' },
      schema: {
        tags: ['citizens'],
        summary: 'Record a relative or a person of the network',
        params: idParamsSchema,
        body: relativeInputSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addRelative(contextOf(request, database), request.params.id, request.body)),
  );

  app.put(
    '/api/citizens/:id/relatives/:relativeId',
    {
      config: { access: 'citizen.update' },
      schema: {
        tags: ['citizens'],
        summary: 'Change a relative’s relation or contact details (optimistic locking on version)',
        params: relativeParams,
        body: relativeUpdateSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => updateRelative(contextOf(request, database), request.params.id, request.params.relativeId, request.body),
  );

  app.post(
    '/api/citizens/:id/relatives/:relativeId/consents',
    {
      config: { access: 'citizen.update' },
      schema: {
        tags: ['citizens'],
        summary: 'Record the citizen’s consent to share with the relative: what it covers, how and when given, until when',
        params: relativeParams,
        body: consentInputSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordConsent(contextOf(request, database), request.params.id, request.params.relativeId, request.body)),
  );

  app.post(
    '/api/citizens/:id/relatives/:relativeId/consents/:consentId/withdraw',
    {
      config: { access: 'citizen.update' },
      schema: {
        tags: ['citizens'],
        summary: 'The citizen withdraws a consent (from the date given; never undone)',
        params: consentParams,
        body: consentWithdrawalSchema,
      },
    },
    async (request, reply) => {
      const p = request.params;
      await withdrawConsent(contextOf(request, database), p.id, p.relativeId, p.consentId, request.body);
      return reply.status(204).send();
    },
  );

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
