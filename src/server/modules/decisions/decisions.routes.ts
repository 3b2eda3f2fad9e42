import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { letterPreviewSchema } from '../../../shared/cases/complaint.schema.ts';
import { decideSchema } from '../../../shared/cases/decision.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { previewLetter } from '../case-file/index.ts';
import { decide } from './decide.use-case.ts';
import { startRevisitation } from './start-revisitation.use-case.ts';

/** Decisions on a case: the decision itself, and opening a revisitation. (A stop is decided at a follow-up.) */
export const decisionsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    '/api/cases/:id/decision',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['cases'],
        summary: 'Make the decision (a person decides); writes the letter with complaint guidance when not fully granted',
        params: idParamsSchema,
        body: decideSchema,
        response: { 200: z.object({ decisionId: z.string(), documentId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => decide(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/decision/preview',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['cases'],
        summary: 'The decision letter exactly as it would be sent, with every check of the decision; nothing is saved',
        params: idParamsSchema,
        body: decideSchema,
        response: { 200: letterPreviewSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      return { letter: await previewLetter(ctx, () => decide(ctx, request.params.id, request.body)) };
    },
  );

  app.post(
    '/api/cases/:id/revisitation',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['follow-up'],
        summary: 'Start a revisitation: a new decision on the frame or the offer',
        params: idParamsSchema,
        body: z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(4000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await startRevisitation(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
