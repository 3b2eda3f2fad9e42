import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JOURNAL_FORMAT,
  EXAMPLE_JOURNAL_FORMAT,
  formatJournalNumber,
  JOURNAL_TOKENS,
  journalFormatProblem,
} from './journal-number.ts';

describe('journal numbers in the municipality’s format', () => {
  it.each([
    [EXAMPLE_JOURNAL_FORMAT, 1, 2026, '27.24.00-P19-1-26'],
    [EXAMPLE_JOURNAL_FORMAT, 124, 2027, '27.24.00-P19-124-27'],
    [EXAMPLE_JOURNAL_FORMAT, 3, 2100, '27.24.00-P19-3-00'],
    [DEFAULT_JOURNAL_FORMAT, 7, 2026, '2026-7'],
    ['SAG-{yyyy}/{seq}', 42, 2026, 'SAG-2026/42'],
  ])('%s, case %i of %i → %s', (format, seq, year, number) => {
    expect(formatJournalNumber(format, seq, year)).toBe(number);
  });

  it.each(Object.keys(JOURNAL_TOKENS))('%s is a known token', (token) => {
    expect(journalFormatProblem(`x-{seq}-${token}`)).toBeNull();
  });

  it.each([
    ['27.24.00-P19-{yy}', 'no_seq'],
    ['{seq}-{month}', 'unknown_token'],
    [`${'x'.repeat(60)}{seq}`, 'too_long'],
    [EXAMPLE_JOURNAL_FORMAT, null],
  ])('%s → %s', (format, problem) => {
    expect(journalFormatProblem(format)).toBe(problem);
  });

  it.each([0, -1, 1.5])('refuses running number %s', (seq) => {
    expect(() => formatJournalNumber(EXAMPLE_JOURNAL_FORMAT, seq, 2026)).toThrow(RangeError);
  });
});
