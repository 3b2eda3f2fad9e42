import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import {
  daySummarySchema,
  deliveryDetailSchema,
  deliveryItemSchema,
  deliveryListQuerySchema,
  reportingSettingsSchema,
  reportingSettingsViewSchema,
  runResultSchema,
} from '../../../shared/ffb-reporting/ffb-reporting.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { plainDateSchema } from '../../../shared/plain-date.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { ffbReportingService } from './ffb-reporting.service.ts';

const tags = ['ffb-reporting'];

export const ffbReportingRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/ffb-reporting/deliveries',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'FFB delivery reports to KL, newest day first, with status and the gateway’s answer',
        querystring: deliveryListQuerySchema,
        response: { 200: pageSchema(deliveryItemSchema) },
      },
    },
    async (request) => ffbReportingService.list(contextOf(request, database), request.query),
  );

  app.get(
    '/api/ffb-reporting/summary',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'A day’s reports: how many, resources, bytes, by status',
        querystring: z.object({ day: plainDateSchema }),
        response: { 200: daySummarySchema },
      },
    },
    async (request) => ffbReportingService.summary(contextOf(request, database), request.query.day),
  );

  app.get(
    '/api/ffb-reporting/deliveries/:id',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'One report: the Bundle as built, the rules it breaks, every attempt and answer',
        params: idParamsSchema,
        response: { 200: deliveryDetailSchema },
      },
    },
    async (request) => ffbReportingService.detail(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/ffb-reporting/deliveries/:id/resend',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'Send a recorded report again now',
        params: idParamsSchema,
        response: {
          200: z.object({
            outcome: z.enum(['accepted', 'rejected', 'failed']),
            httpStatus: z.number().nullable(),
            codes: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => ffbReportingService.resend(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/ffb-reporting/run',
    {
      config: { access: 'reporting.manage' },
      schema: { tags, summary: 'Capture, build and send now (up to this moment)', response: { 200: runResultSchema } },
    },
    async (request) => ffbReportingService.runNow(contextOf(request, database)),
  );

  app.get(
    '/api/ffb-reporting/settings',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'The reporting settings: gateway, organisation code, versions',
        response: { 200: reportingSettingsViewSchema },
      },
    },
    async (request) => ffbReportingService.settings(contextOf(request, database)),
  );

  app.put(
    '/api/ffb-reporting/settings',
    {
      config: { access: 'reporting.manage' },
      schema: {
        tags,
        summary: 'Change the reporting settings (optimistic locking on version)',
        body: reportingSettingsSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => ffbReportingService.saveSettings(contextOf(request, database), request.body),
  );
};
