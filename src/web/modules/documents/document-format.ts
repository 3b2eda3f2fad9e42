import { DOCUMENT_TYPES } from '../../../rules/records/document-types.ts';

const LABEL: Record<string, string> = Object.fromEntries(DOCUMENT_TYPES.map((d) => [d.contentType, d.label]));

/** A file's size as people read it: 820 B, 14,2 kB, 3,1 MB. */
export function documentSize(bytes: number | null, lang: string): string {
  if (bytes === null) return '–';
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  const fmt = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
  return kb < 1024 ? `${fmt.format(kb)} kB` : `${fmt.format(kb / 1024)} MB`;
}

/** The document type's name (PDF, PNG, JPEG) from its content type. */
export const documentTypeLabel = (contentType: string) => LABEL[contentType] ?? contentType;
