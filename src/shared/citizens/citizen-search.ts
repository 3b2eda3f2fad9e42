import { daysInMonth, type PlainDate, plainDateFromParts } from '../plain-date.ts';

/** Two-letter spellings of letters people type without them (Danish transliteration: Kjærsgaard → Kjaersgaard). */
const DIGRAPHS: Record<string, string> = {
  æ: 'ae',
  Æ: 'ae',
  ø: 'oe',
  Ø: 'oe',
  å: 'aa',
  Å: 'aa',
  ä: 'ae',
  Ä: 'ae',
  ö: 'oe',
  Ö: 'oe',
  ü: 'ue',
  Ü: 'ue',
};
/** Accented letters written without their accent (René → Rene). */
const PLAIN_FROM = 'éÉèÈêÊëËáÁàÀâÂíÍìÌîÎïÏóÓòÒôÔúÚùÙûÛñÑçÇ';
const PLAIN_TO = 'eeeeeeeeaaaaaaiiiiiiiioooooouuuuuunncc';

/**
 * A name as the search compares it: ASCII lower case, æ/ä → ae, ø/ö → oe, å → aa, ü → ue, accents dropped, so
 * "Kjaersgaard" finds "Kjærsgaard" and "Aalborg" finds "Ålborg" (and the other way round). The database folds the
 * stored names with the same table (fold_name in migration 0028); the tests compare the two.
 */
export function foldName(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch >= 'A' && ch <= 'Z') out += ch.toLowerCase();
    else if (DIGRAPHS[ch] !== undefined) out += DIGRAPHS[ch];
    else {
      const i = PLAIN_FROM.indexOf(ch);
      out += i >= 0 ? PLAIN_TO[i] : ch;
    }
  }
  return out;
}

/**
 * What a search box's text means. Ten digits (with or without the hyphen): a CPR number. A date as people type it
 * (14.03.1985, 14-03-1985, 14/3/85, 14031985, 140385): a birth date; a two-digit year may be either century, so
 * both are candidates and the caller drops those after today. Six digits whose day is 61–91 and not a date: the
 * start of a substitute CPR number (erstatningspersonnummer). Anything else: words, each the start of a name.
 */
export type CitizenQuery =
  | { kind: 'cpr'; cpr: string }
  | { kind: 'birth'; dates: PlainDate[] }
  | { kind: 'cprPrefix'; ddmmyy: string }
  | { kind: 'name'; tokens: string[] };

const SEPARATED_DATE = /^(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{2}|\d{4})$/;

function dateOf(day: number, month: number, year: number): PlainDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return plainDateFromParts(year, month, day);
}

/** Birth dates a typed date can mean: a four-digit year is one, a two-digit year is 19yy or 20yy. */
export function birthDatesOf(text: string): PlainDate[] {
  const t = text.trim();
  const separated = SEPARATED_DATE.exec(t);
  let parts: [number, number, string] | null = null;
  if (separated) parts = [Number(separated[1]), Number(separated[2]), separated[3] as string];
  else if (/^\d{8}$/.test(t)) parts = [Number(t.slice(0, 2)), Number(t.slice(2, 4)), t.slice(4)];
  else if (/^\d{6}$/.test(t)) parts = [Number(t.slice(0, 2)), Number(t.slice(2, 4)), t.slice(4)];
  if (!parts) return [];
  const [day, month, year] = parts;
  const years = year.length === 4 ? [Number(year)] : [1900 + Number(year), 2000 + Number(year)];
  return years.map((y) => dateOf(day, month, y)).filter((d): d is PlainDate => d !== null);
}

/** At most three words, as the name search reads them. */
const MAX_TOKENS = 3;

export function parseCitizenQuery(text: string): CitizenQuery {
  const t = text.trim();
  const compact = t.replace(/[\s-]/g, '');
  if (/^\d{10}$/.test(compact)) return { kind: 'cpr', cpr: compact };
  // 140385-12: the start of a CPR number; the six digits are its birth date (or a substitute number's).
  const head = /^(\d{6})(?:-\d{0,3})?$/.exec(t)?.[1];
  const dates = birthDatesOf(head ?? t);
  if (dates.length > 0) return { kind: 'birth', dates };
  if (head !== undefined) return { kind: 'cprPrefix', ddmmyy: head };
  const tokens = t
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_TOKENS)
    .map(foldName)
    .filter((token) => token.length > 0);
  return { kind: 'name', tokens };
}
