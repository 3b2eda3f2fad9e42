import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../shared/api/page.ts';
import {
  caseListItemSchema,
  caseListQuerySchema,
  caseloadSchema,
  caseMunicipalitiesSchema,
  closeCaseSchema,
  noteSchema,
  openCaseSchema,
  reassignCaseSchema,
  receiptSchema,
} from '../../../shared/cases/case.schema.ts';
import {
  deadlineNoticeSchema,
  letterPreviewSchema,
  letterSchema,
  outreachContactSchema,
} from '../../../shared/cases/complaint.schema.ts';
import { caseDocumentQuerySchema, caseDocumentSchema } from '../../../shared/cases/document.schema.ts';
import { idParamsSchema, uuidSchema } from '../../../shared/ids.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { readUpload } from '../../platform/http/multipart-upload.ts';
import { sendPdf } from '../../platform/http/pdf-reply.ts';
import { addNote } from './add-note.use-case.ts';
import { previewLetter } from './case-file.helpers.ts';
import { closeCase } from './close-case.use-case.ts';
import { listCases } from './list-cases.use-case.ts';
import { messageCitizen } from './message-citizen.use-case.ts';
import { openCase } from './open-case.use-case.ts';
import { readDocument } from './read-document.use-case.ts';
import { readLetter } from './read-letter.use-case.ts';
import { reassignCase } from './reassign-case.use-case.ts';
import { recordOutreach } from './record-outreach.use-case.ts';
import { sendDeadlineNotice } from './send-deadline-notice.use-case.ts';
import { sendReceipt } from './send-receipt.use-case.ts';
import { setMunicipalities } from './set-municipalities.use-case.ts';
import { teamCaseload } from './team-caseload.use-case.ts';
import { listDocuments, uploadDocument } from './upload-document.use-case.ts';

const tags = ['cases'];

/** The case file: requests, "my cases", the receipt, notes, messages, outreach, deadline notices, letters, closing. */
export const caseFileRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  app.get(
    '/api/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary:
          'The work list: my cases (or the team’s), filtered by status, paragraph, next deadline and caseworker, searched by name or CPR, sorted; paged',
        querystring: caseListQuerySchema,
        response: { 200: pageSchema(caseListItemSchema) },
      },
    },
    async (request) => listCases(contextOf(request, database), request.query),
  );

  app.get(
    '/api/cases/caseload',
    {
      config: { access: 'case.assign' },
      schema: {
        tags,
        summary: 'The team leader’s team: open and overdue cases per caseworker',
        response: { 200: caseloadSchema },
      },
    },
    async (request) => teamCaseload(contextOf(request, database)),
  );

  app.post(
    '/api/cases/:id/caseworker',
    {
      config: { access: 'case.assign' },
      schema: {
        tags,
        summary: 'Give a case of the team to another caseworker of the team (audited; 409 on a stale version)',
        params: idParamsSchema,
        body: reassignCaseSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => reassignCase(contextOf(request, database), request.params.id, request.body),
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
    async (request, reply) => reply.status(201).send(await openCase(contextOf(request, database), request.body)),
  );

  app.post(
    '/api/cases/:id/receipt',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Generate, journalise and send the receipt letter',
        params: idParamsSchema,
        body: receiptSchema,
        response: { 200: z.object({ documentId: z.string(), version: z.number().int() }) },
      },
    },
    async (request) => sendReceipt(contextOf(request, database), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/receipt/preview',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'The receipt letter exactly as it would be sent; nothing is saved',
        params: idParamsSchema,
        body: receiptSchema,
        response: { 200: letterPreviewSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      return { letter: await previewLetter(ctx, () => sendReceipt(ctx, request.params.id, request.body)) };
    },
  );

  app.put(
    '/api/cases/:id/municipalities',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'Who acts and who pays (retssikkerhedsloven §§ 9–9 c); null is the case’s own municipality',
        params: idParamsSchema,
        body: caseMunicipalitiesSchema,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (request) => setMunicipalities(contextOf(request, database), request.params.id, request.body),
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
      await closeCase(contextOf(request, database), request.params.id, request.body);
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
      await messageCitizen(contextOf(request, database), request.params.id, request.body.body);
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
      await addNote(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/cases/:id/documents',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary:
          'The case’s documents (letters and uploads, or one kind), newest first, a page at a time, without their content; the read is audited',
        params: idParamsSchema,
        querystring: caseDocumentQuerySchema,
        response: { 200: pageSchema(caseDocumentSchema) },
      },
    },
    async (request) => listDocuments(contextOf(request, database), request.params.id, request.query),
  );

  app.post(
    '/api/cases/:id/documents',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary:
          'Upload a document (multipart: file, subject, documentDate): PDF, PNG or JPEG by content, at most 10 MB; journalised',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await uploadDocument(contextOf(request, database), request.params.id, await readUpload(request))),
  );

  app.get(
    '/api/cases/:id/documents/:documentId',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: 'A journalised letter as PDF', params: z.object({ id: uuidSchema, documentId: uuidSchema }) },
    },
    async (request, reply) => {
      return sendPdf(reply, await readDocument(contextOf(request, database), request.params.id, request.params.documentId));
    },
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
    async (request) => readLetter(contextOf(request, database), request.params.id, request.params.documentId),
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
      reply.status(201).send(await sendDeadlineNotice(contextOf(request, database), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/deadline-notices/preview',
    {
      config: { access: 'case.write' },
      schema: {
        tags,
        summary: 'The notice that a deadline cannot be kept, exactly as it would be sent; nothing is saved',
        params: idParamsSchema,
        body: deadlineNoticeSchema,
        response: { 200: letterPreviewSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request, database);
      return { letter: await previewLetter(ctx, () => sendDeadlineNotice(ctx, request.params.id, request.body)) };
    },
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
      await recordOutreach(contextOf(request, database), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
};
