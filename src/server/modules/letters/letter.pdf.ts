import PDFDocument from 'pdfkit';
import type { Letter } from './letter.model.ts';

/** The letter as an A4 PDF. Built-in Helvetica (WinAnsi) carries æ, ø and å. */
export function renderLetterPdf(letter: Letter): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 64, right: 64 },
      info: { Title: letter.subject, Author: letter.municipality.name, Creator: 'Visitator' },
      lang: 'da-DK',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const m = letter.municipality;
    doc.font('Helvetica-Bold').fontSize(16).text(m.name);
    doc.font('Helvetica').fontSize(9).fillColor('#444444');
    doc.text(
      [letter.unitName, m.address, [m.phone && `Tlf. ${m.phone}`, m.email].filter(Boolean).join(' · ')]
        .filter(Boolean)
        .join('\n'),
    );
    doc.moveDown(2).fillColor('#000000').fontSize(11);
    const r = letter.recipient;
    doc.text([r.name, r.address, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).join('\n'));
    doc.moveDown(1).text(letter.date, { align: 'right' });
    doc.fontSize(9).fillColor('#444444').text(`Journalnummer: ${letter.reference}`, { align: 'right' });
    doc.moveDown(1.5).fillColor('#000000').font('Helvetica-Bold').fontSize(13).text(letter.subject);
    doc.moveDown(0.8).font('Helvetica').fontSize(11);
    for (const p of letter.paragraphs) doc.text(p, { align: 'left', lineGap: 2 }).moveDown(0.7);
    doc.moveDown(1).text('Med venlig hilsen');
    doc.moveDown(0.3).text(letter.signature.name).text(letter.signature.title);
    for (const appendix of letter.appendices ?? []) {
      doc.addPage().font('Helvetica-Bold').fontSize(13).text(appendix.title);
      doc.moveDown(0.8).font('Helvetica').fontSize(11);
      for (const p of appendix.paragraphs) doc.text(p, { align: 'left', lineGap: 2 }).moveDown(0.7);
    }
    doc.end();
  });
}
