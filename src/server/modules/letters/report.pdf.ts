import { FONT_FILES, pdfDocument, printable, write } from './letter.pdf.ts';

/**
 * A document that is not a letter: a case printed for a meeting or an access request (issue 16). Headed sections of
 * facts (label and value), paragraphs and dated entries, in the letters' fonts (DejaVu Sans and Noto Emoji always
 * embedded: a case holds whatever people typed), page numbers in the footer.
 */
export type ReportBlock =
  | { kind: 'facts'; rows: readonly (readonly [string, string])[] }
  | { kind: 'paragraph'; text: string }
  | { kind: 'entry'; heading: string; text: string | null };

export type Report = {
  title: string;
  /** Lines under the title: who printed it, when, why. */
  lines: readonly string[];
  author: string;
  sections: readonly { heading: string; blocks: readonly ReportBlock[] }[];
};

export function renderReportPdf(report: Report): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const PDFDocument = pdfDocument();
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 64, right: 64 },
      info: { Title: printable(report.title), Author: printable(report.author), Creator: 'Visitator' },
      lang: 'da-DK',
      bufferPages: true,
    });
    for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fontSize(16).fillColor('#000000');
    write(doc, report.title, 'bold');
    doc.moveDown(0.3).fontSize(9).fillColor('#444444');
    write(doc, report.lines.join('\n'), 'body');
    doc.fillColor('#000000');
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const section of report.sections) {
      doc.moveDown(1.2).fontSize(13);
      write(doc, section.heading, 'bold');
      doc.moveDown(0.4).fontSize(10);
      for (const block of section.blocks) {
        if (block.kind === 'facts') {
          for (const [label, value] of block.rows) {
            write(doc, `${label}: `, 'bold', { continued: true, width });
            write(doc, value || '–', 'body', { width, lineGap: 1 });
          }
          doc.moveDown(0.4);
        } else if (block.kind === 'paragraph') {
          write(doc, block.text, 'body', { width, lineGap: 2 });
          doc.moveDown(0.5);
        } else {
          write(doc, block.heading, 'bold', { width });
          if (block.text) write(doc, block.text, 'body', { width, lineGap: 2 });
          doc.moveDown(0.5);
        }
      }
    }
    // Page numbers, once the pages are known: "Side 2 af 5" in every footer.
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font('body')
        .fontSize(8)
        .fillColor('#444444')
        .text(`${printable(report.title)} · Side ${i + 1} af ${range.count}`, doc.page.margins.left, doc.page.height - 40, {
          width,
          align: 'center',
          lineBreak: false,
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
  });
}
