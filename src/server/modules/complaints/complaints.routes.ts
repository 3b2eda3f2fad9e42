import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appealResultSchema,
  letterPreviewSchema,
  reconsiderSchema,
  registerComplaintSchema,
} from '../../../shared/cases/complaint.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { previewLetter } from '../case-file/index.ts';
import { reconsiderComplaint } from './reconsider-complaint.use-case.ts';
import { recordAppealResult } from './record-appeal-result.use-case.ts';
import { registerComplaint } from './register-complaint.use-case.ts';

const tags = ['cases'];
const complaintParams = z.object({ id: uuidSchema, complaintId: uuidSchema });

/** The complaint track: registration, reconsideration, and Ankestyrelsen's result. */
export const complaintsRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.post(
    '/api/cases/:id/complaints',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Register a complaint (written or oral) against the latest decision; checked against the 4-week deadline',
        params: idParamsSchema,
        body: registerComplaintSchema,
        response: { 201: z.object({ complaintId: z.string(), timeliness: z.enum(['in_time', 'late']) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerComplaint(contextOf(request, database), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/complaints/:complaintId/reconsideration',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Reconsider: uphold (a new decision follows) or maintain (the package goes to Ankestyrelsen)',
        params: complaintParams,
        body: reconsiderSchema,
        response: { 200: z.object({ documentId: z.string().nullable() }) },
      },
    },
    async (request) =>
      reconsiderComplaint(contextOf(request, database), request.params.id, request.params.complaintId, request.body),
  );

  app.post(
    '/api/cases/:id/complaints/:complaintId/reconsideration/preview',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'The forwarding letter to Ankestyrelsen exactly as it would be sent (none if upheld); nothing is saved',
        params: complaintParams,
        body: reconsiderSchema,
        response: { 200: letterPreviewSchema },
      },
    },
    async (request) => {
      // Upholding sends no letter (a new decision follows); only maintaining writes the forwarding letter.
      if (request.body.outcome === 'upheld') return { letter: null };
      const ctx = contextOf(request, database);
      const { id, complaintId } = request.params;
      return { letter: await previewLetter(ctx, () => reconsiderComplaint(ctx, id, complaintId, request.body)) };
    },
  );

  app.post(
    '/api/cases/:id/complaints/:complaintId/appeal-result',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Record Ankestyrelsen’s result; a changed or remitted decision reopens the case for a new decision',
        params: complaintParams,
        body: appealResultSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await recordAppealResult(contextOf(request, database), request.params.id, request.params.complaintId, request.body);
      return reply.status(204).send(null);
    },
  );
};
