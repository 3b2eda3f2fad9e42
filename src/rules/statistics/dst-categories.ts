import type { PlainDate } from '../../shared/plain-date.ts';
import { addDays } from '../calendar/date-arithmetic.ts';

/**
 * Danmarks Statistik's "Handicap og udsatte (voksne)": the services the statistics count, split as the statistics
 * split them (DST, statistikdokumentation "Handicap og udsatte (voksne) — Indhold", categories a–m; the reporting duty:
 * bekendtgørelse om dataindberetninger på socialområdet § 1, nr. 6 — §§ 82 a, 82 b, 85, 95–98, 102–104, 107, 108).
 * Reported monthly, by the 14th of the following month.
 */
export type DstCategory = {
  code: string;
  paragraph: string;
  label: string;
  /** § 82 a may be reported; the rest must be. */
  mandatory: boolean;
};

export const DST_CATEGORIES: readonly DstCategory[] = [
  { code: '82a', paragraph: 'SEL § 82 a', label: 'Gruppebaseret socialpædagogisk hjælp og støtte', mandatory: false },
  { code: '82b', paragraph: 'SEL § 82 b', label: 'Individuel tidsbegrænset socialpædagogisk hjælp og støtte', mandatory: true },
  {
    code: '85B',
    paragraph: 'SEL § 85',
    label: 'Socialpædagogisk støtte i botilbudslignende tilbud (fx almene boliger efter ABL § 105)',
    mandatory: true,
  },
  { code: '85E', paragraph: 'SEL § 85', label: 'Øvrig socialpædagogisk støtte (fx i borgerens eget hjem)', mandatory: true },
  { code: '95', paragraph: 'SEL § 95', label: 'Kontant tilskud til ansættelse af hjælpere', mandatory: true },
  { code: '96', paragraph: 'SEL § 96', label: 'Borgerstyret personlig assistance (BPA)', mandatory: true },
  { code: '97', paragraph: 'SEL § 97', label: 'Ledsageordning', mandatory: true },
  { code: '98', paragraph: 'SEL § 98', label: 'Kontaktperson for døvblinde', mandatory: true },
  { code: '102', paragraph: 'SEL § 102', label: 'Behandling', mandatory: true },
  { code: '103', paragraph: 'SEL § 103', label: 'Beskyttet beskæftigelse', mandatory: true },
  { code: '104', paragraph: 'SEL § 104', label: 'Aktivitets- og samværstilbud', mandatory: true },
  { code: '107', paragraph: 'SEL § 107', label: 'Midlertidigt botilbud (inkl. tilknyttede ydelser)', mandatory: true },
  { code: '108', paragraph: 'SEL § 108', label: 'Længerevarende botilbud (inkl. tilknyttede ydelser)', mandatory: true },
];

/** FFB "Botilbudslignende tilbud" and its child "Almen ældre- og handicapvenlig bolig". */
const HOUSING_LIKE_OFFER_TYPES = new Set(['d23e3e8a-7fcf-4603-9d75-481b6e47e0eb', 'a7cbf55b-6906-4b2a-872e-c48b4d728837']);

export type OfferFacts = { legalBases: readonly string[]; ffbCode: string | null };

/**
 * The category of a granted service: its paragraph, and for § 85 whether it is delivered in a housing-like offer
 * (an offer with homes under ABL § 105, or of the FFB offer type "Botilbudslignende tilbud") or elsewhere (own home).
 * Null: the statistics do not count it (e.g. § 99, § 110).
 */
export function dstCategory(legalBasis: string, offer: OfferFacts | null): DstCategory | null {
  const basis = legalBasis.replace(/\s+/g, ' ').trim();
  if (basis === 'SEL § 85') {
    const housingLike =
      offer !== null &&
      (offer.legalBases.includes('ABL § 105') || (offer.ffbCode !== null && HOUSING_LIKE_OFFER_TYPES.has(offer.ffbCode)));
    return DST_CATEGORIES.find((c) => c.code === (housingLike ? '85B' : '85E')) ?? null;
  }
  return DST_CATEGORIES.find((c) => c.paragraph === basis && c.code !== '85B' && c.code !== '85E') ?? null;
}

export type MonthPeriod = { from: PlainDate; to: PlainDate };

/** The first and last day of a month `YYYY-MM`. */
export function monthBounds(month: string): MonthPeriod {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01` as PlainDate;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next as PlainDate, -1) };
}

/** The part of a service period [start, end] (end null: ongoing) inside a month; null when they do not meet. */
export function periodInMonth(start: PlainDate, end: PlainDate | null, month: string): MonthPeriod | null {
  const { from, to } = monthBounds(month);
  if (start > to || (end !== null && end < from)) return null;
  if (end !== null && end < start) return null;
  return { from: start > from ? start : from, to: end !== null && end < to ? end : to };
}

/** The deadline for a month's data: the 14th of the following month. */
export function reportingDeadline(month: string): PlainDate {
  return addDays(monthBounds(month).to, 14);
}
