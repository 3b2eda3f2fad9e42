import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { composeLetter, type LetterEnvelope, printable, printableLetter, renderLetterPdf, UNPRINTABLE } from './index.ts';
import { textRuns } from './letter.pdf.ts';

/** Emoji and characters outside the old WinAnsi font (issue 12): embedded fonts print them, the rest is replaced. */
const envelope: LetterEnvelope = {
  municipality: { name: 'Ringkøbing-Skjern Kommune', address: null, phone: null, email: null },
  unitName: null,
  recipient: { name: 'Mette Kjærsgaard 🌻', address: 'Vestergade 77', postalCode: '6950', city: 'Ringkøbing' },
  on: '2026-12-01' as PlainDate,
  signature: { name: 'Maria Vestergaard', title: 'Rådgiver' },
  reference: '27.24.00-P19-1-26',
};

async function pdfText(pdf: Buffer): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'vt-font-')), 'l.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('letters print every character a person typed, or say plainly that one cannot be printed', () => {
  it.each([
    ['Danish letters', 'Æbler, øl og åer – ÆØÅ æøå', 'Æbler, øl og åer – ÆØÅ æøå'],
    ['symbols and arrows', 'Mål: 3 → 2 timer ✓ (€ 0)', 'Mål: 3 → 2 timer ✓ (€ 0)'],
    ['Greek and Cyrillic names', 'Αλέξανδρος, Ольга', 'Αλέξανδρος, Ольга'],
    ['emoji', 'Tak for mødet 🙂👍 ❤', 'Tak for mødet 🙂👍 ❤'],
    ['an emoji with a variation selector', 'Godt ☺️', 'Godt ☺️'],
    ['a character no font has (Chinese)', 'Navn: 张伟', `Navn: ${UNPRINTABLE}${UNPRINTABLE}`],
    ['a stray joiner', 'a\u200db', 'ab'],
    ['line breaks stay line breaks', 'Afdeling\nVej 1', 'Afdeling\nVej 1'],
  ])('%s', (_label, text, expected) => {
    expect(printable(text)).toBe(expected);
  });

  it('splits a text into runs of the text font and the emoji font', () => {
    expect(textRuns('Hej 🙂 du')).toEqual([
      { font: 'text', text: 'Hej ' },
      { font: 'emoji', text: '🙂' },
      { font: 'text', text: ' du' },
    ]);
  });

  it('embeds its fonts and prints emoji and æøå as text, not garbage; what is stored is what prints', async () => {
    const letter = printableLetter(
      composeLetter(envelope, {
        title: 'Afgørelse',
        subject: 'Afgørelse om støtte 🙂',
        paragraphs: ['Begrundelse: Mette ønsker støtte til indkøb 🛒 og økonomi 💰.', 'Navn på pårørende: 张伟'],
      }),
    );
    expect(letter.paragraphs[1]).toBe(`Navn på pårørende: ${UNPRINTABLE}${UNPRINTABLE}`);
    const pdf = await renderLetterPdf(letter);
    const raw = pdf.toString('latin1');
    // Both fonts embedded (TrueType programs with a ToUnicode map), no built-in Helvetica.
    expect(raw).toMatch(/DejaVuSans/);
    expect(raw).toMatch(/NotoEmoji/);
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Mette Kjærsgaard 🌻');
    expect(text).toContain('Afgørelse om støtte 🙂');
    expect(text).toContain('indkøb 🛒 og økonomi 💰.');
    expect(text).toContain(`Navn på pårørende: ${UNPRINTABLE}${UNPRINTABLE}`);
    expect(text).toContain('Journalnummer: 27.24.00-P19-1-26');
    // The garbage Helvetica's WinAnsi made of an emoji is gone.
    expect(text).not.toMatch(/Ø=Þ|Ø>Ý/);
    // The letterhead's lines are lines, not boxes.
    expect(text).not.toContain(`Kommune${UNPRINTABLE}`);
  });

  it('prints a plain Danish letter with the built-in fonts, which have æøå, § and –: nothing embedded, nothing lost', async () => {
    const letter = printableLetter(
      composeLetter(
        { ...envelope, recipient: { ...envelope.recipient, name: 'Mette Kjærsgaard' } },
        {
          title: 'Afgørelse',
          subject: 'Afgørelse om støtte (SEL § 85)',
          paragraphs: ['Begrundelse: Søren ønsker støtte – også til økonomi, indkøb og “praktiske” opgaver … 2½ time.'],
        },
      ),
    );
    const pdf = await renderLetterPdf(letter);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).not.toMatch(/\/FontFile2/);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Mette Kjærsgaard');
    expect(text).toContain('Afgørelse om støtte (SEL § 85)');
    expect(text).toContain('Søren ønsker støtte – også til økonomi, indkøb og “praktiske” opgaver … 2½ time.');
  });
});
