import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '../../../shared/api/page.ts';
import { idParamsSchema } from '../../../shared/ids.ts';
import {
  IMPORT_KINDS,
  type ImportProgress,
  importListItemSchema,
  importUploadQuerySchema,
  importViewSchema,
} from '../../../shared/import/import.schema.ts';
import { contextOf } from '../../platform/auth/guard.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { dataImportService } from './data-import.service.ts';

const tags = ['import'];
/** 100,000 rows of citizens and cases are about 30 MB. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

export const dataImportRoutes: FastifyPluginAsyncZod<{ database: Database }> = async (app, { database }) => {
  // The file is the body, as the browser has it (no multipart): CSV as text or bytes, in whatever encoding it was saved.
  // FFB delivery reports come as FHIR JSON (one Bundle, an array) or NDJSON (one Bundle a line).
  for (const type of [
    'text/csv',
    'application/octet-stream',
    'application/vnd.ms-excel',
    'text/plain',
    'application/fhir+json',
    'application/x-ndjson',
    'application/fhir+ndjson',
  ]) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
  }

  app.post(
    '/api/imports',
    {
      config: { access: 'data.import' },
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags,
        summary: 'Upload a file (the body): it is read and checked whole; every bad row comes back with line, column and reason',
        querystring: importUploadQuerySchema,
        response: { 201: importViewSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body))
        throw new AppError('validation_failed', [{ code: 'custom', message: 'import.file.empty', path: ['file'] }]);
      const view = await dataImportService.upload(contextOf(request, database), request.query.kind, request.query.filename, body);
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/imports',
    {
      config: { access: 'data.import' },
      schema: {
        tags,
        summary: 'The uploaded files, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageSchema(importListItemSchema) },
      },
    },
    async (request) => dataImportService.list(contextOf(request, database), request.query),
  );

  app.get(
    '/api/imports/templates/:kind',
    {
      config: { access: 'data.import' },
      schema: {
        tags,
        summary: 'The file format as a template to fill in (CSV, UTF-8)',
        params: z.object({ kind: z.enum(IMPORT_KINDS.filter((k) => k !== 'fhir') as ['cases', 'offers']) }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="visitator-skabelon-${request.params.kind}.csv"`)
        .send(`\uFEFF${dataImportService.template(request.params.kind)}\r\n`),
  );

  app.get(
    '/api/imports/:id',
    {
      config: { access: 'data.import' },
      schema: {
        tags,
        summary: 'One upload: its errors, or what importing it will do or did',
        params: idParamsSchema,
        response: { 200: importViewSchema },
      },
    },
    async (request) => dataImportService.view(contextOf(request, database), request.params.id),
  );

  app.post(
    '/api/imports/:id/run',
    {
      config: { access: 'data.import' },
      schema: {
        tags,
        summary: 'Import a checked file in one transaction; the answer streams progress as JSON lines (application/x-ndjson)',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      const before = await dataImportService.view(ctx, request.params.id);
      if (before.status !== 'valid') throw new AppError('conflict', [], `the import is ${before.status}`);
      const stream = new PassThrough();
      const write = (p: ImportProgress | { kind: 'result'; view: unknown }) => stream.write(`${JSON.stringify(p)}\n`);
      dataImportService.run(ctx, request.params.id, write).then(
        (view) => {
          write({ kind: 'result', view });
          stream.end();
        },
        (error: unknown) => {
          request.log.error({ err: error }, 'import failed');
          write({ kind: 'error', message: error instanceof AppError ? error.code : 'internal_error' });
          stream.end();
        },
      );
      return reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(stream);
    },
  );
};
