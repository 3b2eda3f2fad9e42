import type { Language, Localised } from './language.ts';

/**
 * Messages for the keys our zod schemas use (`{ message: 'cpr.invalid' }`) and for zod's own issue codes.
 * Shared by the server's 400 answers and the UI's forms, so a field says the same thing in both.
 */
export const VALIDATION_MESSAGES = {
  required: { da: 'Feltet skal udfyldes.', en: 'This field is required.' },
  'cpr.format': { da: 'CPR-nummer skal have 10 cifre (ddmmåå-xxxx).', en: 'A CPR number has 10 digits (ddmmyy-xxxx).' },
  'cpr.date': { da: 'CPR-nummerets dato findes ikke.', en: 'The date in the CPR number does not exist.' },
  'date.invalid': { da: 'Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).', en: 'Must be a valid date (YYYY-MM-DD).' },
  'id.invalid': { da: 'Id er ikke gyldigt.', en: 'The id is not valid.' },
  'search.empty': { da: 'Skriv et CPR-nummer eller et navn.', en: 'Enter a CPR number or a name.' },
  'postalCode.invalid': { da: 'Postnummeret skal have 4 cifre.', en: 'A postal code has 4 digits.' },
  'cpr.taken': {
    da: 'Der findes allerede en borger med dette CPR-nummer.',
    en: 'A citizen with this CPR number already exists.',
  },
  'catalogue.key': {
    da: 'Nøglen må kun have små bogstaver, tal og bindestreg.',
    en: 'The key may only hold lower-case letters, digits and hyphens.',
  },
  'catalogue.ffb.unknown': { da: 'FFB-koden findes ikke.', en: 'The FFB code does not exist.' },
  'catalogue.bands.invalid': {
    da: 'Timebåndene skal være stigende og må hverken overlappe eller have huller.',
    en: 'The hour bands must be ascending, without overlaps or gaps.',
  },
  'catalogue.inForce.beforePredecessor': {
    da: 'Versionen kan ikke træde i kraft før (eller samme dag som) den forrige version.',
    en: 'The version cannot come into force before (or on the same day as) the previous version.',
  },
  'catalogue.key.taken': { da: 'Nøglen er allerede brugt i kommunen.', en: 'The key is already used in the municipality.' },
  'assessment.level': { da: 'Funktionsevneniveauet er ikke et FFB-niveau.', en: 'The functional level is not an FFB level.' },
  'assessment.informant': { da: 'Kilden er ikke en kendt kilde.', en: 'The informant is not a known informant.' },
  'assessment.supportNeed': { da: 'Støttebehovet er ikke et FFB-niveau.', en: 'The support need is not an FFB level.' },
  'assessment.levelMissing': { da: 'Temaet mangler et funktionsevneniveau.', en: 'The theme has no functional level yet.' },
  'assessment.supportNeedMissing': { da: 'Det samlede støttebehov mangler.', en: 'The overall support need is missing.' },
  'assessment.theme': { da: 'Temaet er ikke et FFB-tema.', en: 'The theme is not an FFB theme.' },
  'decision.reasons': { da: 'En afgørelse skal begrundes.', en: 'A decision must give its reasons.' },
  'decision.partyHearing.reason': {
    da: 'Angiv hvorfor partshøring ikke var nødvendig.',
    en: 'State why no party hearing was needed.',
  },
  'decision.frame.required': { da: 'Angiv timer pr. uge eller moduler.', en: 'State the hours a week or the modules.' },
  'decision.start.beforeDecision': {
    da: 'Startdatoen kan ikke ligge før afgørelsesdatoen.',
    en: 'The start date cannot be before the decision date.',
  },
  'decision.hours.outsideBands': {
    da: 'Timetallet ligger uden for alle borgerprofiler i serviceniveauet.',
    en: 'The hours fall outside every citizen profile of the service level.',
  },
  'decision.version.notInForce': {
    da: 'Serviceniveauet var ikke gældende på afgørelsesdatoen.',
    en: 'The service level was not in force on the decision date.',
  },
  'decision.timeLimit.exceedsLaw': {
    da: 'Tidsbegrænsningen går ud over lovens grænse.',
    en: 'The time limit goes beyond the legal limit.',
  },
  'decision.modules.notDayOffer': {
    da: 'Moduler bruges kun for dagtilbud (SEL §§ 103, 104).',
    en: 'Modules are only for day offers (SEL §§ 103, 104).',
  },
  'order.goalType': { da: 'Måltypen er ikke en FFB-måltype.', en: 'The goal type is not an FFB goal type.' },
  'order.goals.max': { da: 'Højst 3 mål (SMART).', en: 'At most 3 goals (SMART).' },
  'order.targetDate.beforeOrder': {
    da: 'Måldatoen kan ikke ligge før bestillingen.',
    en: 'The target date cannot be before the order.',
  },
  'order.offer.legalBasis': {
    da: 'Tilbuddet leverer ikke støtte efter den paragraf, afgørelsen bevilger.',
    en: 'The offer does not deliver support under the paragraph the decision grants.',
  },
  'order.offer.unknown': { da: 'Tilbuddet findes ikke i kommunen.', en: 'The offer does not exist in the municipality.' },
  'order.followUp.beforeOrder': {
    da: 'Første opfølgning kan ikke ligge før bestillingen.',
    en: 'The first follow-up cannot be before the order.',
  },
  'complaint.time': { da: 'Klokkeslæt skal skrives TT:MM.', en: 'A time is written HH:MM.' },
  'complaint.text': { da: 'Skriv hvad klagen går ud på.', en: 'State what the complaint is about.' },
  'complaint.reasons': { da: 'Genvurderingen skal begrundes.', en: 'The reconsideration must give its reasons.' },
  'complaint.noDecision': {
    da: 'Der er ingen afgørelse at klage over på sagen.',
    en: 'The case has no decision to complain about.',
  },
  'complaint.open': {
    da: 'Sagen har allerede en klage under behandling.',
    en: 'The case already has a complaint under way.',
  },
  'complaint.beforeDecision': {
    da: 'Klagen kan ikke være modtaget før afgørelsen.',
    en: 'The complaint cannot be received before the decision.',
  },
  'complaint.beforeReceived': {
    da: 'Datoen kan ikke ligge før klagen blev modtaget.',
    en: 'The date cannot be before the complaint was received.',
  },
  'notice.reason': { da: 'Skriv hvorfor fristen ikke kan holdes.', en: 'State why the deadline cannot be kept.' },
  'notice.kind': {
    da: 'Der er ingen åben frist af denne art, som kræver et varsel.',
    en: 'There is no open deadline of this kind that needs a notice.',
  },
  'notice.expectedBy': {
    da: 'Den forventede dato skal ligge efter den oprindelige frist.',
    en: 'The expected date must be after the original deadline.',
  },
  'outreach.notOutreach': {
    da: 'Sagen er ikke kommet ind via fremskudt rådgivning.',
    en: 'The case did not come in through outreach advice.',
  },
  'outreach.talks.limit': {
    da: 'Der er allerede holdt 3 afklaringssamtaler. Start et rådgivningsforløb eller visitér til udredning.',
    en: 'Three clarifying talks have been held. Start an advice course or refer to assessment.',
  },
  'outreach.course.started': { da: 'Rådgivningsforløbet er allerede startet.', en: 'The advice course has already started.' },
  'order.decision.refused': {
    da: 'Den seneste afgørelse er et afslag; der kan ikke bestilles.',
    en: 'The latest decision is a refusal; nothing can be ordered.',
  },
  'message.body': { da: 'Skriv en besked.', en: 'Write a message.' },
  'journal.body': { da: 'Skriv notatet.', en: 'Write the note.' },
  'hours.negative': { da: 'Timer kan ikke være negative.', en: 'Hours cannot be negative.' },
  'hours.future': {
    da: 'Der kan ikke registreres timer for en uge, der ikke er begyndt.',
    en: 'Hours cannot be registered for a week that has not begun.',
  },
  'hours.beforeStart': {
    da: 'Ugen ligger før støtten startede.',
    en: 'The week is before the support started.',
  },
  'fko.justification': { da: 'Begrund scoren kort.', en: 'Justify the score briefly.' },
  'fko.goalEnded': { da: 'Målet er afsluttet og kan ikke scores.', en: 'The goal has ended and cannot be scored.' },
  'fko.finalGiven': { da: 'Målet har allerede en slutstatus.', en: 'The goal already has a final status.' },
  'date.future': { da: 'Datoen kan ikke ligge i fremtiden.', en: 'The date cannot be in the future.' },
  'fko.future': { da: 'Statusdatoen kan ikke ligge i fremtiden.', en: 'The status date cannot be in the future.' },
  'order.notAccepted': {
    da: 'Bestillingen er ikke accepteret endnu.',
    en: 'The order has not been accepted yet.',
  },
  'order.alreadyAccepted': { da: 'Bestillingen er allerede accepteret.', en: 'The order has already been accepted.' },
  'order.ended': { da: 'Bestillingen er afsluttet.', en: 'The order has ended.' },
  'order.start.beforeDecision': {
    da: 'Støtten kan ikke starte før afgørelsen.',
    en: 'The support cannot start before the decision.',
  },
  'followUp.next.beforeHeld': {
    da: 'Næste opfølgning skal ligge efter denne.',
    en: 'The next follow-up must come after this one.',
  },
  'followUp.noOrder': { da: 'Sagen har ingen aktiv bestilling.', en: 'The case has no active order.' },
  'purpose.required': { da: 'Angiv formålet med opslaget.', en: 'State the purpose of the look-up.' },
} as const satisfies Record<string, Localised>;
export type ValidationKey = keyof typeof VALIDATION_MESSAGES;

/** The parts of a zod issue we read; both raw and final issues have them. */
export type IssueLike = {
  code: string;
  message?: string;
  path?: readonly PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  values?: readonly unknown[];
  input?: unknown;
};

function isKey(message: string | undefined): message is ValidationKey {
  return message !== undefined && Object.hasOwn(VALIDATION_MESSAGES, message);
}

export function translateIssue(issue: IssueLike, lang: Language): string {
  if (isKey(issue.message)) return VALIDATION_MESSAGES[issue.message][lang];
  const da = lang === 'da';
  const n = (v: number | bigint | undefined) => String(v ?? '');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && (issue.message ?? '').includes('undefined')) {
        return VALIDATION_MESSAGES.required[lang];
      }
      return da ? 'Værdien har en forkert type.' : 'The value has the wrong type.';
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? VALIDATION_MESSAGES.required[lang]
          : da
            ? `Skal være mindst ${n(issue.minimum)} tegn.`
            : `Must be at least ${n(issue.minimum)} characters.`;
      }
      if (issue.origin === 'array') return da ? `Vælg mindst ${n(issue.minimum)}.` : `Choose at least ${n(issue.minimum)}.`;
      return da ? `Skal være mindst ${n(issue.minimum)}.` : `Must be at least ${n(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') {
        return da ? `Må højst være ${n(issue.maximum)} tegn.` : `Must be at most ${n(issue.maximum)} characters.`;
      }
      if (issue.origin === 'array') return da ? `Højst ${n(issue.maximum)} tilladt.` : `At most ${n(issue.maximum)} allowed.`;
      return da ? `Må højst være ${n(issue.maximum)}.` : `Must be at most ${n(issue.maximum)}.`;
    case 'invalid_format':
      if (issue.format === 'uuid') return VALIDATION_MESSAGES['id.invalid'][lang];
      if (issue.format === 'email') return da ? 'Skal være en e-mailadresse.' : 'Must be an e-mail address.';
      return da ? 'Værdien har et forkert format.' : 'The value has the wrong format.';
    case 'invalid_value':
      return da ? `Skal være en af: ${(issue.values ?? []).join(', ')}.` : `Must be one of: ${(issue.values ?? []).join(', ')}.`;
    case 'unrecognized_keys':
      return da ? 'Ukendte felter.' : 'Unknown fields.';
    default:
      return da ? 'Værdien er ikke gyldig.' : 'The value is not valid.';
  }
}

export function issuePath(path: readonly PropertyKey[] | undefined): string {
  return (path ?? []).map(String).join('.');
}
