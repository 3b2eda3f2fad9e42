import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../../shared/plain-date.ts';
import {
  ANKESTYRELSEN,
  CONTACT_US,
  composeLetter,
  decisionLetter,
  forwardingLetter,
  LEGAL_PARAGRAPHS,
  type Letter,
  type LetterEnvelope,
  missedDeadlineNoticeLetter,
  NOTICE_PROMISES,
  receiptLetter,
  renderLetterPdf,
  stopLetter,
} from './index.ts';

const d = (s: string) => s as PlainDate;
const RKSK = { name: 'Ringkøbing-Skjern Kommune', address: 'Ved Fjorden 6, 6950 Ringkøbing' };
const GUIDANCE_RKSK = [
  'Klagevejledning: Du kan klage over afgørelsen skriftligt eller mundtligt. Fristen er 4 uger fra du har modtaget afgørelsen. Klagefristen udløber den 30.3.2026 ved kontortids ophør (kl. 15:00).',
  'Klagen sendes til Ringkøbing-Skjern Kommune, Ved Fjorden 6, 6950 Ringkøbing. Kommunen genvurderer først afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.',
];

describe('legal paragraphs: written once, cited', () => {
  it.each(Object.entries(LEGAL_PARAGRAPHS))('%s cites its law', (_name, paragraph) => {
    expect(paragraph.cites.length).toBeGreaterThan(0);
    for (const cite of paragraph.cites) expect(cite).toMatch(/§|[Ss]eed \d{3}/);
  });

  it.each([
    ['at the close of office hours (RKSK)', { due: d('2026-03-30'), endsAtTime: '15:00' }, RKSK, GUIDANCE_RKSK],
    [
      'at the end of the day, no address',
      { due: d('2026-03-30'), endsAtTime: '23:59:59' },
      { name: 'Randers Kommune', address: null },
      [
        'Klagevejledning: Du kan klage over afgørelsen skriftligt eller mundtligt. Fristen er 4 uger fra du har modtaget afgørelsen. Klagefristen udløber den 30.3.2026.',
        'Klagen sendes til Randers Kommune. Kommunen genvurderer først afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.',
      ],
    ],
  ] as const)('complaint guidance with the deadline %s', (_label, deadline, municipality, text) => {
    expect(LEGAL_PARAGRAPHS.complaintGuidance.paragraphs({ deadline, municipality })).toEqual(text);
  });

  it.each([
    [{ held: true } as const, 'Du er blevet partshørt, før afgørelsen blev truffet.'],
    [
      { held: false, why: 'Alle oplysninger kommer fra borgeren selv.' } as const,
      'Partshøring var ikke nødvendig: Alle oplysninger kommer fra borgeren selv.',
    ],
  ])('the party hearing %j', (model, text) => {
    expect(LEGAL_PARAGRAPHS.partyHearing.paragraphs(model)).toEqual([text]);
  });

  it('lives in letters only: no other server, rules or shared source words it', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const phrases = [
      'Klagevejledning:',
      'Du er blevet partshørt',
      'Partshøring var ikke nødvendig',
      'fordi en myndighed skal give besked',
      'skriver vi til dig og fortæller hvorfor',
      'Klagen oversendes hermed',
      'Fastholder vi afgørelsen',
    ];
    const own = fileURLToPath(new URL('.', import.meta.url));
    const offenders = ['server', 'rules', 'shared']
      .flatMap((dir) => files(join(root, dir)))
      .filter((f) => !f.startsWith(own))
      .flatMap((f) => phrases.filter((p) => readFileSync(f, 'utf8').includes(p)).map((p) => `${relative(root, f)}: ${p}`));
    expect(offenders).toEqual([]);
  });
});

describe('letter templates (a model in, the letter text out)', () => {
  it.each([
    [false, '3 måneder', '2.6.2026'],
    [true, '2 måneder', '2.5.2026'],
  ] as const)('receipt, day offer %s: %s', (dayOffer, months, due) => {
    const body = receiptLetter({
      receivedOn: d('2026-03-02'),
      what: 'Bostøtte i eget hjem',
      handledBy: 'Myndighed Voksne',
      dayOffer,
      decisionDue: d(dayOffer ? '2026-05-02' : '2026-06-02'),
    });
    expect(body).toEqual({
      title: 'Kvittering for henvendelse',
      subject: 'Kvittering for din henvendelse',
      paragraphs: [
        'Vi har modtaget din henvendelse den 2.3.2026 om: Bostøtte i eget hjem',
        `Din sag behandles af Myndighed Voksne. Vores sagsbehandlingstid er op til ${months}, og vi forventer at træffe afgørelse senest den ${due}.`,
        'Hvis vi ikke kan træffe afgørelse inden fristen, skriver vi til dig og fortæller hvorfor, og hvornår du kan forvente en afgørelse (retssikkerhedsloven § 3, stk. 2).',
        CONTACT_US,
      ],
    });
  });

  it.each([
    ...Object.entries(NOTICE_PROMISES).map(([kind, promised]) => [kind, promised] as const),
    ['forward_to_ankestyrelsen', 'næste skridt i din sag'] as const,
  ])('the § 3, stk. 2 notice for %s promises "%s"', (kind, promised) => {
    const body = missedDeadlineNoticeLetter({
      kind: kind as never,
      due: d('2026-06-02'),
      reason: 'Vi venter på en lægeerklæring.',
      expectedBy: d('2026-07-01'),
    });
    expect(body.title).toBe('Varsel om overskredet frist');
    expect(body.subject).toBe('Vi kan ikke overholde fristen i din sag');
    expect(body.paragraphs).toEqual([
      `Vi har lovet ${promised} senest den 2.6.2026. Den frist kan vi desværre ikke overholde.`,
      'Årsagen er: Vi venter på en lægeerklæring.',
      `Du kan forvente ${promised} senest den 1.7.2026.`,
      'Vi skriver til dig efter retssikkerhedsloven § 3, stk. 2, fordi en myndighed skal give besked, når den ikke kan holde sin frist.',
      CONTACT_US,
    ]);
  });

  const service = { title: 'Socialpædagogisk støtte', legalBasis: 'SEL § 85', versionNumber: 2, inForceFrom: d('2026-01-01') };
  const frame = { weeklyHours: 7.5, profileCode: '4', moduleDays: null, startsOn: d('2026-03-09'), timeLimitUntil: null };

  it.each([
    [
      'granted in hours with the profile, no guidance',
      { outcome: 'granted', frame, complaint: null },
      [
        'Du får bevilget socialpædagogisk støtte efter SEL § 85.',
        'Omfang: 7,5 timer om ugen (borgerprofil 4).',
        'Støtten begynder den 9.3.2026.',
      ],
      [],
    ],
    [
      'partly granted in module days with a time limit, with guidance',
      {
        outcome: 'partly_granted',
        frame: { ...frame, weeklyHours: null, profileCode: null, moduleDays: 3, timeLimitUntil: d('2026-09-08') },
        complaint: { municipality: RKSK, deadline: { due: d('2026-03-30'), endsAtTime: '15:00' } },
      },
      [
        'Du får delvist bevilget socialpædagogisk støtte efter SEL § 85.',
        'Omfang: 3 moduler (dage) om ugen.',
        'Støtten begynder den 9.3.2026 og er tidsbegrænset til den 8.9.2026.',
      ],
      GUIDANCE_RKSK,
    ],
    [
      'refused: no frame, with guidance',
      { outcome: 'refused', frame, complaint: { municipality: RKSK, deadline: { due: d('2026-03-30'), endsAtTime: '15:00' } } },
      ['Du får afslag på socialpædagogisk støtte efter SEL § 85.'],
      GUIDANCE_RKSK,
    ],
  ] as const)('a decision %s', (_label, m, opening, guidance) => {
    const body = decisionLetter({
      ...m,
      municipalityName: RKSK.name,
      service,
      reasons: 'Borgeren har brug for støtte til struktur i hverdagen.',
      partyHearing: { held: true },
    });
    expect(body.title).toBe('Afgørelse');
    expect(body.subject).toBe('Afgørelse om socialpædagogisk støtte (SEL § 85)');
    expect(body.paragraphs).toEqual([
      ...opening,
      'Begrundelse: Borgeren har brug for støtte til struktur i hverdagen.',
      'Afgørelsen er truffet efter Ringkøbing-Skjern Kommunes serviceniveau for SEL § 85, version 2, gældende fra 1.1.2026.',
      'Du er blevet partshørt, før afgørelsen blev truffet.',
      ...guidance,
    ]);
  });

  it.each([
    [
      'housing support continues 4 weeks, referred',
      { continuesUntil: d('2026-04-06'), endsOn: d('2026-04-06'), referred: true },
      [
        'Du beholder støtten i 4 uger fra afgørelsens dato, til og med den 6.4.2026.',
        'Begrundelse: Målene er nået.',
        'Partshøring var ikke nødvendig: Borgeren har selv bedt om at stoppe.',
        'Vi vurderer, at du har brug for en anden indsats. Vi træffer en ny afgørelse om den og skriver til dig.',
      ],
    ],
    [
      'other support ends on the day',
      { continuesUntil: null, endsOn: d('2026-03-09'), referred: false },
      [
        'Støtten ophører den 9.3.2026.',
        'Begrundelse: Målene er nået.',
        'Partshøring var ikke nødvendig: Borgeren har selv bedt om at stoppe.',
      ],
    ],
  ] as const)('a stop: %s', (_label, m, middle) => {
    const body = stopLetter({
      ...m,
      serviceTitle: 'Socialpædagogisk støtte',
      legalBasis: 'SEL § 85',
      offerName: 'Bostøtten Vest',
      reasons: 'Målene er nået.',
      partyHearing: { held: false, why: 'Borgeren har selv bedt om at stoppe.' },
      complaint: { municipality: RKSK, deadline: { due: d('2026-03-30'), endsAtTime: '15:00' } },
    });
    expect(body.title).toBe('Afgørelse om ophør af støtte');
    expect(body.subject).toBe('Afgørelse om ophør af socialpædagogisk støtte (SEL § 85)');
    expect(body.paragraphs).toEqual(['Din støtte efter SEL § 85 hos Bostøtten Vest ophører.', ...middle, ...GUIDANCE_RKSK]);
  });

  const decisionLetterText: Letter = composeLetter(
    {
      municipality: { ...RKSK, phone: null, email: null },
      unitName: 'Myndighed Voksne',
      recipient: { name: 'Mette Kjær', address: 'Østergade 1', postalCode: '6950', city: 'Ringkøbing' },
      on: d('2026-03-02'),
      signature: { name: 'Maria Holm', title: 'Rådgiver' },
      reference: 'abcd1234 · CPR 010190-xxxx',
    },
    { title: 'Afgørelse', subject: 'Afgørelse om socialpædagogisk støtte (SEL § 85)', paragraphs: ['Du får afslag på …'] },
  );

  it.each([
    [true, 'with the decision letter as appendix 1'],
    [false, 'without an enclosure when the decision was never stored as text'],
  ])('forwarding to Ankestyrelsen (%s) %s', (enclosed) => {
    const body = forwardingLetter({
      municipalityName: RKSK.name,
      citizenName: 'Mette Kjær',
      decision: {
        decidedOn: d('2026-03-02'),
        outcome: 'refused',
        serviceTitle: 'Socialpædagogisk støtte',
        legalBasis: 'SEL § 85',
        versionNumber: 2,
        reasons: 'Borgeren klarer sig selv.',
      },
      complaint: { form: 'oral', receivedOn: d('2026-03-20'), receivedAt: '10:15', timeliness: 'in_time', text: 'Jeg er uenig.' },
      reconsideration: { decidedOn: d('2026-03-27'), reasons: 'Afgørelsen fastholdes.' },
      decisionLetter: enclosed ? decisionLetterText : null,
    });
    expect(body.recipient).toEqual(ANKESTYRELSEN);
    expect(body.subject).toBe('Oversendelse af klage – Mette Kjær');
    expect(body.paragraphs).toEqual([
      'Ringkøbing-Skjern Kommune har genvurderet afgørelsen af 2.3.2026 og fastholder den. Klagen oversendes hermed til Ankestyrelsen (retssikkerhedsloven § 66, stk. 2).',
      'Afgørelsen: afslag af socialpædagogisk støtte efter SEL § 85 (serviceniveau version 2).',
      'Afgørelsens begrundelse: Borgeren klarer sig selv.',
      'Klagen (mundtlig, modtaget 20.3.2026 kl. 10:15, inden for klagefristen): Jeg er uenig.',
      'Genvurdering 27.3.2026: Afgørelsen fastholdes.',
      'Afgørelsesbrevet er vedlagt som bilag 1. Borgeren har fået kopi af denne oversendelse.',
    ]);
    expect(body.appendices).toEqual(
      enclosed
        ? [
            {
              title: 'Bilag 1: Afgørelse om socialpædagogisk støtte (SEL § 85) (2.3.2026)',
              paragraphs: ['Til Mette Kjær', 'Du får afslag på …'],
            },
          ]
        : [],
    );
  });
});

describe('the letter and its PDF', () => {
  const envelope: LetterEnvelope = {
    municipality: { name: 'Randers Kommune', address: null, phone: '89 15 15 15', email: null },
    unitName: null,
    recipient: { name: 'Jens Hansen', address: null, postalCode: null, city: null },
    on: d('2026-12-24'),
    signature: { name: 'Lars Bo', title: 'Rådgiver' },
    reference: 'ref',
  };

  it('composes the envelope and the body; the body’s own recipient wins; no empty appendices', () => {
    const toCitizen = composeLetter(envelope, { title: 't', subject: 's', paragraphs: ['p'], appendices: [] });
    expect(toCitizen).toEqual({
      municipality: envelope.municipality,
      unitName: null,
      recipient: envelope.recipient,
      date: '24.12.2026',
      subject: 's',
      paragraphs: ['p'],
      signature: envelope.signature,
      reference: 'ref',
    });
    expect(composeLetter(envelope, { title: 't', subject: 's', paragraphs: [], recipient: ANKESTYRELSEN }).recipient).toBe(
      ANKESTYRELSEN,
    );
  });

  it('renders a PDF, one page more for each appendix', async () => {
    const one = await renderLetterPdf(composeLetter(envelope, { title: 't', subject: 'Æbler, øl og å', paragraphs: ['Hej'] }));
    const two = await renderLetterPdf(
      composeLetter(envelope, {
        title: 't',
        subject: 's',
        paragraphs: ['Hej'],
        appendices: [{ title: 'Bilag 1', paragraphs: ['x'] }],
      }),
    );
    expect(one.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages(one)).toBe(1);
    expect(pages(two)).toBe(2);
  });
});
