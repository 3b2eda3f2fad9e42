import type { ReactNode } from 'react';
import { ApiRequestError } from '../api/client.ts';

/** The server's message for a field of a failed request, if it named that field. */
export function fieldErrorOf(error: unknown, path: string): string | undefined {
  return error instanceof ApiRequestError ? error.fieldMessage(path) : undefined;
}

/** A failed request's message when it named no field (shown above the form instead). */
export function formErrorOf(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiRequestError) return error.body.fields?.length ? undefined : error.message;
  return error instanceof Error ? error.message : String(error);
}

/** A DKFDS form group: label, the field's error (linked by id) and the input. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}
