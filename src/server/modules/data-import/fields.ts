import { type CodeIndex, type FfbValueSetName, inValueSet } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import { isPlainDate, type PlainDate } from '../../../shared/plain-date.ts';

/**
 * Reading one field of an imported row, the way Danish systems write them. Each answers the value or the key of
 * what is wrong (shared/i18n/validation-messages.ts); the caller adds the line and the column.
 */
export type Field<T> = { ok: true; value: T } | { ok: false; key: string };

const ok = <T>(value: T): Field<T> => ({ ok: true, value });
const bad = <T>(key: string): Field<T> => ({ ok: false, key });

/** 2021-05-28, 28-05-2021, 28.05.2021, 28/05/2021; a date that does not exist (30 February) is refused. */
export function dateField(v: string): Field<PlainDate> {
  const s = v.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(s);
  const candidate = iso ? s : dk ? `${dk[3]}-${(dk[2] ?? '').padStart(2, '0')}-${(dk[1] ?? '').padStart(2, '0')}` : null;
  if (candidate === null) return bad('import.date.format');
  return isPlainDate(candidate) ? ok(candidate) : bad('import.date.invalid');
}

/** 993, 993,50, 1.234,50 (Danish) or 993.50. */
export function decimalField(v: string): Field<number> {
  const s = v.trim().replace(/\s/g, '');
  const normalised = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return bad('import.number');
  return ok(Number(normalised));
}

export function integerField(v: string, min = 0): Field<number> {
  const s = v.trim();
  if (!/^-?\d+$/.test(s)) return bad('import.integer');
  const n = Number(s);
  return n < min ? bad('import.integer') : ok(n);
}

/** ja/nej, yes/no, true/false, 1/0, x/(empty). */
export function booleanField(v: string): Field<boolean> {
  const s = v.trim().toLowerCase();
  if (['ja', 'j', 'yes', 'y', 'true', '1', 'x'].includes(s)) return ok(true);
  if (['nej', 'n', 'no', 'false', '0', ''].includes(s)) return ok(false);
  return bad('import.boolean');
}

/** One of a few words (case-insensitive, æøå or ae/oe/aa), e.g. the outcome of a decision. */
export function choiceField<T extends string>(v: string, choices: Record<string, T>): Field<T> {
  const s = v
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[\s-]+/g, '_');
  const found = choices[s];
  return found === undefined ? bad('import.choice') : ok(found);
}

export type FfbNames = ReadonlyMap<string, readonly string[]>;

/**
 * An FFB code given as its UUID or its Danish name (case-insensitive), within a KL value set. A name shared by two
 * codes in the set is ambiguous and must be given as the code.
 */
export function ffbField(v: string, valueSet: FfbValueSetName, codes: CodeIndex, names: FfbNames): Field<string> {
  const s = v.trim();
  if (inValueSet(valueSet, s, codes)) return ok(s);
  const candidates = (names.get(s.toLowerCase()) ?? []).filter((c) => inValueSet(valueSet, c, codes));
  if (candidates.length === 1 && candidates[0]) return ok(candidates[0]);
  return bad(candidates.length > 1 ? 'import.ffb.ambiguous' : 'import.ffb.unknown');
}

/** A list in one field, separated by | (or ; inside a comma-separated file's quoted field). */
export const listOf = (v: string) =>
  v
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);
