import { VALIDATION_MESSAGES } from '../../../shared/i18n/validation-messages.ts';
import type { RowError } from '../../../shared/import/import.schema.ts';

/** A problem in one field of one line of an imported file, before it is shown with its text. */
export type Problem = {
  line: number;
  field: string;
  key: string;
  value: string;
  /** The text when the key is not one of the import's own (an FFB rule brings its own). */
  message?: { da: string; en: string };
};

/** Errors are kept up to this many per file (the count is always exact). */
export const MAX_ERRORS_KEPT = 1000;

export function rowErrorOf(p: Problem): RowError {
  const text = p.message ??
    (VALIDATION_MESSAGES as Record<string, { da: string; en: string }>)[p.key] ?? { da: p.key, en: p.key };
  return { line: p.line, field: p.field, key: p.key, message: text, value: p.value.slice(0, 200) };
}

/** Every problem in line order (then column order as found). */
export const sortProblems = (problems: readonly Problem[]) => [...problems].sort((a, b) => a.line - b.line);
