import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile from 'write-excel-file/node';

/**
 * Files to and from the finance system. Danish CSV as Danish Excel and finance systems write it: semicolon-separated,
 * UTF-8 (a byte-order mark is accepted), amounts with a decimal comma and optional thousands dots ("-9.177.000,50").
 * A comma-separated file with decimal points is read too. Parsing is the library's (csv-parse); this file only maps
 * columns and numbers.
 */
export type CsvRow = { line: number; values: Record<string, string> };

/** Reads a CSV text into rows keyed by lower-cased header; `line` is the file's line number (the header is line 1). */
export function readCsv(content: string): { header: string[]; rows: CsvRow[] } {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((h) => h.trim().toLowerCase());
  return {
    header,
    rows: body.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(header.map((h, i) => [h, (record[i] ?? '').trim()])),
    })),
  };
}

/** The first of the accepted names a header has, for Danish and English column names. */
export function column(header: readonly string[], names: readonly string[]): string | null {
  return names.find((n) => header.includes(n)) ?? null;
}

/**
 * A Danish or plain amount: "1.234.567", "-9.177.000,50", "1234567.5", "1 234 567 kr." → number; null if not a number.
 * With a comma, dots are thousands separators; without one, dots are thousands separators only in groups of three.
 */
export function parseAmount(raw: string): number | null {
  let s = raw.replace(/kr\.?$/i, '').replace(/[\s\u00a0]/g, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** A date as YYYY-MM-DD or the Danish DD-MM-YYYY / DD.MM.YYYY. */
export function parseDanishDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) return raw;
  const dk = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/.exec(raw);
  if (dk) return `${dk[3]}-${dk[2]?.padStart(2, '0')}-${dk[1]?.padStart(2, '0')}`;
  return null;
}

/** An amount for a Danish CSV cell: decimal comma, no thousands separators (so Danish Excel reads it as a number). */
export function csvAmount(n: number): string {
  return n.toFixed(2).replace('.', ',');
}

export type Table = { title: string; columns: string[]; rows: (string | number | null)[][] };

/** CSV for Danish Excel: byte-order mark, semicolons, decimal commas. */
export function toCsv(table: Table): Buffer {
  const body = stringify(
    [table.columns, ...table.rows.map((r) => r.map((c) => (typeof c === 'number' ? csvAmount(c) : (c ?? ''))))],
    {
      delimiter: ';',
      record_delimiter: '\r\n',
    },
  );
  return Buffer.from(`\uFEFF${body}`, 'utf8');
}

/** XLSX (write-excel-file): numbers stay numbers with a thousands format, so the economist can keep calculating. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const header = table.columns.map((c) => ({ value: c, fontWeight: 'bold' as const }));
  const rows = table.rows.map((r) =>
    r.map((c) => (typeof c === 'number' ? { value: c, type: Number, format: '#,##0.00' } : { value: c ?? '', type: String })),
  );
  return writeXlsxFile([header, ...rows], { sheet: table.title.slice(0, 31) }).toBuffer();
}
