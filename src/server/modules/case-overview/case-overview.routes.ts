import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { caseDetailSchema, caseEventSchema, caseExportQuerySchema, deadlineSchema } from '../../../shared/cases/case.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { sendPdf } from '../../platform/http/pdf-reply.ts';
import { exportCase } from './export-case.use-case.ts';
import { readCase, readCaseDeadlines, readCaseEvents } from './read-case.use-case.ts';

export const caseOverviewRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/cases/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'A case: request, deadlines, timeline, documents and the allowed next actions',
        params: idParamsSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => readCase(contextOf(request, database), request.params.id),
  );

  app.get(
    '/api/cases/:id/events',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The case’s journal, newest first, a page at a time (the case page carries the newest 200)',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(caseEventSchema) },
      },
    },
    async (request) => readCaseEvents(contextOf(request, database), request.params.id, request.query),
  );

  app.get(
    '/api/cases/:id/deadlines',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The case’s deadlines in force by due date, a page at a time (the case page carries 200, every open one)',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: pageSchema(deadlineSchema) },
      },
    },
    async (request) => readCaseDeadlines(contextOf(request, database), request.params.id, request.query),
  );

  app.get(
    '/api/cases/:id/export',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'The case printed as one PDF, for a meeting or an access request (audited as an export with the purpose)',
        params: idParamsSchema,
        querystring: caseExportQuerySchema,
      },
    },
    async (request, reply) =>
      sendPdf(reply, await exportCase(contextOf(request, database), request.params.id, request.query.purpose)),
  );
};
