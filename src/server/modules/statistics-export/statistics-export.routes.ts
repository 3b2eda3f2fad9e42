import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dstExtractSummarySchema, dstMonthQuerySchema } from '../../../shared/statistics/dst-extract.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { statisticsExportService } from './statistics-export.service.ts';

const tags = ['statistics'];

export const statisticsExportRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/reporting/dst-extract/summary',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'The month’s extract for Danmarks Statistik (Handicap og udsatte, voksne) counted by service category',
        querystring: dstMonthQuerySchema,
        response: { 200: dstExtractSummarySchema },
      },
    },
    async (request) => statisticsExportService.summary(contextOf(request, database), request.query.month),
  );

  app.get(
    '/api/reporting/dst-extract.csv',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'The month’s extract for Danmarks Statistik as CSV (layout: docs/DST-EXTRACT.md); audited per citizen',
        querystring: dstMonthQuerySchema,
      },
    },
    async (request, reply) => {
      const { filename, body } = await statisticsExportService.csv(contextOf(request, database), request.query.month);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
