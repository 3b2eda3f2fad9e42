import { ERROR_CODES, type ErrorCode } from '../../shared/errors/error-codes.ts';
import type { IssueLike, ValidationKey } from '../../shared/i18n/validation-messages.ts';

/** An error the client may see: a code, and for 400s the fields at fault. Anything else becomes a 500. */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  /** An audit row already records this refusal (so the guard does not write a second one). */
  audited = false;
  constructor(
    readonly code: ErrorCode,
    readonly issues: IssueLike[] = [],
    detail?: string,
  ) {
    super(detail ?? code);
    this.status = ERROR_CODES[code];
  }
}

export const notFound = (detail?: string) => new AppError('not_found', [], detail);
export const forbidden = (detail?: string) => new AppError('forbidden', [], detail);
export const conflict = (detail?: string) => new AppError('conflict', [], detail);
export const invalidTransition = (detail?: string) => new AppError('invalid_transition', [], detail);

/** A 400 for one field, with a message key from shared/i18n/validation-messages. */
export function fieldError(path: string, key: ValidationKey): AppError {
  return new AppError('validation_failed', [{ code: 'custom', message: key, path: path.split('.') }]);
}

/** A 409 that names the field and says why in Danish and English (the state of the record refuses the change). */
export function conflictOn(path: string, key: ValidationKey): AppError {
  return new AppError('invalid_transition', [{ code: 'custom', message: key, path: path.split('.') }]);
}

/**
 * A 400 naming every field a rule table refused (src/rules: dates out of order, an FKO target against its goal
 * type, …), each with its message in Danish and English; thrown before anything is saved. No problems, no error.
 */
export function refuseFields(problems: readonly { path: string; key: ValidationKey }[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    'validation_failed',
    problems.map((p) => ({ code: 'custom', message: p.key, path: p.path.split('.') })),
  );
}
