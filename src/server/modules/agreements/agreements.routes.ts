import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  agreementSchema,
  agreementSummarySchema,
  commentInputSchema,
  dashboardQuerySchema,
  deadlineDashboardSchema,
  externalValueInputSchema,
  goalDetailSchema,
  goalInputSchema,
  goalUpdateSchema,
  issueInputSchema,
  measurementSchema,
  periodSchema,
  reportInputSchema,
  reportSchema,
  strategyDashboardSchema,
} from '../../../shared/agreements/agreements.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { commentReport } from './comment-report.use-case.ts';
import { createGoal } from './create-goal.use-case.ts';
import { createReport } from './create-report.use-case.ts';
import { enterGoalValue } from './enter-goal-value.use-case.ts';
import { exportAgreement } from './export-agreement.use-case.ts';
import { exportDashboard } from './export-dashboard.use-case.ts';
import { issueReport } from './issue-report.use-case.ts';
import { listAgreements } from './list-agreements.use-case.ts';
import { measureAgreement } from './measure-agreement.use-case.ts';
import { measureGoalNow } from './measure-goal.use-case.ts';
import { readAgreement } from './read-agreement.use-case.ts';
import { readDeadlineDashboard, readStrategyDashboard } from './read-dashboards.use-case.ts';
import { readGoal } from './read-goal.use-case.ts';
import { readReport } from './read-report.use-case.ts';
import { remeasureReport } from './remeasure-report.use-case.ts';
import { reportPdf } from './report-pdf.use-case.ts';
import { updateGoal } from './update-goal.use-case.ts';

const tags = ['agreements'];
const created = z.object({ id: uuidSchema });
const versioned = z.object({ version: z.number().int() });

export const agreementsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/agreements',
    {
      config: { access: 'agreement.read' },
      schema: { tags, summary: 'The council’s agreements with its centers', response: { 200: z.array(agreementSummarySchema) } },
    },
    async (request) => listAgreements(contextOf(request, database)),
  );
  app.get(
    '/api/agreements/:id',
    {
      config: { access: 'agreement.read' },
      schema: {
        tags,
        summary: 'An agreement with its goals (latest value, trend, attainment) and status reports',
        params: idParamsSchema,
        response: { 200: agreementSchema },
      },
    },
    async (request) => readAgreement(contextOf(request, database), request.params.id),
  );
  app.get(
    '/api/agreements/:id/export',
    {
      config: { access: 'agreement.read' },
      schema: {
        tags,
        summary: 'The goals table as XLSX or CSV (audited; figures only)',
        params: idParamsSchema,
        querystring: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const file = await exportAgreement(contextOf(request, database), request.params.id, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/agreements/:id/measure',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'Measure every goal Visitator measures over a period and store the values',
        params: idParamsSchema,
        body: periodSchema,
        response: { 200: z.object({ measured: z.number().int() }) },
      },
    },
    async (request) => measureAgreement(contextOf(request, database), request.params.id, request.body),
  );
  app.post(
    '/api/agreements/:id/goals',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'A new goal (400 naming the field)',
        params: idParamsSchema,
        body: goalInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createGoal(contextOf(request, database), request.params.id, request.body)),
  );
  app.get(
    '/api/agreement-goals/:id',
    {
      config: { access: 'agreement.read' },
      schema: {
        tags,
        summary: 'A goal with every value it has had',
        params: idParamsSchema,
        response: { 200: goalDetailSchema },
      },
    },
    async (request) => readGoal(contextOf(request, database), request.params.id),
  );
  app.put(
    '/api/agreement-goals/:id',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'Change a goal (409 if changed meanwhile; a new definition version when its measure changes)',
        params: idParamsSchema,
        body: goalUpdateSchema,
        response: { 200: versioned },
      },
    },
    async (request) => updateGoal(contextOf(request, database), request.params.id, request.body),
  );
  app.post(
    '/api/agreement-goals/:id/measure',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'Measure the goal from the cases over a period and store the value',
        params: idParamsSchema,
        body: periodSchema,
        response: { 201: measurementSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await measureGoalNow(contextOf(request, database), request.params.id, request.body)),
  );
  app.post(
    '/api/agreement-goals/:id/values',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'A value from an outside source with its source and date',
        params: idParamsSchema,
        body: externalValueInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enterGoalValue(contextOf(request, database), request.params.id, request.body)),
  );
  app.post(
    '/api/agreements/:id/reports',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'A draft midway or final status to the social committee, every goal measured now (409 if a draft is open)',
        params: idParamsSchema,
        body: reportInputSchema,
        response: { 201: created },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createReport(contextOf(request, database), request.params.id, request.body.kind)),
  );
  app.get(
    '/api/agreement-reports/:id',
    {
      config: { access: 'agreement.read' },
      schema: {
        tags,
        summary: 'A status report (an issued one as issued)',
        params: idParamsSchema,
        response: { 200: reportSchema },
      },
    },
    async (request) => readReport(contextOf(request, database), request.params.id),
  );
  app.get(
    '/api/agreement-reports/:id/pdf',
    {
      config: { access: 'agreement.read' },
      schema: { tags, summary: 'A status report as PDF for the committee’s papers (audited)', params: idParamsSchema },
    },
    async (request, reply) => {
      const file = await reportPdf(contextOf(request, database), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.put(
    '/api/agreement-reports/:id/goals/:goalId/comment',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'The center’s comment on a goal in a draft (409 if changed meanwhile or issued)',
        params: z.object({ id: uuidSchema, goalId: uuidSchema }),
        body: commentInputSchema,
        response: { 200: versioned },
      },
    },
    async (request) => commentReport(contextOf(request, database), request.params.id, request.params.goalId, request.body),
  );
  app.post(
    '/api/agreement-reports/:id/remeasure',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'Measure again: a draft takes new values; an issued status gets a new draft version',
        params: idParamsSchema,
        body: issueInputSchema,
        response: { 200: created },
      },
    },
    async (request) => remeasureReport(contextOf(request, database), request.params.id, request.body.version),
  );
  app.post(
    '/api/agreement-reports/:id/issue',
    {
      config: { access: 'agreement.edit' },
      schema: {
        tags,
        summary: 'Issue a draft status: frozen from then on (409 if changed meanwhile or issued)',
        params: idParamsSchema,
        body: issueInputSchema,
        response: { 200: reportSchema },
      },
    },
    async (request) => issueReport(contextOf(request, database), request.params.id, request.body.version),
  );

  // Dashboards for management (team leader; management and council).
  app.get(
    '/api/dashboards/deadlines',
    {
      config: { access: 'dashboard.team' },
      schema: {
        tags,
        summary: 'Deadlines kept (share, median and 90th percentile days), overdue, caseload and complaints',
        querystring: dashboardQuerySchema,
        response: { 200: deadlineDashboardSchema },
      },
    },
    async (request) => readDeadlineDashboard(contextOf(request, database), request.query),
  );
  app.get(
    '/api/dashboards/strategy',
    {
      config: { access: 'dashboard.strategy' },
      schema: {
        tags,
        summary: 'Strategy indicators per quarter and offer: own home against housing offers, moves down the ladder, FKO',
        querystring: dashboardQuerySchema,
        response: { 200: strategyDashboardSchema },
      },
    },
    async (request) => readStrategyDashboard(contextOf(request, database), request.query),
  );
  app.get(
    '/api/dashboards/deadlines/export',
    {
      config: { access: 'dashboard.team' },
      schema: {
        tags,
        summary: 'The deadline table as XLSX or CSV (audited)',
        querystring: dashboardQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const file = await exportDashboard(contextOf(request, database), 'deadlines', request.query, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
  app.get(
    '/api/dashboards/strategy/export',
    {
      config: { access: 'dashboard.strategy' },
      schema: {
        tags,
        summary: 'The strategy indicators as XLSX or CSV (audited)',
        querystring: dashboardQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const file = await exportDashboard(contextOf(request, database), 'strategy', request.query, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );
};
