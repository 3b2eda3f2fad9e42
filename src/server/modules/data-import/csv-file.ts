import { parse } from 'csv-parse/sync';

/**
 * Reading an uploaded CSV as a municipality's old system wrote it: UTF-8 (with or without a byte-order mark),
 * UTF-16 with a byte-order mark, or Windows-1252 (what Danish Excel and many older systems write); a semicolon, comma
 * or tab between fields, found from the header line. A file that is neither text nor CSV is refused with the reason.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodedFile = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: FileProblem };

export type FileProblem =
  | 'import.file.empty'
  | 'import.file.binary'
  | 'import.file.doubleEncoded'
  | 'import.file.notCsv'
  | 'import.file.header';

/** Æ, Ø, Å written as UTF-8 and read back as Windows-1252 ("Ã¦", "Ã¸", "Ã¥", "Ã†", "Ã˜", "Ã…"): a file saved twice wrong. */
const DOUBLE_ENCODED = /Ã[¦¸¥†˜…]/;

export function decodeFile(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { ok: false, reason: 'import.file.empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // NUL bytes do not occur in a CSV written in an 8-bit encoding: a spreadsheet (.xlsx), a zip, a picture.
  if (bytes.subarray(0, 4096).includes(0)) return { ok: false, reason: 'import.file.binary' };
  let text: string;
  let encoding: Encoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    // Not valid UTF-8: Windows-1252, where every byte is a character.
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  if (DOUBLE_ENCODED.test(text)) return { ok: false, reason: 'import.file.doubleEncoded' };
  return { ok: true, text, encoding };
}

export type CsvRecord = { line: number; values: Record<string, string> };
export type ParsedCsv =
  | { ok: true; header: string[]; records: CsvRecord[]; delimiter: string }
  | { ok: false; reason: FileProblem; line?: number };

/** A header name as it is compared: lower case, trimmed, spaces and hyphens as underscores. */
export const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function parseCsv(text: string): ParsedCsv {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [delimiter, n] = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (n === 0) return { ok: false, reason: 'import.file.notCsv', line: 1 };
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, reason: 'import.file.notCsv', ...(line ? { line } : {}) };
  }
  const [head, ...body] = rows;
  if (!head) return { ok: false, reason: 'import.file.empty' };
  const header = head.record.map(normaliseHeader);
  if (new Set(header).size !== header.length || header.some((h) => h === ''))
    return { ok: false, reason: 'import.file.header', line: 1 };
  return {
    ok: true,
    header,
    delimiter,
    records: body
      .filter((r) => r.record.some((v) => v !== ''))
      .map((r) => ({
        line: r.info.lines,
        values: Object.fromEntries(header.map((h, i) => [h, r.record[i] ?? ''])),
      })),
  };
}
