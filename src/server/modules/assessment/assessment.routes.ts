import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessmentSchema, reassessmentSchema, saveAssessmentSchema } from '../../../shared/assessment/assessment.schema.ts';
import { versionBodySchema } from '../../../shared/cases/case.schema.ts';
import { proposalSchema } from '../../../shared/cases/complaint.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { plainDateSchema } from '../../../shared/plain-date.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { proposeSupport } from './propose-support.use-case.ts';
import { readAssessment } from './read-assessment.use-case.ts';
import { reassess } from './reassess.use-case.ts';
import { saveAssessment } from './save-assessment.use-case.ts';
import { startAssessment } from './start-assessment.use-case.ts';

const tags = ['cases'];

/** The VUM assessment of a case and the proposal it leads to. */
export const assessmentRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    '/api/cases/:id/assessment/start',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Start the VUM assessment',
        params: idParamsSchema,
        body: versionBodySchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => startAssessment(contextOf(request, database), request.params.id, request.body.version),
  );

  app.get(
    '/api/cases/:id/assessment',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The VUM assessment over the FFB themes, with what is missing',
        params: idParamsSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => readAssessment(contextOf(request, database), request.params.id),
  );

  app.put(
    '/api/cases/:id/assessment',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Save the assessment (optimistic locking on version)',
        params: idParamsSchema,
        body: saveAssessmentSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => saveAssessment(contextOf(request, database), request.params.id, request.body),
  );

  app.get(
    '/api/cases/:id/proposal',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The proposal (indstilling): a suggested profile and the least intrusive service, explained; a person decides',
        params: idParamsSchema,
        querystring: z.object({ on: plainDateSchema.optional() }),
        response: { 200: proposalSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      return proposeSupport(ctx, request.params.id, request.query.on ?? ctx.clock.today());
    },
  );

  app.put(
    '/api/cases/:id/assessment/reassessment',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'A new assessment while support runs (at follow-up): support need, FFB conditions, goals, target groups, dated',
        params: idParamsSchema,
        body: reassessmentSchema,
        response: { 200: assessmentSchema },
      },
    },
    async (request) => reassess(contextOf(request, database), request.params.id, request.body),
  );
};
