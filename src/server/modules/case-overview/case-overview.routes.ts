import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseDetailSchema, caseExportQuerySchema } from '../../../shared/cases/case.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { sendPdf } from '../../platform/http/pdf-reply.ts';
import { exportCase } from './export-case.use-case.ts';
import { readCase } from './read-case.use-case.ts';

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
