import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { messageSchema } from '../../../shared/follow-up/follow-up.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import {
  myAccessEntrySchema,
  myComplaintSchema,
  myOverviewQuerySchema,
  myOverviewSchema,
} from '../../../shared/self-service/self-service.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { readUpload } from '../../platform/http/multipart-upload.ts';
import { sendPdf } from '../../platform/http/pdf-reply.ts';
import { selfService } from './self-service.service.ts';

const tags = ['self-service'];

/** The citizen's own view (role citizen, logged in through OIDC as with MitID). */
export const selfServiceRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/me/overview',
    {
      config: { access: 'own_data.read' },
      schema: {
        tags,
        summary: 'My cases, a page at a time: decisions, letters, plan and goals, next follow-up, provider and messages',
        querystring: myOverviewQuerySchema,
        response: { 200: myOverviewSchema },
      },
    },
    async (request) => selfService.overview(contextOf(request, database), request.query),
  );

  app.get(
    '/api/me/access-log',
    {
      config: { access: 'own_data.read' },
      schema: {
        tags,
        summary: 'Who has accessed my data: when, which unit and why (no employee names)',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(myAccessEntrySchema) },
      },
    },
    async (request) => selfService.accessLog(contextOf(request, database), request.query),
  );

  app.get(
    '/api/me/cases/:id/documents/:documentId',
    {
      config: { access: 'own_data.read' },
      schema: {
        tags,
        summary: 'One of my letters (PDF), or a document I sent (as its type)',
        params: z.object({ id: uuidSchema, documentId: uuidSchema }),
      },
    },
    async (request, reply) => {
      return sendPdf(
        reply,
        await selfService.document(contextOf(request, database), request.params.id, request.params.documentId),
      );
    },
  );

  app.post(
    '/api/me/cases/:id/messages',
    {
      config: { access: 'own_data.write' },
      schema: {
        tags,
        summary: 'Send a message to my caseworker',
        params: idParamsSchema,
        body: messageSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await selfService.message(contextOf(request, database), request.params.id, request.body.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/cases/:id/documents',
    {
      config: { access: 'own_data.write' },
      schema: {
        tags,
        summary: 'Send a document to my caseworker (multipart: file, subject, documentDate; PDF, PNG or JPEG, at most 10 MB)',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await selfService.upload(contextOf(request, database), request.params.id, await readUpload(request))),
  );

  app.post(
    '/api/me/cases/:id/complaints',
    {
      config: { access: 'own_data.write' },
      schema: {
        tags,
        summary: 'Complain digitally about the latest decision; registered as received now',
        params: idParamsSchema,
        body: myComplaintSchema,
        response: { 201: z.object({ timeliness: z.enum(['in_time', 'late']) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await selfService.complain(contextOf(request, database), request.params.id, request.body.text)),
  );
};
