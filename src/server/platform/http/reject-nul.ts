import type { FastifyInstance } from 'fastify';
import type { IssueLike } from '../../../shared/i18n/validation-messages.ts';
import { AppError } from '../errors.ts';

/** Paths (within one part of the request) of every string, or object key, that holds U+0000. */
export function nulPaths(value: unknown, path: (string | number)[] = [], found: (string | number)[][] = []) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      nulPaths(v, [...path, i], found);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) found.push(path);
      else nulPaths(v, [...path, k], found);
    }
  }
  return found;
}

/**
 * PostgreSQL cannot store U+0000 in text or jsonb; it answers with an error that used to surface as a 500. Every
 * route, public ones included, refuses it first with a 400 naming the field, before validation and before the
 * route touches the database. One hook, so no route can forget it.
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues: IssueLike[] = [request.params, request.query, request.body].flatMap((part) =>
      nulPaths(part).map((path) => ({ code: 'custom', message: 'text.nul', path })),
    );
    if (issues.length) throw new AppError('validation_failed', issues);
  });
}
