/**
 * Citizen profiles (borgerprofiler) for SEL §§ 85, 107 and 108 / ABL § 105: resource frames in ATA hours per
 * week (Ringkøbing-Skjern, shared/seeds/001, "Serviceniveauer og borgerprofiler"; the seed prints hours without
 * a unit, read as hours per week).
 *
 * The printed bands leave gaps (1 → 1.1, 2.5 → 2.55, 4.5 → 4.55, 8.5 → 8.55, 14 → 14.1, …). Decided here
 * (docs/GLOSSARY.md): a band's printed upper bound is inclusive ("op til"), and a band starts just above the
 * previous band's upper bound. So every band is (previous upper, upper], profile 1 is [0, 1], and 2.52 hours is
 * profile 3. Above 95 hours no band applies.
 */
export type ProfileCode = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '7.1' | '7.2' | '7.3' | '7.4';

export type CitizenProfileBand = {
  code: ProfileCode;
  /** Exclusive, except profile 1 which starts at 0 inclusive. */
  above: number;
  /** Inclusive. */
  upTo: number;
  printed: string;
  /** The seed's word for the level of need (betydelig … fuldstændig); supplements are individual. */
  severity: string;
  /** VUM categories A–E as printed. */
  vumCategories: readonly ('A' | 'B' | 'C' | 'D' | 'E')[];
};

export const CITIZEN_PROFILE_BANDS: readonly CitizenProfileBand[] = [
  { code: '1', above: 0, upTo: 1, printed: '0–1', severity: 'betydelig', vumCategories: ['B'] },
  { code: '2', above: 1, upTo: 2.5, printed: '1,1–2,5', severity: 'omfattende', vumCategories: ['C', 'D'] },
  { code: '3', above: 2.5, upTo: 4.5, printed: '2,55–4,5', severity: 'meget omfattende', vumCategories: ['C', 'D'] },
  { code: '4', above: 4.5, upTo: 8.5, printed: '4,55–8,5', severity: 'vidtgående', vumCategories: ['C', 'D'] },
  { code: '5', above: 8.5, upTo: 14, printed: '8,55–14', severity: 'massiv', vumCategories: ['D', 'E'] },
  { code: '6', above: 14, upTo: 22, printed: '14,1–22', severity: 'gennemgribende', vumCategories: ['D', 'E'] },
  { code: '7', above: 22, upTo: 33, printed: '22,1–33', severity: 'fuldstændig', vumCategories: ['D', 'E'] },
  { code: '7.1', above: 33, upTo: 46, printed: '33,1–46', severity: 'individuelt tillæg', vumCategories: [] },
  { code: '7.2', above: 46, upTo: 65, printed: '46,1–65', severity: 'individuelt tillæg', vumCategories: [] },
  { code: '7.3', above: 65, upTo: 78, printed: '65,1–78', severity: 'individuelt tillæg', vumCategories: [] },
  { code: '7.4', above: 78, upTo: 95, printed: '78,1–95', severity: 'individuelt tillæg', vumCategories: [] },
];

/** The profile for granted weekly hours, or null when the hours fall outside every band (negative, or above 95). */
export function profileForWeeklyHours(hours: number): CitizenProfileBand | null {
  return profileInBands(CITIZEN_PROFILE_BANDS, hours);
}

/**
 * The band for weekly hours in any contiguous band table ((above, upTo]; the first band also takes its lower end).
 * Used with the seed's bands above and with a service-level version's own bands for decisions.
 */
export function profileInBands<B extends { above: number; upTo: number }>(bands: readonly B[], hours: number): B | null {
  if (!Number.isFinite(hours) || hours < 0) return null;
  return bands.find((b, i) => (i === 0 ? hours >= b.above : hours > b.above) && hours <= b.upTo) ?? null;
}

export type BandProblem = { index: number; problem: 'unordered' | 'overlap' | 'gap' | 'empty' };

/**
 * Where each band problem shows in the administrator's form, and what it says: an empty band at its upper bound,
 * anything about its place in the table at its lower bound (the field that joins it to the band before).
 */
export const BAND_PROBLEM_FIELDS = {
  empty: { field: 'upTo', key: 'catalogue.bands.empty' },
  unordered: { field: 'above', key: 'catalogue.bands.unordered' },
  overlap: { field: 'above', key: 'catalogue.bands.overlap' },
  gap: { field: 'above', key: 'catalogue.bands.gap' },
} as const satisfies Record<BandProblem['problem'], { field: 'above' | 'upTo'; key: string }>;

/** A band table's problems as form fields (`content.profileBands.2.above`), for the server's 400 and the form. */
export function bandFieldProblems(bands: readonly { above: number; upTo: number }[], prefix = 'content.profileBands') {
  return validateBands(bands).map((p) => ({
    path: `${prefix}.${p.index}.${BAND_PROBLEM_FIELDS[p.problem].field}`,
    key: BAND_PROBLEM_FIELDS[p.problem].key,
  }));
}

/** Checks a band table (a municipality's own) is ordered, contiguous and without overlaps. */
export function validateBands(bands: readonly { above: number; upTo: number }[]): BandProblem[] {
  const problems: BandProblem[] = [];
  bands.forEach((band, index) => {
    if (!(band.upTo > band.above)) problems.push({ index, problem: 'empty' });
    const prev = bands[index - 1];
    if (!prev) return;
    if (band.above < prev.above) problems.push({ index, problem: 'unordered' });
    else if (band.above < prev.upTo) problems.push({ index, problem: 'overlap' });
    else if (band.above > prev.upTo) problems.push({ index, problem: 'gap' });
  });
  return problems;
}
