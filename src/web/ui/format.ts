import { formatCpr } from '../../shared/cpr/cpr.ts';

export { formatCpr };

/** 2026-11-22 → 22.11.2026, the Danish way. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}

/**
 * A number typed the Danish way ("2,5") for the API: null when empty, the number when it reads as one, else the text
 * itself, so the shared schema answers "Skriv et tal" instead of the form sending nothing.
 */
export function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const n = Number(trimmed.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/** 1234 → "1,2 kB" (Danish) or "1.2 kB". */
export function formatBytes(bytes: number, lang: string): string {
  const fmt = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${fmt.format(bytes)} B`;
  return bytes < 1024 * 1024 ? `${fmt.format(bytes / 1024)} kB` : `${fmt.format(bytes / 1024 / 1024)} MB`;
}

/** The message of a failed request, as the server gave it. */
export function requestError(error: unknown): string | undefined {
  if (!error) return undefined;
  return error instanceof Error ? error.message : String(error);
}
