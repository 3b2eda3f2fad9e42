import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ApiError, ERROR_CODES, type ErrorCode, errorMessage } from '../../../shared/errors/error-codes.ts';
import type { Language } from '../../../shared/i18n/language.ts';
import { type IssueLike, issuePath, translateIssue } from '../../../shared/i18n/validation-messages.ts';
import { classifyDbError } from '../db/db-errors.ts';
import { AppError } from '../errors.ts';
import { uniqueConflictIssues } from './unique-conflicts.ts';

function body(code: ErrorCode, lang: Language, requestId: string, issues: IssueLike[] = []): ApiError {
  return {
    code,
    message: errorMessage(code, lang),
    ...(issues.length ? { fields: issues.map((i) => ({ path: issuePath(i.path), message: translateIssue(i, lang) })) } : {}),
    requestId,
  };
}

/**
 * One error shape for the whole API: `{ code, message, fields? }` in the caller's language.
 * Nothing of an unexpected error reaches the client but its request id; the log has the rest.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const lang = request.lang ?? 'da';
    const requestId = String(request.id);
    if (request.dbScope?.aborted) {
      // The client went away (db/request-scope.ts): its statement was cancelled and its transaction rolled back. The
      // answer reaches no one; the log says what happened instead of reporting a timeout or a failure.
      request.log.info({ err: error }, 'client went away: its database work was cancelled and rolled back');
      return reply.status(503).send(body('service_unavailable', lang, requestId));
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      return reply.status(error.status).send(body(error.code, lang, requestId, error.issues));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: IssueLike[] = error.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').filter(Boolean),
      }));
      return reply.status(400).send(body('validation_failed', lang, requestId, issues));
    }
    // Database errors are mapped here and nowhere else: a use case need not catch them.
    const db = classifyDbError(error);
    if (db.kind === 'unique_violation') {
      request.log.info({ table: db.table, constraint: db.constraint }, 'unique violation answered with 409');
      return reply.status(409).send(body('conflict', lang, requestId, uniqueConflictIssues(db.table)));
    }
    if (db.kind === 'unstorable_text') return reply.status(400).send(body('bad_request', lang, requestId));
    if (db.kind === 'unavailable' || db.kind === 'timeout') {
      request.log.warn({ err: error }, db.kind === 'timeout' ? 'statement timeout' : 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(body('service_unavailable', lang, requestId));
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 429) return reply.status(429).send(body('rate_limited', lang, requestId));
    if (status >= 400 && status < 500) {
      const code: ErrorCode =
        status === 404 ? 'not_found' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'bad_request';
      return reply.status(ERROR_CODES[code]).send(body(code, lang, requestId));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(body('internal_error', lang, requestId));
  });
}

export function notFoundBody(lang: Language, requestId: string): ApiError {
  return body('not_found', lang, requestId);
}
