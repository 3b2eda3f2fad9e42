/**
 * Numbers the Danish way with Intl: "1.234.567 kr.", "95,5 %", "1,2 mio." on an axis. English shows the same amounts
 * as "DKK 1,234,567". One place, so tables, charts and their table alternatives say the same.
 */
export type NumberKind = 'kr' | 'pct' | 'number';

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'da-DK');

export function formatKr(amount: number, lang = 'da', decimals = 0): string {
  const n = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    amount,
  );
  return lang === 'en' ? `DKK ${n}` : `${n} kr.`;
}

export function formatNumber(n: number, lang = 'da', maxDecimals = 2): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxDecimals }).format(n);
}

export function formatPct(n: number, lang = 'da'): string {
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n)} %`;
}

export function formatValue(n: number | null, kind: NumberKind, lang = 'da'): string {
  if (n === null || Number.isNaN(n)) return '–';
  if (kind === 'kr') return formatKr(n, lang);
  if (kind === 'pct') return formatPct(n, lang);
  return formatNumber(n, lang);
}

/** Short numbers for an axis: "1,2 mio.", "350.000". */
export function formatAxis(n: number, kind: NumberKind, lang = 'da'): string {
  if (kind === 'pct') return formatPct(n, lang);
  return new Intl.NumberFormat(locale(lang), {
    notation: Math.abs(n) >= 1_000_000 ? 'compact' : 'standard',
    maximumFractionDigits: 1,
  }).format(n);
}

/** A number typed the Danish way ("1.234.567,50", "-9.177.000") or plainly; null when it is not a number. */
export function parseDanishNumber(raw: string): number | null {
  let s = raw.replace(/kr\.?$/i, '').replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** An amount for the API: null when empty, the number when it reads as one, else the text (so the schema says why). */
export function amountOrText(raw: string): number | string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  return parseDanishNumber(trimmed) ?? trimmed;
}
