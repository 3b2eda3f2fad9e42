import { CONSENT_SCOPES, type ConsentForm, type ConsentScope, type ConsentState } from '../../shared/citizens/relative.schema.ts';
import type { PlainDate } from '../../shared/plain-date.ts';

/**
 * The citizen's consent (samtykke) to involve a relative or someone of their network, and what may be shared with
 * them because of it. Pure: the caller passes the day. The law each rule rests on is in CONSENT_LAW; every scope and
 * every state cites its row.
 */
export const CONSENT_LAW = {
  confidentiality: {
    source: 'Forvaltningsloven § 27, stk. 1; straffeloven § 152',
    why: 'Oplysninger om enkeltpersoners rent private forhold, herunder helbred og sociale problemer, er fortrolige: de må ikke gives til pårørende uden hjemmel.',
  },
  consentDefined: {
    source: 'Databeskyttelsesforordningen art. 4, nr. 11',
    why: 'Et samtykke er frivilligt, specifikt, informeret og utvetydigt: det siger, hvad det omfatter, og hvem det gives til.',
  },
  consentBasis: {
    source: 'Databeskyttelsesforordningen art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a',
    why: 'Videregivelse til en privat person af oplysninger om helbred og sociale forhold sker på grundlag af borgerens udtrykkelige samtykke.',
  },
  demonstrable: {
    source: 'Databeskyttelsesforordningen art. 7, stk. 1',
    why: 'Kommunen skal kunne påvise samtykket: hvornår, i hvilken form og af hvem det blev registreret.',
  },
  withdrawal: {
    source: 'Databeskyttelsesforordningen art. 7, stk. 3',
    why: 'Borgeren kan til enhver tid trække samtykket tilbage; fra den dag må intet deles, men det, der er delt før, var lovligt.',
  },
  representative: {
    source: 'Forvaltningsloven § 8',
    why: 'En pårørende, der skal føre sagen for borgeren (partsrepræsentant), kræver en fuldmagt – et samtykke til at få kopi af breve gør ikke den pårørende til part.',
  },
  participation: {
    source: 'Retssikkerhedsloven § 4; serviceloven § 141, stk. 2',
    why: 'Borgeren skal kunne medvirke i sin sag, og handleplanen udarbejdes i samarbejde med borgeren – også om, hvem fra netværket der inddrages.',
  },
  network: {
    source: 'Seed 001 (Ringkøbing-Skjern, kvalitetsstandard): netværket inddrages aktivt, "hvis der gives samtykke til det"',
    why: 'Kommunens egen kvalitetsstandard lover inddragelse af netværket med samtykke – og kun da.',
  },
} as const;
export type ConsentLaw = keyof typeof CONSENT_LAW;

/** What a consent can cover (shared/citizens/relative.schema.ts); each scope is a separate choice (art. 4, nr. 11). */
export const CONSENT_SCOPE_RULES: Record<ConsentScope, { da: string; en: string; law: readonly ConsentLaw[] }> = {
  contact: {
    da: 'Kommunen må kontakte den pårørende om borgeren',
    en: 'The municipality may contact the relative about the citizen',
    law: ['consentBasis', 'network'],
  },
  information: {
    da: 'Den pårørende må få oplysninger om sagen (mundtligt)',
    en: 'The relative may be told about the case (orally)',
    law: ['confidentiality', 'consentBasis'],
  },
  letters: {
    da: 'Den pårørende må få kopi af breve og afgørelser',
    en: 'The relative may receive copies of letters and decisions',
    law: ['confidentiality', 'consentBasis', 'representative'],
  },
  meetings: {
    da: 'Den pårørende må deltage i møder om borgeren',
    en: 'The relative may take part in meetings about the citizen',
    law: ['participation', 'consentBasis'],
  },
};

/** How the consent was given; written or digital is what art. 7, stk. 1 makes easiest to show. */
export const CONSENT_FORM_LABELS: Record<ConsentForm, { da: string; en: string }> = {
  written: { da: 'Skriftligt', en: 'In writing' },
  oral: { da: 'Mundtligt (noteret)', en: 'Orally (noted)' },
  digital: { da: 'Digitalt (MitID)', en: 'Digitally (MitID)' },
};

export type Consent = {
  id: string;
  scopes: readonly ConsentScope[];
  givenOn: PlainDate;
  /** Null: until withdrawn. */
  expiresOn: PlainDate | null;
  withdrawnOn: PlainDate | null;
};

/** A consent's state on a day, each with the rule it follows. */
export const CONSENT_STATE_RULES: Record<ConsentState, { da: string; en: string; law: ConsentLaw }> = {
  active: { da: 'Gældende', en: 'In force', law: 'consentBasis' },
  not_yet: { da: 'Gælder fra', en: 'In force from', law: 'demonstrable' },
  expired: { da: 'Udløbet', en: 'Expired', law: 'consentDefined' },
  withdrawn: { da: 'Trukket tilbage', en: 'Withdrawn', law: 'withdrawal' },
};

/**
 * A consent on `today`: withdrawn from the day of withdrawal (art. 7, stk. 3), expired from its end date (a consent
 * given "for a year" ends then), not yet in force before it was given.
 */
export function consentState(consent: Consent, today: PlainDate): ConsentState {
  if (consent.withdrawnOn !== null && consent.withdrawnOn <= today) return 'withdrawn';
  if (consent.expiresOn !== null && consent.expiresOn <= today) return 'expired';
  if (consent.givenOn > today) return 'not_yet';
  return 'active';
}

/** Whether something in `scope` may be shared with a relative on `today`, and the consent that allows it. */
export function mayShare(
  consents: readonly Consent[],
  scope: ConsentScope,
  today: PlainDate,
): { allowed: true; consentId: string; until: PlainDate | null } | { allowed: false } {
  const allowing = consents.filter((c) => c.scopes.includes(scope) && consentState(c, today) === 'active');
  if (allowing.length === 0) return { allowed: false };
  // The one that lasts longest: open-ended first, else the latest end.
  const best = [...allowing].sort((a, b) => (a.expiresOn ?? '9999-12-31').localeCompare(b.expiresOn ?? '9999-12-31')).at(-1);
  return best ? { allowed: true, consentId: best.id, until: best.expiresOn } : { allowed: false };
}

/** Every scope's answer on a day: what the relative may get now. */
export function sharingOf(consents: readonly Consent[], today: PlainDate): Record<ConsentScope, boolean> {
  return Object.fromEntries(CONSENT_SCOPES.map((s) => [s, mayShare(consents, s, today).allowed])) as Record<
    ConsentScope,
    boolean
  >;
}
