import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { caseDetailSchema } from '../../../shared/cases/case.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
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
};
