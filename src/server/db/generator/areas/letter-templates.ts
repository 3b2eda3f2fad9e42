/**
 * TEMPORARY: the letter texts as the case use cases write them today (cases.service, complaints.service,
 * follow-up's authority.service), shaped like the letters module `cases-split` is building
 * (modules/letters: template(model) → body). When that module lands, this file goes and letters.ts imports it.
 */
import type { PlainDate } from '../../../../shared/plain-date.ts';
import { caseFlow } from '../../../modules/cases/index.ts';

export type LetterBody = {
  title: string;
  subject: string;
  paragraphs: string[];
  recipient?: { name: string; address: string | null; postalCode: string | null; city: string | null };
  appendices?: { title: string; paragraphs: string[] }[];
};
type Letterhead = { name: string; address: string | null };
type Complaint = { due: PlainDate; endsAtTime: string };
type Hearing = { held: true } | { held: false; why: string };

const { danishDate, complaintGuidance } = caseFlow;
const CONTACT_US = 'Du er velkommen til at kontakte os, hvis du har spørgsmål. Husk at oplyse dit sagsnummer.';
const hearing = (h: Hearing) =>
  h.held ? 'Du er blevet partshørt, før afgørelsen blev truffet.' : `Partshøring var ikke nødvendig: ${h.why}`;

export function receiptLetter(m: {
  receivedOn: PlainDate;
  what: string;
  handledBy: string;
  dayOffer: boolean;
  decisionDue: PlainDate | null;
}): LetterBody {
  const months = m.dayOffer ? '2 måneder' : '3 måneder';
  return {
    title: 'Kvittering for henvendelse',
    subject: 'Kvittering for din henvendelse',
    paragraphs: [
      `Vi har modtaget din henvendelse den ${danishDate(m.receivedOn)} om: ${m.what}`,
      `Din sag behandles af ${m.handledBy}. Vores sagsbehandlingstid er op til ${months}, og vi forventer at træffe afgørelse senest den ${m.decisionDue ? danishDate(m.decisionDue) : ''}.`,
      'Hvis vi ikke kan træffe afgørelse inden fristen, skriver vi til dig og fortæller hvorfor, og hvornår du kan forvente en afgørelse (retssikkerhedsloven § 3, stk. 2).',
      CONTACT_US,
    ],
  };
}

export function decisionLetter(m: {
  outcome: 'granted' | 'partly_granted' | 'refused';
  municipality: Letterhead;
  service: { title: string; legalBasis: string; versionNumber: number; inForceFrom: PlainDate };
  frame: {
    weeklyHours: number | null;
    profileCode: string | null;
    moduleDays: number | null;
    startsOn: PlainDate;
    timeLimitUntil: PlainDate | null;
  };
  reasons: string;
  partyHearing: Hearing;
  complaint: Complaint | null;
}): LetterBody {
  const service = m.service.title.toLowerCase();
  const verb = { granted: 'Du får bevilget', partly_granted: 'Du får delvist bevilget', refused: 'Du får afslag på' }[m.outcome];
  const f = m.frame;
  const frame =
    m.outcome === 'refused'
      ? []
      : [
          f.weeklyHours !== null
            ? `Omfang: ${String(f.weeklyHours).replace('.', ',')} timer om ugen${f.profileCode ? ` (borgerprofil ${f.profileCode})` : ''}.`
            : `Omfang: ${f.moduleDays} moduler (dage) om ugen.`,
          `Støtten begynder den ${danishDate(f.startsOn)}${f.timeLimitUntil ? ` og er tidsbegrænset til den ${danishDate(f.timeLimitUntil)}` : ''}.`,
        ];
  return {
    title: 'Afgørelse',
    subject: `Afgørelse om ${service} (${m.service.legalBasis})`,
    paragraphs: [
      `${verb} ${service} efter ${m.service.legalBasis}.`,
      ...frame,
      `Begrundelse: ${m.reasons}`,
      `Afgørelsen er truffet efter ${m.municipality.name}s serviceniveau for ${m.service.legalBasis}, version ${m.service.versionNumber}, gældende fra ${danishDate(m.service.inForceFrom)}.`,
      hearing(m.partyHearing),
      ...(m.complaint ? complaintGuidance(m.municipality, m.complaint) : []),
    ],
  };
}

export function stopLetter(m: {
  municipality: Letterhead;
  serviceTitle: string;
  legalBasis: string;
  offerName: string;
  continuesUntil: PlainDate | null;
  endsOn: PlainDate;
  reasons: string;
  partyHearing: Hearing;
  referred: boolean;
  complaint: Complaint;
}): LetterBody {
  return {
    title: 'Afgørelse om ophør af støtte',
    subject: `Afgørelse om ophør af ${m.serviceTitle.toLowerCase()} (${m.legalBasis})`,
    paragraphs: [
      `Din støtte efter ${m.legalBasis} hos ${m.offerName} ophører.`,
      m.continuesUntil
        ? `Du beholder støtten i 4 uger fra afgørelsens dato, til og med den ${danishDate(m.continuesUntil)}.`
        : `Støtten ophører den ${danishDate(m.endsOn)}.`,
      `Begrundelse: ${m.reasons}`,
      hearing(m.partyHearing),
      ...(m.referred
        ? ['Vi vurderer, at du har brug for en anden indsats. Vi træffer en ny afgørelse om den og skriver til dig.']
        : []),
      ...complaintGuidance(m.municipality, m.complaint),
    ],
  };
}

const NOTICE_PROMISES: Record<string, string> = {
  receipt: 'at sende dig en kvittering',
  decision: 'at træffe afgørelse i din sag',
  decision_day_offer: 'at træffe afgørelse i din sag',
  start: 'at sætte din støtte i gang',
};

export function missedDeadlineNoticeLetter(m: {
  kind: string;
  due: PlainDate;
  reason: string;
  expectedBy: PlainDate;
}): LetterBody {
  const what = NOTICE_PROMISES[m.kind] ?? 'næste skridt i din sag';
  return {
    title: 'Varsel om overskredet frist',
    subject: 'Vi kan ikke overholde fristen i din sag',
    paragraphs: [
      `Vi har lovet ${what} senest den ${danishDate(m.due)}. Den frist kan vi desværre ikke overholde.`,
      `Årsagen er: ${m.reason}`,
      `Du kan forvente ${what} senest den ${danishDate(m.expectedBy)}.`,
      'Vi skriver til dig efter retssikkerhedsloven § 3, stk. 2, fordi en myndighed skal give besked, når den ikke kan holde sin frist.',
      CONTACT_US,
    ],
  };
}

const OUTCOME_DA = { granted: 'bevilling', partly_granted: 'delvis bevilling', refused: 'afslag' } as const;
export const COMPLAINT_FORM_DA = { written: 'skriftlig', oral: 'mundtlig', digital: 'digital (selvbetjening)' } as const;

export function forwardingLetter(m: {
  municipalityName: string;
  citizenName: string;
  decision: {
    decidedOn: PlainDate;
    outcome: keyof typeof OUTCOME_DA;
    serviceTitle: string;
    legalBasis: string;
    versionNumber: number;
    reasons: string;
  };
  complaint: {
    form: keyof typeof COMPLAINT_FORM_DA;
    receivedOn: PlainDate;
    receivedAt: string | null;
    timeliness: 'in_time' | 'late';
    text: string;
  };
  reconsideration: { decidedOn: PlainDate; reasons: string };
  decisionLetter: { subject: string; date: string; recipient: { name: string }; paragraphs: string[] } | null;
}): LetterBody {
  const { complaint: c, decision: d, decisionLetter: enclosure } = m;
  return {
    title: 'Oversendelse til Ankestyrelsen',
    subject: `Oversendelse af klage – ${m.citizenName}`,
    recipient: { name: 'Ankestyrelsen', address: 'Teglholmsgade 3', postalCode: '2450', city: 'København SV' },
    paragraphs: [
      `${m.municipalityName} har genvurderet afgørelsen af ${danishDate(d.decidedOn)} og fastholder den. Klagen oversendes hermed til Ankestyrelsen (retssikkerhedsloven § 66, stk. 2).`,
      `Afgørelsen: ${OUTCOME_DA[d.outcome]} af ${d.serviceTitle.toLowerCase()} efter ${d.legalBasis} (serviceniveau version ${d.versionNumber}).`,
      `Afgørelsens begrundelse: ${d.reasons}`,
      `Klagen (${COMPLAINT_FORM_DA[c.form]}, modtaget ${danishDate(c.receivedOn)}${c.receivedAt ? ` kl. ${c.receivedAt}` : ''}${c.timeliness === 'late' ? ', efter klagefristens udløb' : ', inden for klagefristen'}): ${c.text}`,
      `Genvurdering ${danishDate(m.reconsideration.decidedOn)}: ${m.reconsideration.reasons}`,
      'Afgørelsesbrevet er vedlagt som bilag 1. Borgeren har fået kopi af denne oversendelse.',
    ],
    appendices: enclosure
      ? [
          {
            title: `Bilag 1: ${enclosure.subject} (${enclosure.date})`,
            paragraphs: [`Til ${enclosure.recipient.name}`, ...enclosure.paragraphs],
          },
        ]
      : [],
  };
}
