import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { ATTAINMENT_LABELS, TREND_LABELS } from '../../../rules/agreements/goal-status.ts';
import { LEVEL_LABELS, THEME_LABELS } from '../../../rules/agreements/goal-themes.ts';
import { AGREEMENT_THEMES, type Report, type ReportGoal } from '../../../shared/agreements/agreements.schema.ts';

/**
 * The status to the social committee as an A4 PDF for the committee's papers: per goal theme each goal with its
 * baseline, target, value now (N, period, definition version, when measured), trend and the center's comment, and a
 * bar chart of baseline, value now and target drawn as vectors. A draft says so on every page. DejaVu Sans is
 * embedded (æ, ø, å, →, ≥).
 */
const require = createRequire(import.meta.url);
const FONTS = {
  body: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

const nf = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const dateFmt = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});
const dk = (iso: string) => dateFmt.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

function value(v: number | null, unit: ReportGoal['unit']): string {
  if (v === null) return '–';
  return unit === 'percent' ? `${nf.format(v)} %` : nf.format(v);
}

export function nowText(g: ReportGoal): string {
  const mm = g.measurement;
  if (!mm) return 'Ikke målt';
  if (mm.suppressed) return `Under 5 borgere – tallet vises ikke (N=${mm.denominator ?? '–'})`;
  const n = mm.denominator !== null ? ` (N=${mm.denominator}${mm.smallN ? ', lille N' : ''})` : '';
  return `${value(mm.value, g.unit)}${n}`;
}

export function baselineText(g: ReportGoal): string {
  if (g.baselineValue === null) return 'Ingen baseline';
  const parts = [
    g.baselinePeriod,
    g.baselineN !== null ? `N=${g.baselineN}${g.baselineNLabel ? ` ${g.baselineNLabel}` : ''}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return `${value(g.baselineValue, g.unit)}${parts ? ` (${parts})` : ''}`;
}

export function targetText(g: ReportGoal): string {
  if (g.target === null) return g.unit === 'text' ? 'Kvalitativt mål' : '–';
  return `${value(g.target, g.unit)}${g.targetYear ? ` (${g.targetYear})` : ''}`;
}

export function renderReportPdf(r: Report, municipalityName: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Loaded on the first report, not at start-up (docs/PERFORMANCE.md, "Start-up").
    const PDFDocument: typeof PDFKitDocument = require('pdfkit');
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      bufferPages: true,
      info: {
        Title: `${r.kind === 'midway' ? 'Midtvejsstatus' : 'Afsluttende status'}: ${r.agreementTitle}`,
        Author: municipalityName,
      },
      lang: 'da-DK',
    } as PDFKit.PDFDocumentOptions);
    for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = doc.page.width - 112;

    doc.font('bold').fontSize(9).fillColor('#444444').text(`${municipalityName} · Socialudvalget`);
    doc.moveDown(0.5).fontSize(17).fillColor('#000000');
    doc.text(`${r.kind === 'midway' ? 'Midtvejsstatus' : 'Afsluttende status'} på aftalen`);
    doc.font('body').fontSize(12).text(r.agreementTitle);
    doc.moveDown(0.4).fontSize(9).fillColor('#444444');
    doc.text(
      [
        `Aftaleenhed: ${r.unitName}`,
        `Statusperiode: ${dk(r.periodFrom)} – ${dk(r.periodTo)}`,
        `Version ${r.reportVersion}${r.state === 'issued' && r.issuedAt ? `, udstedt ${dk(r.issuedAt)} af ${r.issuedByName ?? ''}` : ' – UDKAST, ikke udstedt'}`,
        'Tal under 5 borgere vises ikke. »Lille N«: tallet ændrer sig meget med én borger.',
      ].join('\n'),
    );
    doc.fillColor('#000000');

    for (const theme of AGREEMENT_THEMES) {
      const goals = r.goals.filter((g) => g.theme === theme);
      if (goals.length === 0) continue;
      doc.moveDown(1).font('bold').fontSize(13).text(THEME_LABELS[theme].da);
      for (const g of goals) {
        if (doc.y > doc.page.height - 230) doc.addPage();
        doc
          .moveDown(0.6)
          .font('bold')
          .fontSize(9)
          .fillColor('#444444')
          .text(LEVEL_LABELS[g.level as keyof typeof LEVEL_LABELS].da);
        doc.fillColor('#000000').fontSize(10.5);
        if (g.heading) doc.text(g.heading);
        doc.font('body').text(g.title, { width });
        doc.moveDown(0.3).fontSize(9.5);
        const rows: [string, string][] = [
          ['Baseline', baselineText(g)],
          ['Målsætning', targetText(g)],
          ['Status nu', nowText(g)],
          ['Udvikling', `${TREND_LABELS[g.trend].da} · ${ATTAINMENT_LABELS[g.attainment].da}`],
          [
            'Datakilde',
            g.measurement
              ? `${g.measurement.origin === 'measured' ? `Målt i Visitator (definition version ${g.measurement.definitionVersion ?? g.definitionVersion}), ${dk(g.measurement.computedAt)}` : `${g.measurement.source}, ${g.measurement.sourceDate ? dk(g.measurement.sourceDate) : ''}`}`
              : g.dataSource,
          ],
          ['Centerets kommentar', g.comment || '–'],
        ];
        for (const [k, v] of rows) {
          const y = doc.y;
          doc.font('bold').text(k, 56, y, { width: 120 });
          const after = doc.y;
          doc.font('body').text(v, 180, y, { width: width - 124 });
          doc.y = Math.max(after, doc.y);
          doc.x = 56;
        }
        if (g.unit !== 'text') bars(doc, g, width);
      }
    }
    const pages = doc.bufferedPageRange();
    for (let i = pages.start; i < pages.start + pages.count; i++) {
      doc.switchToPage(i);
      doc.font('body').fontSize(8).fillColor('#444444');
      const footer = `${r.state === 'draft' ? 'UDKAST · ' : ''}${r.agreementTitle} · side ${i + 1} af ${pages.count}`;
      doc.text(footer, 56, doc.page.height - 40, { width, align: 'center', lineBreak: false });
    }
    doc.end();
  });
}

/** Baseline, value now and target as three labelled horizontal bars on one scale. */
function bars(doc: PDFKit.PDFDocument, g: ReportGoal, width: number) {
  const now = g.measurement && !g.measurement.suppressed ? g.measurement.value : null;
  const items: [string, number | null, string][] = [
    ['Baseline', g.baselineValue, '#8c8c8c'],
    ['Nu', now, '#0059b3'],
    ['Mål', g.target, '#008139'],
  ];
  const max = Math.max(g.unit === 'percent' ? 100 : 1, ...items.map(([, v]) => v ?? 0));
  doc.moveDown(0.4);
  const left = 180;
  const barWidth = width - 124 - 60;
  for (const [label, v, color] of items) {
    const y = doc.y;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#333333')
      .text(label, left - 50, y, { width: 46, align: 'right' });
    if (v !== null) {
      doc.rect(left, y + 1, Math.max(1, (barWidth * v) / max), 8).fill(color);
      doc.fillColor('#333333').text(value(v, g.unit), left + (barWidth * v) / max + 4, y, { lineBreak: false });
    } else doc.fillColor('#333333').text('–', left, y, { lineBreak: false });
    doc.x = 56;
    doc.y = y + 12;
  }
  doc.fillColor('#000000');
}
