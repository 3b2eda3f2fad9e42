import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import { assessmentSchema, saveAssessmentSchema } from '../../../shared/assessment/assessment.schema.ts';
import {
  caseDetailSchema,
  caseListItemSchema,
  caseListQuerySchema,
  closeCaseSchema,
  noteSchema,
  openCaseSchema,
  versionBodySchema,
} from '../../../shared/cases/case.schema.ts';
import {
  appealResultSchema,
  deadlineNoticeSchema,
  letterSchema,
  outreachContactSchema,
  proposalSchema,
  reconsiderSchema,
  registerComplaintSchema,
} from '../../../shared/cases/complaint.schema.ts';
import { decideSchema } from '../../../shared/cases/decision.schema.ts';
import { orderSchema } from '../../../shared/cases/order.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { plainDateInCopenhagen, plainDateSchema } from '../../../shared/plain-date.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { sendPdf } from '../../platform/http/pdf-reply.ts';
import { casesService } from './cases.service.ts';
import { complaintsService } from './complaints.service.ts';
import { proposalService } from './proposal.service.ts';

const tags = ['cases'];

export const casesRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'My cases (or the team’s), by next deadline; paged',
        querystring: caseListQuerySchema,
        response: { 200: pageSchema(caseListItemSchema) },
      },
    },
    async (request) => casesService.list(contextOf(request, database), request.query),
  );

  app.post(
    '/api/cases',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Register a request (henvendelse); opens a case and starts its deadlines',
        body: openCaseSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await casesService.open(contextOf(request, database), request.body)),
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'A case: request, deadlines, timeline, documents and the allowed next actions',
        params: idParamsSchema,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => casesService.read(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/cases/:id/receipt',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Generate, journalise and send the receipt letter',
        params: idParamsSchema,
        body: versionBodySchema,
        response: { 200: z.object({ documentId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => casesService.sendReceipt(contextOf(request, database), request.params.id, request.body.version),
  );

  app.post(
    '/api/cases/:id/close',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Close the case with a reason (not while a complaint is under way)',
        params: idParamsSchema,
        body: closeCaseSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await casesService.close(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/messages',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Answer the citizen (shown on their own page)',
        params: idParamsSchema,
        body: z.object({ body: z.string().trim().min(1, { message: 'message.body' }).max(4000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await casesService.messageCitizen(contextOf(request, database), request.params.id, request.body.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/notes',
    {
      config: { access: 'case.write' },
      schema: { tags, summary: 'Add a journal note', params: idParamsSchema, body: noteSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await casesService.addNote(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/cases/:id/documents/:documentId',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: 'A journalised letter as PDF', params: z.object({ id: uuidSchema, documentId: uuidSchema }) },
    },
    async (request, reply) => {
      return sendPdf(
        reply,
        await casesService.document(contextOf(request, database), request.params.id, request.params.documentId),
      );
    },
  );

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
    async (request) => casesService.startAssessment(contextOf(request, database), request.params.id, request.body.version),
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
    async (request) => casesService.assessment(contextOf(request, database), request.params.id),
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
    async (request) => casesService.saveAssessment(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/decision',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Make the decision (a person decides); writes the letter with complaint guidance when not fully granted',
        params: idParamsSchema,
        body: decideSchema,
        response: { 200: z.object({ decisionId: z.string(), documentId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => casesService.decide(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/order',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary:
          'Order the support from a provider’s offer: frame, at most 3 SMART goals with FKO baseline and target, § 141 plan',
        params: idParamsSchema,
        body: orderSchema,
        response: { 200: z.object({ orderId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => casesService.order(contextOf(request, database), request.params.id, request.body),
  );

  app.get(
    '/api/cases/:id/documents/:documentId/letter',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The text of a journalised letter, for the preview in the browser',
        params: z.object({ id: uuidSchema, documentId: uuidSchema }),
        response: { 200: letterSchema },
      },
    },
    async (request) => casesService.letter(contextOf(request, database), request.params.id, request.params.documentId),
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
    async (request) =>
      proposalService.propose(
        contextOf(request, database),
        request.params.id,
        request.query.on ?? plainDateInCopenhagen(new Date()),
      ),
  );

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
      reply.status(201).send(await complaintsService.register(contextOf(request, database), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/complaints/:complaintId/reconsideration',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Reconsider: uphold (a new decision follows) or maintain (the package goes to Ankestyrelsen)',
        params: z.object({ id: uuidSchema, complaintId: uuidSchema }),
        body: reconsiderSchema,
        response: { 200: z.object({ documentId: z.string().nullable() }) },
      },
    },
    async (request) =>
      complaintsService.reconsider(contextOf(request, database), request.params.id, request.params.complaintId, request.body),
  );

  app.post(
    '/api/cases/:id/complaints/:complaintId/appeal-result',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Record Ankestyrelsen’s result; a changed or remitted decision reopens the case for a new decision',
        params: z.object({ id: uuidSchema, complaintId: uuidSchema }),
        body: appealResultSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await complaintsService.appealResult(
        contextOf(request, database),
        request.params.id,
        request.params.complaintId,
        request.body,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/cases/:id/deadline-notices',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Send the written notice that a deadline cannot be kept (retssikkerhedsloven § 3, stk. 2)',
        params: idParamsSchema,
        body: deadlineNoticeSchema,
        response: { 201: z.object({ documentId: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await casesService.deadlineNotice(contextOf(request, database), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/outreach',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Record a clarifying talk (at most 3) or the start of the ½-year advice course (outreach advice)',
        params: idParamsSchema,
        body: outreachContactSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await casesService.outreachContact(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
