/**
 * The journal number (journalnummer) a case carries on the case page and in every letter, in the municipality's own
 * format (offentlighedsloven § 15: documents are journalised; municipalities number cases by KLE, e.g.
 * `27.24.00-P19-1-26` — the KLE subject and handling facet, a running number, the year). A format is text with
 * tokens; `{seq}` is required so numbers are unique within the municipality and year.
 */
export const JOURNAL_TOKENS = {
  '{seq}': 'the running number within the municipality and year: 1, 2, 3 …',
  '{yyyy}': 'the year: 2026',
  '{yy}': 'the year in two digits: 26',
} as const;

/** The example, KLE-based; each municipality sets its own. */
export const EXAMPLE_JOURNAL_FORMAT = '27.24.00-P19-{seq}-{yy}';
/** Without a municipality's own format: year and running number. */
export const DEFAULT_JOURNAL_FORMAT = '{yyyy}-{seq}';

export type JournalFormatProblem = 'no_seq' | 'too_long' | 'unknown_token';

export function journalFormatProblem(format: string): JournalFormatProblem | null {
  if (!format.includes('{seq}')) return 'no_seq';
  if (format.length > 60) return 'too_long';
  const tokens = format.match(/\{[^}]*\}/g) ?? [];
  if (tokens.some((t) => !Object.hasOwn(JOURNAL_TOKENS, t))) return 'unknown_token';
  return null;
}

/** The journal number for the `seq`th case of `year` in `format`. */
export function formatJournalNumber(format: string, seq: number, year: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq must be a positive integer: ${seq}`);
  return format
    .replaceAll('{seq}', String(seq))
    .replaceAll('{yyyy}', String(year))
    .replaceAll('{yy}', String(year % 100).padStart(2, '0'));
}
