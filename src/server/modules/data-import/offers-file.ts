import type { CodeIndex } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import { LEGAL_BASES } from '../../../shared/catalogue/legal-bases.ts';
import type { OfferChange } from '../../../shared/import/import.schema.ts';
import type { CatalogueOffer, ImportedOffer } from '../catalogue/index.ts';
import type { CsvRecord } from './csv-file.ts';
import { choiceField, decimalField, type FfbNames, ffbField, integerField, listOf } from './fields.ts';
import type { Problem } from './row-problems.ts';

/**
 * The offers file (docs/IMPORT.md, "Offers and rates"): one row per offer, keyed by Tilbudsportalen's offer number.
 * Checked whole; then compared with the catalogue (new, changed field by field, unchanged, and offers the catalogue has
 * that the file does not).
 */
export const OFFER_COLUMNS = {
  required: ['tilbudsnummer', 'navn', 'ejerform', 'paragraffer'],
  optional: ['tilbudstype', 'pladser', 'takst', 'takstenhed', 'center', 'adresse', 'maalgruppe'],
} as const;

const OWNERS = {
  kommunal: 'own',
  egen: 'own',
  anden_kommune: 'other_municipality',
  regional: 'region',
  selvejende: 'self_governing',
  privat: 'private',
} as const;
const UNITS = { doegn: 'day', dag: 'day', day: 'day', maaned: 'month', month: 'month', aar: 'year', year: 'year' } as const;
const KNOWN_BASES = new Set(LEGAL_BASES.map((b) => b.id));

/** "§85", "85", "SEL §85" → "SEL § 85"; "ABL §105" → "ABL § 105". */
export function legalBasisOf(v: string): string | null {
  let s = v.trim().replace(/\s+/g, ' ').replace(/§\s*/g, '§ ');
  if (/^\d/.test(s)) s = `SEL § ${s}`;
  else if (s.startsWith('§')) s = `SEL ${s}`;
  s = s.replace(/^(SEL|ABL|SL) ?§/i, (m) => `${m.slice(0, m.indexOf('§')).trim().toUpperCase()} §`);
  return KNOWN_BASES.has(s) ? s : null;
}

export type OfferRow = ImportedOffer & { line: number };

export function readOffers(
  records: readonly CsvRecord[],
  codes: CodeIndex,
  names: FfbNames,
): { rows: OfferRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: OfferRow[] = [];
  const seen = new Map<number, number>();
  for (const { line, values: v } of records) {
    const before = problems.length;
    const at = (field: string, key: string) => problems.push({ line, field, key, value: v[field] ?? '' });
    for (const c of OFFER_COLUMNS.required) if (!(v[c] ?? '').trim()) at(c, 'import.required');
    const id = integerField(v.tilbudsnummer ?? '', 1);
    if ((v.tilbudsnummer ?? '').trim() && !id.ok) at('tilbudsnummer', id.key);
    if (id.ok) {
      if (seen.has(id.value)) at('tilbudsnummer', 'import.duplicate');
      seen.set(id.value, line);
    }
    const owner = choiceField(v.ejerform ?? '', OWNERS);
    if ((v.ejerform ?? '').trim() && !owner.ok) at('ejerform', 'import.owner');
    const bases = listOf(v.paragraffer ?? '').map((b) => [b, legalBasisOf(b)] as const);
    for (const [raw, b] of bases)
      if (b === null) problems.push({ line, field: 'paragraffer', key: 'import.legalBasis.unknown', value: raw });
    const type = (v.tilbudstype ?? '').trim() ? ffbField(v.tilbudstype ?? '', 'KLServiceCodesFFB', codes, names) : null;
    if (type && !type.ok) at('tilbudstype', type.key);
    const places = (v.pladser ?? '').trim() ? integerField(v.pladser ?? '') : null;
    if (places && !places.ok) at('pladser', places.key);
    const rate = (v.takst ?? '').trim() ? decimalField(v.takst ?? '') : null;
    if (rate && (!rate.ok || rate.value < 0)) at('takst', 'import.number');
    const unit = (v.takstenhed ?? '').trim() ? choiceField(v.takstenhed ?? '', UNITS) : null;
    if (unit && !unit.ok) at('takstenhed', unit.key);
    if (rate && !unit) at('takstenhed', 'import.required');
    if (problems.length > before || !id.ok || !owner.ok) continue;
    rows.push({
      line,
      tilbudsportalenId: id.value,
      name: (v.navn ?? '').trim(),
      owner: owner.value,
      legalBases: bases.flatMap(([, b]) => (b ? [b] : [])),
      ffbCode: type?.ok ? type.value : null,
      places: places?.ok ? places.value : null,
      rateDkk: rate?.ok ? rate.value : null,
      rateUnit: unit?.ok ? unit.value : null,
      centerName: (v.center ?? '').trim() || null,
      address: (v.adresse ?? '').trim(),
      targetGroup: (v.maalgruppe ?? '').trim(),
    });
  }
  return { rows, problems };
}

const FIELDS: [keyof ImportedOffer, string][] = [
  ['name', 'navn'],
  ['owner', 'ejerform'],
  ['legalBases', 'paragraffer'],
  ['ffbCode', 'tilbudstype'],
  ['places', 'pladser'],
  ['rateDkk', 'takst'],
  ['rateUnit', 'takstenhed'],
  ['centerName', 'center'],
  ['address', 'adresse'],
  ['targetGroup', 'maalgruppe'],
];
const show = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' | ') : String(v));

/** What the file changes in the catalogue, offer by offer and field by field. */
export function reconcileOffers(rows: readonly OfferRow[], catalogue: ReadonlyMap<number, CatalogueOffer>): OfferChange[] {
  const inFile = new Set(rows.map((r) => r.tilbudsportalenId));
  const changes: OfferChange[] = rows.map((r) => {
    const before = catalogue.get(r.tilbudsportalenId);
    if (!before) return { tilbudsnummer: r.tilbudsportalenId, name: r.name, change: 'new', fields: [] };
    const fields = FIELDS.filter(([k]) => show(before[k]) !== show(r[k])).map(([k, label]) => ({
      field: label,
      before: show(before[k]),
      after: show(r[k]),
    }));
    return { tilbudsnummer: r.tilbudsportalenId, name: r.name, change: fields.length ? 'changed' : 'unchanged', fields };
  });
  for (const [id, o] of catalogue) {
    if (!inFile.has(id)) changes.push({ tilbudsnummer: id, name: o.name, change: 'missing', fields: [] });
  }
  return changes;
}
