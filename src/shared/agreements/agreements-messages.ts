/** Validation messages of agreement management (issue 14), merged into shared/i18n/validation-messages.ts. */
export const AGREEMENT_VALIDATION_MESSAGES = {
  'agreement.n': { da: 'N skal være et helt tal større end 0.', en: 'N must be a whole number above 0.' },
  'agreement.changePp': {
    da: 'Ændringen angives i procentpoint som et positivt tal; retningen følger målet.',
    en: 'The change is given in percentage points as a positive number; the direction follows the goal.',
  },
  'agreement.year': { da: 'Året skal være et årstal (fx 2026).', en: 'The year must be a year (e.g. 2026).' },
  'agreement.targetRequired': {
    da: 'Angiv målsætningen som en værdi eller som en ændring i procentpoint.',
    en: 'Give the target as a value or as a change in percentage points.',
  },
  'agreement.targetMismatch': {
    da: 'Målsætningen passer ikke med baseline og ændringen i procentpoint.',
    en: 'The target does not match the baseline and the change in percentage points.',
  },
  'agreement.percent': { da: 'En andel skal ligge mellem 0 og 100 %.', en: 'A share must be between 0 and 100 %.' },
  'agreement.count': { da: 'Et antal skal være et helt tal, 0 eller derover.', en: 'A count must be a whole number, 0 or more.' },
  'agreement.measureUnit': {
    da: 'Et mål, der måles i Visitator, er en andel i procent.',
    en: 'A goal measured in Visitator is a share in per cent.',
  },
  'agreement.targetYear': {
    da: 'Målåret kan ikke ligge før aftaleperioden.',
    en: 'The target year cannot be before the agreement period.',
  },
  'agreement.baselineForN': { da: 'Et N kræver en baselineværdi.', en: 'An N needs a baseline value.' },
  'agreement.unit': {
    da: 'Vælg tilbud og afdelinger under aftaleenheden.',
    en: 'Choose offers and departments under the agreement unit.',
  },
  'agreement.offerUnits': {
    da: 'Et tilbudsmål skal nævne de tilbud, der deler det.',
    en: 'An offer goal must name the offers that share it.',
  },
  'agreement.notMeasured': {
    da: 'Målet har en ekstern datakilde; indtast værdien med kilde og dato.',
    en: 'The goal has an outside data source; enter the value with its source and date.',
  },
  'agreement.measuredGoal': {
    da: 'Målet måles i Visitator ud fra sagerne; det indtastes ikke.',
    en: 'The goal is measured in Visitator from the cases; it is not typed in.',
  },
  'agreement.future': { da: 'Datoen kan ikke ligge i fremtiden.', en: 'The date cannot be in the future.' },
  'report.draftExists': {
    da: 'Der er allerede et udkast til denne status. Mål det igen eller udsted det.',
    en: 'There is a draft of this status already. Measure it again or issue it.',
  },
  'report.issued': {
    da: 'Statussen er udstedt og kan ikke ændres. Mål igen for at lave en ny version.',
    en: 'The status is issued and cannot change. Measure again to make a new version.',
  },
  'stay.overlap': {
    da: 'Borgeren har allerede et ophold i perioden.',
    en: 'The citizen already has a stay in the period.',
  },
  'stay.left': { da: 'Opholdet er allerede afsluttet.', en: 'The stay has ended already.' },
  'stay.beforeArrival': { da: 'Fraflytningen ligger før ankomsten.', en: 'The departure is before the arrival.' },
  'citizen.unknown': { da: 'Borgeren findes ikke i kommunen.', en: 'The citizen does not exist in the municipality.' },
} as const;
