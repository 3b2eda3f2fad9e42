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
/** Seed 001 "Klage": the complaint address of Ringkøbing-Skjern's service level (not the town hall's). */
const RKSK_COMPLAINTS = {
  name: 'Ringkøbing-Skjern Kommune',
  unit: 'Handicap og Psykiatri',
  address: 'Rødkløvervej 4',
  postalCode: '6950',
  city: 'Ringkøbing',
  email: null,
  digitalPost: 'Ringkøbing-Skjern Kommune, Handicap og Psykiatri',
};
const RKSK_GUIDANCE = {
  contact: RKSK_COMPLAINTS,
  deadline: { due: d('2026-03-30'), oralEndsAt: '15:00' },
  caseworker: 'Maria Holm',
};
const GUIDANCE_RKSK = [
  'Klagevejledning: Du kan klage over afgørelsen skriftligt, digitalt eller mundtligt. Fristen er 4 uger fra den dag, du modtog afgørelsen, og den udløber den 30.3.2026. En skriftlig eller digital klage er kommet i tide, hvis vi har den senest den dag inden midnat. En mundtlig klage, hvor du ringer eller møder op, skal du give inden kontortids ophør kl. 15:00 den dag.',
  'Skriv til Ringkøbing-Skjern Kommune, Handicap og Psykiatri, Rødkløvervej 4, 6950 Ringkøbing, eller send klagen med Digital Post til Ringkøbing-Skjern Kommune, Handicap og Psykiatri (på borger.dk, e-Boks eller mit.dk, hvor du logger på med MitID). Du kan også klage mundtligt til Maria Holm, som har skrevet dette brev.',
  'Kommunen laver først en genvurdering af afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.',
];

describe('legal paragraphs: written once, cited', () => {
  it.each(Object.entries(LEGAL_PARAGRAPHS))('%s cites its law', (_name, paragraph) => {
    expect(paragraph.cites.length).toBeGreaterThan(0);
    for (const cite of paragraph.cites) expect(cite).toMatch(/§|[Ss]eed \d{3}/);
  });

  it.each([
    [
      'Ringkøbing-Skjern: its own complaint address, Digital Post, an oral complaint until office close',
      RKSK_GUIDANCE,
      GUIDANCE_RKSK,
    ],
    [
      'a municipality with an e-mail and no office-hours end',
      {
        contact: {
          ...RKSK_COMPLAINTS,
          name: 'Randers Kommune',
          unit: null,
          address: 'Laksetorvet 1',
          postalCode: '8900',
          city: 'Randers',
          email: 'klage@randers.dk',
          digitalPost: null,
        },
        deadline: { due: d('2026-03-30'), oralEndsAt: null },
        caseworker: 'Lars Bo',
      },
      [
        'Klagevejledning: Du kan klage over afgørelsen skriftligt, digitalt eller mundtligt. Fristen er 4 uger fra den dag, du modtog afgørelsen, og den udløber den 30.3.2026. En skriftlig eller digital klage er kommet i tide, hvis vi har den senest den dag inden midnat.',
        'Skriv til Randers Kommune, Laksetorvet 1, 8900 Randers, eller send klagen på e-mail til klage@randers.dk (skriv ikke CPR-nummer eller helbredsoplysninger i en almindelig e-mail). Du kan også klage mundtligt til Lars Bo, som har skrevet dette brev.',
        'Kommunen laver først en genvurdering af afgørelsen. Fastholder vi afgørelsen, sender vi din klage sammen med afgørelsen og begrundelsen til Ankestyrelsen inden for 4 uger, normalt inden for 14 dage.',
      ],
    ],
  ] as const)('complaint guidance: %s', (_label, model, text) => {
    expect(LEGAL_PARAGRAPHS.complaintGuidance.paragraphs(model)).toEqual(text);
    // Never the old promise that every complaint ends at the close of office hours.
    expect(text.join(' ')).not.toContain('Klagefristen udløber den 30.3.2026 ved kontortids ophør');
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
      note: '',
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
    ...Object.entries(NOTICE_PROMISES).map(([kind, p]) => [kind, p?.promised ?? '', p?.expect ?? ''] as const),
    ['forward_to_ankestyrelsen', 'at tage næste skridt i din sag', 'næste skridt i din sag'] as const,
  ])('the § 3, stk. 2 notice for %s promises "%s", and the citizen expects "%s"', (kind, promised, expected) => {
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
      `Vi forventer nu ${promised} senest den 1.7.2026, så du kan forvente ${expected} senest den dag.`,
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
        'Omfang: 7,5 timer om ugen. Det svarer til borgerprofil 4.',
        'Støtten begynder den 9.3.2026.',
      ],
      [],
    ],
    [
      'partly granted in module days with a time limit, with guidance: what was applied for and what is refused',
      {
        outcome: 'partly_granted',
        frame: { ...frame, weeklyHours: null, profileCode: null, moduleDays: 3, timeLimitUntil: d('2026-09-08') },
        complaint: RKSK_GUIDANCE,
        partial: { appliedFor: '5 dage om ugen i dagtilbud.', refused: '2 af de 5 dage.' },
      },
      [
        'Du får delvist bevilget socialpædagogisk støtte efter SEL § 85.',
        'Du har søgt om: 5 dage om ugen i dagtilbud.',
        'Du får afslag på: 2 af de 5 dage.',
        'Omfang: 3 moduler (dage) om ugen.',
        'Støtten begynder den 9.3.2026 og er tidsbegrænset til den 8.9.2026.',
      ],
      GUIDANCE_RKSK,
    ],
    [
      'refused: no frame, with guidance',
      { outcome: 'refused', frame, complaint: RKSK_GUIDANCE },
      ['Du får afslag på socialpædagogisk støtte efter SEL § 85.'],
      GUIDANCE_RKSK,
    ],
  ] as const)('a decision %s', (_label, m, opening, guidance) => {
    const body = decisionLetter({
      partial: null,
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
        'Afgørelsen er truffet efter Ringkøbing-Skjern Kommunes serviceniveau for SEL § 85, version 2, gældende fra 1.1.2026.',
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
        'Afgørelsen er truffet efter Ringkøbing-Skjern Kommunes serviceniveau for SEL § 85, version 2, gældende fra 1.1.2026.',
        'Partshøring var ikke nødvendig: Borgeren har selv bedt om at stoppe.',
      ],
    ],
  ] as const)('a stop: %s', (_label, m, middle) => {
    const body = stopLetter({
      ...m,
      serviceTitle: 'Socialpædagogisk støtte',
      legalBasis: 'SEL § 85',
      offerName: 'Bostøtten Vest',
      serviceLevel: { municipalityName: RKSK.name, legalBasis: 'SEL § 85', versionNumber: 2, inForceFrom: d('2026-01-01') },
      reasons: 'Målene er nået.',
      partyHearing: { held: false, why: 'Borgeren har selv bedt om at stoppe.' },
      complaint: RKSK_GUIDANCE,
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

describe('the § 3, stk. 2 notice is correct Danish: the municipality decides, the citizen receives (issue 12)', () => {
  it.each(Object.keys(NOTICE_PROMISES))('%s', (kind) => {
    const text = missedDeadlineNoticeLetter({
      kind: kind as never,
      due: '2026-06-02' as PlainDate,
      reason: 'Vi venter på en lægeerklæring.',
      expectedBy: '2026-07-01' as PlainDate,
    }).paragraphs.join(' ');
    expect(text).not.toMatch(/Du kan forvente at træffe|Du kan forvente at sende|du kan forvente at sætte/i);
    expect(text).toMatch(/Vi forventer nu at /);
  });
});
