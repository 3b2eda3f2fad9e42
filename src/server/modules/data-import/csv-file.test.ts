import { describe, expect, it } from 'vitest';
import { decodeFile, parseCsv } from './csv-file.ts';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('reading an uploaded CSV', () => {
  it.each([
    ['UTF-8', utf8('navn;by\nSøren;Århus\n'), 'utf-8', 'Søren'],
    ['UTF-8 with a BOM', utf8('\uFEFFnavn;by\nSøren;Århus\n'), 'utf-8', 'Søren'],
    ['Windows-1252 (Danish Excel)', latin1('navn;by\nSøren;Århus\n'), 'windows-1252', 'Søren'],
    [
      'Windows-1252 with € and æ',
      Uint8Array.from([...latin1('navn;beløb\nÆble;'), 0x80, ...latin1('5\n')]),
      'windows-1252',
      'Æble',
    ],
    [
      'UTF-16 with a BOM',
      Uint8Array.from([
        0xff,
        0xfe,
        ...[...'navn;by\nSøren;Århus\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
      ]),
      'utf-16le',
      'Søren',
    ],
  ])('%s is read as %s', (_n, bytes, encoding, first) => {
    const d = decodeFile(bytes);
    expect(d.ok && d.encoding).toBe(encoding);
    const p = d.ok ? parseCsv(d.text) : null;
    expect(p?.ok && p.records[0]?.values.navn).toBe(first);
  });

  it.each([
    ['an empty file', new Uint8Array(), 'import.file.empty'],
    ['a spreadsheet (zip)', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]), 'import.file.binary'],
    ['æøå saved twice wrong', utf8('navn;by\nSÃ¸ren;Ã…rhus\n'), 'import.file.doubleEncoded'],
  ])('refuses %s', (_n, bytes, reason) => {
    expect(decodeFile(bytes)).toEqual({ ok: false, reason });
  });

  it.each([
    ['semicolons', 'a;b\n1;2\n', ';'],
    ['commas', 'a,b\n1,2\n', ','],
    ['tabs', 'a\tb\n1\t2\n', '\t'],
  ])('finds the delimiter: %s', (_n, text, delimiter) => {
    const p = parseCsv(text);
    expect(p.ok && p.delimiter).toBe(delimiter);
  });

  it('gives every record its line in the file, quoted line breaks included, and skips empty lines', () => {
    const p = parseCsv('navn;note\n"Ole";"to\nlinjer"\n\n"Bo";x\n');
    expect(p.ok && p.records.map((r) => [r.line, r.values.navn])).toEqual([
      [3, 'Ole'],
      [5, 'Bo'],
    ]);
  });

  it.each([
    ['no delimiter in the header', 'navn\nOle\n', 'import.file.notCsv'],
    ['a header named twice', 'cpr;CPR\n1;2\n', 'import.file.header'],
    ['an unclosed quote', 'a;b\n"1;2\n', 'import.file.notCsv'],
  ])('refuses %s', (_n, text, reason) => {
    const p = parseCsv(text);
    expect(!p.ok && p.reason).toBe(reason);
  });
});
