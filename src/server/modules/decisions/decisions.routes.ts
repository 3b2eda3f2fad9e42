import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { letterPreviewSchema } from '../../../shared/cases/complaint.schema.ts';
import { decideSchema } from '../../../shared/cases/decision.schema.ts';
import {
  approveDecisionSchema,
  awaitingApprovalItemSchema,
  sendBackDecisionSchema,
} from '../../../shared/cases/decision-approval.schema.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { previewLetter } from '../case-file/index.ts';
import { approveDecision, sendBackDecision } from './answer-approval.use-case.ts';
import { decide } from './decide.use-case.ts';
import { decisionsAwaitingApproval } from './read-approvals.use-case.ts';
import { startRevisitation } from './start-revisitation.use-case.ts';

/** Decisions on a case: the decision itself, and opening a revisitation. (A stop is decided at a follow-up.) */
export const decisionsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    '/api/cases/:id/decision',
    {
      config: { access: 'case.write' },
      schema: {
        tags: ['cases'],
        summary:
          'Make the decision (a person decides); writes the letter with complaint guidance when not fully granted. ' +
          'Hours above the highest citizen profile wait for a team leader (decisionId and documentId null, approvalId set)',
        params: idParamsSchema,
        body: decideSchema,
        response: {
          200: z.object({
            decisionId: z.string().nullable(),
            documentId: z.string().nullable(),
            approvalId: z.string().nullable(),
            version: z.number().int(),
          }),
        },
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
      return { letter: await previewLetter(ctx, () => decide(ctx, request.params.id, request.body, 'preview')) };
    },
  );

  app.post(
    '/api/cases/:id/decision/approve',
    {
      // Anyone who reads the case reaches the use case, which answers 403 to all but the team's leader (audited).
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: "A team leader approves a decision awaiting approval: it is made now and its letter sent (the caseworker's)",
        params: idParamsSchema,
        body: approveDecisionSchema,
        response: { 200: z.object({ decisionId: z.string(), documentId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => approveDecision(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/decision/send-back',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'A team leader sends a decision awaiting approval back to the caseworker, with a reason; nothing is sent',
        params: idParamsSchema,
        body: sendBackDecisionSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => sendBackDecision(contextOf(request, database), request.params.id, request.body),
  );

  app.get(
    '/api/decision-approvals',
    {
      config: { access: 'decision.approve' },
      schema: {
        tags: ['cases'],
        summary: "Decisions awaiting my approval: the team's proposals, oldest first (a team leader's)",
        querystring: pageQuerySchema,
        response: { 200: pageSchema(awaitingApprovalItemSchema) },
      },
    },
    async (request) => decisionsAwaitingApproval(contextOf(request, database), request.query),
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
