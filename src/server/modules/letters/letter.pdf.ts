import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import type { Letter } from './letter.model.ts';

/**
 * The letter as an A4 PDF with its fonts embedded: DejaVu Sans for text (Latin with æ, ø, å, Greek, Cyrillic, arrows
 * and many symbols) and the monochrome Noto Emoji for emoji a citizen or caseworker may have typed (🙂, 👍, ❤). PDF's
 * built-in Helvetica only knows WinAnsi and printed emoji as garbage (issue 12). A character neither font has (e.g.
 * Chinese) is replaced by □ — in the PDF and in the stored letter alike (`printableLetter`), so the preview and what
 * was sent never differ.
 */
const require = createRequire(import.meta.url);

/**
 * pdfkit and fontkit load when the first PDF is made or the first text is checked for printable characters, not when
 * the server starts: together about a tenth of the server's module loading (docs/PERFORMANCE.md, "Start-up").
 */
export const pdfDocument = (): typeof PDFKitDocument => require('pdfkit');
const fontkit = (): typeof import('fontkit') => require('fontkit');

export const FONT_FILES = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  emoji: require.resolve('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff'),
} as const;

type FontKey = keyof typeof FONT_FILES;
type Coverage = { hasGlyphForCodePoint(codePoint: number): boolean };

let coverage: Record<FontKey, Coverage> | null = null;
function fonts(): Record<FontKey, Coverage> {
  coverage ??= {
    body: fontkit().openSync(FONT_FILES.body) as unknown as Coverage,
    bold: fontkit().openSync(FONT_FILES.bold) as unknown as Coverage,
    emoji: fontkit().openSync(FONT_FILES.emoji) as unknown as Coverage,
  };
  return coverage;
}

/** What stands in for a character no embedded font can print. */
export const UNPRINTABLE = '□';

/** Joiners and variation selectors belong to the emoji they join or style; on their own they print as nothing. */
const JOINERS = new Set([0x200d, 0xfe0e, 0xfe0f]);

export type TextRun = { font: 'text' | 'emoji'; text: string };

/** A text as runs of the text font and the emoji font, with what neither can print replaced by □. */
export function textRuns(text: string, style: 'body' | 'bold' = 'body'): TextRun[] {
  const f = fonts();
  const runs: TextRun[] = [];
  const push = (font: TextRun['font'], s: string) => {
    const last = runs.at(-1);
    if (last && last.font === font) last.text += s;
    else runs.push({ font, text: s });
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    // Line breaks and tabs are layout, not glyphs: pdfkit breaks the line.
    if (cp === 0x0a || cp === 0x0d || cp === 0x09) {
      push('text', ch);
      continue;
    }
    if (JOINERS.has(cp)) {
      if (runs.at(-1)?.font === 'emoji') push('emoji', ch);
      continue;
    }
    if (f[style].hasGlyphForCodePoint(cp) && !f.emoji.hasGlyphForCodePoint(cp)) push('text', ch);
    else if (f.emoji.hasGlyphForCodePoint(cp) && cp > 0x2000) push('emoji', ch);
    else if (f[style].hasGlyphForCodePoint(cp)) push('text', ch);
    else push('text', UNPRINTABLE);
  }
  return runs;
}

/** The text as it will print: unprintable characters replaced, stray joiners dropped. */
export function printable(text: string): string {
  return textRuns(text)
    .map((r) => r.text)
    .join('');
}

/** The letter as it will print, field by field: stored as the journalised letter, so the preview shows the PDF. */
export function printableLetter(letter: Letter): Letter {
  const p = printable;
  return {
    ...letter,
    municipality: {
      name: p(letter.municipality.name),
      address: letter.municipality.address === null ? null : p(letter.municipality.address),
      phone: letter.municipality.phone === null ? null : p(letter.municipality.phone),
      email: letter.municipality.email === null ? null : p(letter.municipality.email),
    },
    unitName: letter.unitName === null ? null : p(letter.unitName),
    recipient: {
      name: p(letter.recipient.name),
      address: letter.recipient.address === null ? null : p(letter.recipient.address),
      postalCode: letter.recipient.postalCode,
      city: letter.recipient.city === null ? null : p(letter.recipient.city),
    },
    subject: p(letter.subject),
    paragraphs: letter.paragraphs.map(p),
    signature: { name: p(letter.signature.name), title: p(letter.signature.title) },
    reference: p(letter.reference),
    ...(letter.appendices
      ? { appendices: letter.appendices.map((a) => ({ title: p(a.title), paragraphs: a.paragraphs.map(p) })) }
      : {}),
  };
}

export type Doc = InstanceType<typeof PDFKitDocument>;

/** Documents printed with the built-in fonts only. */
const builtin = new WeakSet<Doc>();

/** Windows-1252's printable characters beyond Latin-1: what PDF's built-in fonts encode besides U+0020–U+00FF. */
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)));

/** Can the built-in Helvetica (WinAnsi) print this text as it is? */
function winAnsi(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x0a || cp === 0x0d || cp === 0x09) continue;
    if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp)) continue;
    return false;
  }
  return true;
}

function letterTexts(letter: Letter): string[] {
  const m = letter.municipality;
  const r = letter.recipient;
  return [
    m.name,
    m.address ?? '',
    m.phone ?? '',
    m.email ?? '',
    letter.unitName ?? '',
    r.name,
    r.address ?? '',
    r.postalCode ?? '',
    r.city ?? '',
    letter.date,
    letter.reference,
    letter.subject,
    ...letter.paragraphs,
    letter.signature.name,
    letter.signature.title,
    ...(letter.appendices ?? []).flatMap((a) => [a.title, ...a.paragraphs]),
  ];
}

/**
 * The fonts a letter needs. Most letters are plain Danish, which PDF's built-in Helvetica prints (WinAnsi has æ, ø,
 * å, §, –): nothing to embed, and rendering stays as fast as before (the demo renders ~950 letters at start-up).
 * A letter with anything else (emoji, Greek, □) embeds DejaVu Sans and Noto Emoji.
 */
function fontsFor(letter: Letter): 'builtin' | 'embedded' {
  return letterTexts(letter).every(winAnsi) ? 'builtin' : 'embedded';
}

/** Writes a text in runs, switching to the emoji font where the text has emoji. */
export function write(doc: Doc, text: string, style: 'body' | 'bold', options: PDFKit.Mixins.TextOptions = {}) {
  if (builtin.has(doc)) {
    doc.font(style).text(text, options);
    return;
  }
  const runs = textRuns(text, style);
  if (runs.length === 0) runs.push({ font: 'text', text: '' });
  runs.forEach((run, i) => {
    doc.font(run.font === 'emoji' ? 'emoji' : style);
    doc.text(run.text, { ...options, continued: i < runs.length - 1 || options.continued === true });
  });
}

export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const PDFDocument = pdfDocument();
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 64, right: 64 },
      info: { Title: printable(letter.subject), Author: printable(letter.municipality.name), Creator: 'Visitator' },
      lang: 'da-DK',
    });
    if (fontsFor(letter) === 'builtin') {
      builtin.add(doc);
      doc.registerFont('body', 'Helvetica');
      doc.registerFont('bold', 'Helvetica-Bold');
    } else {
      for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
    }
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const m = letter.municipality;
    doc.fontSize(16);
    write(doc, m.name, 'bold');
    doc.fontSize(9).fillColor('#444444');
    write(
      doc,
      [letter.unitName, m.address, [m.phone && `Tlf. ${m.phone}`, m.email].filter(Boolean).join(' · ')]
        .filter(Boolean)
        .join('\n'),
      'body',
    );
    doc.moveDown(2).fillColor('#000000').fontSize(11);
    const r = letter.recipient;
    write(doc, [r.name, r.address, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).join('\n'), 'body');
    doc.moveDown(1);
    write(doc, letter.date, 'body', { align: 'right' });
    doc.fontSize(9).fillColor('#444444');
    write(doc, `Journalnummer: ${letter.reference}`, 'body', { align: 'right' });
    doc.moveDown(1.5).fillColor('#000000').fontSize(13);
    write(doc, letter.subject, 'bold');
    doc.moveDown(0.8).fontSize(11);
    for (const p of letter.paragraphs) {
      write(doc, p, 'body', { align: 'left', lineGap: 2 });
      doc.moveDown(0.7);
    }
    doc.moveDown(1);
    write(doc, 'Med venlig hilsen', 'body');
    doc.moveDown(0.3);
    write(doc, letter.signature.name, 'body');
    write(doc, letter.signature.title, 'body');
    for (const appendix of letter.appendices ?? []) {
      doc.addPage().fontSize(13);
      write(doc, appendix.title, 'bold');
      doc.moveDown(0.8).fontSize(11);
      for (const p of appendix.paragraphs) {
        write(doc, p, 'body', { align: 'left', lineGap: 2 });
        doc.moveDown(0.7);
      }
    }
    doc.end();
  });
}
