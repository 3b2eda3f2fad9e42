import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { issuePath, translateIssue, VALIDATION_MESSAGES, type ValidationKey } from '../../shared/i18n/validation-messages.ts';
import { ApiRequestError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** One problem of a form: at a field (`path` as the API names it) or, without a path, about the whole form. */
export type FormProblem = { path: string | null; message: string };

export type FormErrorState = {
  /** The summary's heading: the server's message for a refusal, or the form's own. */
  heading: string | null;
  problems: FormProblem[];
  /** Bumped on every failed attempt, so the summary takes focus again. */
  attempt: number;
};

const NONE: FormErrorState = { heading: null, problems: [], attempt: 0 };

/**
 * The errors of one form: checked in the browser with the shared zod schema and the pure rule tables before
 * sending, then the server's answer. Field problems show at their fields; everything shows in the error summary at
 * the top, which takes focus and links to the fields (DKFDS "Fejlopsummering").
 */
export function useFormErrors() {
  const { lang } = useI18n();
  const [state, setState] = useState<FormErrorState>(NONE);

  const show = useCallback((heading: string | null, problems: FormProblem[]) => {
    const seen = new Set<string>();
    const unique = problems.filter((p) => {
      const key = p.path ?? `:${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    setState((s) => ({ heading, problems: unique, attempt: s.attempt + 1 }));
  }, []);

  return useMemo(
    () => ({
      state,
      /** The message at a field, if any. */
      at: (path: string) => state.problems.find((p) => p.path === path)?.message,
      /**
       * Validates `input` with the shared schema, plus problems from the rule tables (message keys); on failure the
       * problems are shown and null is returned, so nothing is sent.
       */
      check<S extends z.ZodType>(
        schema: S,
        input: unknown,
        ruleProblems: readonly { path: string; key: ValidationKey }[] = [],
      ): z.output<S> | null {
        const parsed = schema.safeParse(input);
        const problems: FormProblem[] = [
          ...(parsed.success
            ? []
            : parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: translateIssue(i, lang) }))),
          ...ruleProblems.map((p) => ({ path: p.path, message: VALIDATION_MESSAGES[p.key][lang] })),
        ];
        if (problems.length || !parsed.success) {
          show(null, problems);
          return null;
        }
        setState((s) => (s.problems.length || s.heading ? { ...NONE, attempt: s.attempt } : s));
        return parsed.data;
      },
      /** The server refused: its field errors at the fields, its message at the top. */
      fail(error: unknown) {
        if (error instanceof ApiRequestError) {
          const fields = error.body.fields ?? [];
          show(
            error.message,
            fields.length
              ? fields.map((f) => ({ path: f.path || null, message: f.message }))
              : [{ path: null, message: error.message }],
          );
        } else {
          show(null, [{ path: null, message: error instanceof Error ? error.message : String(error) }]);
        }
      },
      /** Problems found by the form itself that no schema holds (e.g. nothing filled in). */
      report(problems: FormProblem[]) {
        show(null, problems);
      },
      clear() {
        setState((s) => ({ ...NONE, attempt: s.attempt }));
      },
    }),
    [state, lang, show],
  );
}

export type FormErrors = ReturnType<typeof useFormErrors>;

/**
 * The DKFDS error summary: above the form, focused on every failed attempt, one line per problem, linked to its
 * field. `fieldId` maps an API path to the input's id; a problem whose field is not on this form (or not on the page)
 * is listed as text, with `describe` naming what it is about.
 */
export function ErrorSummary({
  errors,
  fieldId,
  describe,
  elsewhere,
  idPrefix,
}: {
  errors: FormErrors;
  fieldId: (path: string) => string;
  describe?: (path: string) => string | undefined;
  /** The address of a page where a field not on this page is (e.g. another section of the case), if any. */
  elsewhere?: (path: string) => string | undefined;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const { problems, heading, attempt } = errors.state;
  useEffect(() => {
    if (attempt > 0 && problems.length) ref.current?.focus();
  }, [attempt, problems.length]);
  if (!problems.length) return null;
  const headingId = `${idPrefix}-error-summary`;
  // In the order of the fields on the page, problems about the whole form first.
  const position = (p: FormProblem) => {
    const el = p.path ? document.getElementById(fieldId(p.path)) : null;
    return el ? [...document.querySelectorAll('[id]')].indexOf(el) : -1;
  };
  const ordered = [...problems].sort((a, b) => position(a) - position(b));
  return (
    <div
      ref={ref}
      className="alert alert-error vt-error-summary"
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="error-summary"
    >
      <div className="alert-body">
        <p className="alert-heading" id={headingId}>
          {heading ?? t('form.errors.heading')}
        </p>
        <ul className="alert-text nobullet-list">
          {ordered.map((p) => {
            const id = p.path ? fieldId(p.path) : '';
            return (
              <li key={`${p.path ?? ''}:${p.message}`}>
                <SummaryItem
                  id={id}
                  about={p.path ? describe?.(p.path) : undefined}
                  to={p.path ? elsewhere?.(p.path) : undefined}
                  message={p.message}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

/** What a person calls a field: its label, its group's legend, or its accessible name. */
function labelOf(input: HTMLElement): string | null {
  const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent;
  const legend = input.closest('fieldset')?.querySelector('legend')?.textContent;
  const text = input.getAttribute('type') === 'radio' ? legend : (label ?? input.getAttribute('aria-label') ?? legend);
  return text?.trim() || null;
}

/**
 * One line of the summary: "what: the problem", linked to the field when it is on the page. The link scrolls the
 * label into view and focuses the input (as DKFDS's error-summary.js does).
 */
function SummaryItem({
  id,
  about,
  to,
  message,
}: {
  id: string;
  about: string | undefined;
  to: string | undefined;
  message: string;
}) {
  const [field, setField] = useState<{ present: boolean; label: string | null }>({ present: false, label: null });
  useEffect(() => {
    const input = id ? document.getElementById(id) : null;
    setField({ present: input !== null, label: input ? labelOf(input) : null });
  }, [id]);
  const name = about ?? field.label;
  const text = name ? `${name}: ${message}` : message;
  if (!field.present) {
    // On another page: the link goes there, and that page focuses the field named in the address (#id).
    return to ? (
      <Link to={`${to}#${id}`} className="function-link">
        {text}
      </Link>
    ) : (
      text
    );
  }
  return (
    <a
      href={`#${id}`}
      className="function-link"
      onClick={(event) => {
        const input = document.getElementById(id);
        if (!input) return;
        event.preventDefault();
        const label =
          document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? input.closest('fieldset')?.querySelector('legend');
        (label ?? input).scrollIntoView({ block: 'center' });
        input.focus({ preventScroll: true });
      }}
    >
      {text}
    </a>
  );
}

/** The id convention the forms use for a field: a prefix and the API path with dots as hyphens. */
export function fieldIdOf(prefix: string): (path: string) => string {
  return (path) => `${prefix}-${path.replaceAll('.', '-')}`;
}
