import type { Localised } from '../i18n/language.ts';

/** Validation messages of economy and capacity (issue 13), merged into shared/i18n/validation-messages.ts. */
export const ECONOMY_VALIDATION_MESSAGES = {
  'rateCard.overlap': {
    da: 'Perioden overlapper en anden takst for tilbuddet.',
    en: 'The period overlaps another rate of the offer.',
  },
  'rateCard.outsideYear': { da: 'Datoen skal ligge i taksåret.', en: 'The date must be within the rate year.' },
  'rateCard.endBeforeStart': { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
  'rateCard.priceRequired': {
    da: 'Afregningsformen kræver denne pris.',
    en: 'The pricing basis needs this price.',
  },
  'rateCard.positive': { da: 'Beløbet skal være større end 0.', en: 'The amount must be more than 0.' },
  'rateCard.occupancy': { da: 'Belægningen skal være mellem 1 og 100 %.', en: 'Occupancy must be between 1 and 100 %.' },
  'rateCard.profileDuplicate': { da: 'Hver profil må kun have én pris.', en: 'Each profile may have only one price.' },
  'offer.unknown': { da: 'Tilbuddet findes ikke i kommunen.', en: 'The offer does not exist in the municipality.' },
  'unit.unknown': { da: 'Enheden findes ikke i kommunen.', en: 'The unit does not exist in the municipality.' },
  'budget.kind.unknown': { da: 'Budgetlinjen er ikke en kendt linje.', en: 'The budget line is not a known line.' },
  'budget.group.unknown': { da: 'Gruppen findes ikke i budgetåret.', en: 'The group does not exist in the budget year.' },
  'budget.group.cycle': { da: 'En gruppe kan ikke ligge under sig selv.', en: 'A group cannot be placed under itself.' },
  'budget.amount': {
    da: 'Beløbet skal være et tal, fx 1.234.567 eller -9.177.000,50.',
    en: 'The amount must be a number, e.g. 1.234.567 or -9.177.000,50.',
  },
  'budget.year': { da: 'Året skal være et årstal (fx 2026).', en: 'The year must be a year (e.g. 2026).' },
  'import.empty': { da: 'Filen har ingen rækker.', en: 'The file has no rows.' },
  'import.header': {
    da: 'Filen mangler en kolonne. Første linje skal navngive kolonnerne.',
    en: 'The file is missing a column. The first line must name the columns.',
  },
  'import.duplicate': { da: 'Rækken gentager en tidligere række i filen.', en: 'The row repeats an earlier row of the file.' },
  'import.csv': { da: 'Filen kan ikke læses som CSV.', en: 'The file cannot be read as CSV.' },
  'posting.yearMismatch': {
    da: 'Bogføringsdatoen ligger ikke i budgetåret.',
    en: 'The posting date is not in the budget year.',
  },
  'sale.payingMunicipality': {
    da: 'Angiv betalingskommunen (kommunekode med 3 cifre).',
    en: 'State the paying municipality (3-digit municipality code).',
  },
  'sale.ownMunicipality': {
    da: 'Betalingskommunen er jeres egen kommune – det er ikke et salg.',
    en: 'The paying municipality is your own – that is not a sale.',
  },
  'sale.externalOffer': {
    da: 'Kun pladser i kommunens egne tilbud kan sælges.',
    en: 'Only places in the municipality’s own offers can be sold.',
  },
  'municipality.own': {
    da: 'Det er jeres egen kommune – vælg »egen kommune« i stedet.',
    en: 'That is your own municipality – choose “own municipality” instead.',
  },
  'dates.order': { da: 'Slutdatoen ligger før startdatoen.', en: 'The end date is before the start date.' },
  'waiting.offerType': {
    da: 'Tilbuddet leverer ikke den bevilgede paragraf.',
    en: 'The offer does not deliver the granted paragraph.',
  },
  'waiting.citizen': { da: 'Borgeren findes ikke i kommunen.', en: 'The citizen does not exist in the municipality.' },
  'waiting.neededBeforeDecision': {
    da: 'Behovsdatoen kan ikke ligge før afgørelsen.',
    en: 'The date of need cannot be before the decision.',
  },
  'waiting.future': { da: 'Datoen kan ikke ligge i fremtiden.', en: 'The date cannot be in the future.' },
  'whatIf.notDraft': {
    da: 'Vælg et udkast til et serviceniveau.',
    en: 'Choose a draft of a service level.',
  },
  'payment.legalBasis': {
    da: 'Egenbetaling beregnes kun for botilbud efter SEL §§ 107 og 108.',
    en: 'Self-payment is computed only for housing under SEL §§ 107 and 108.',
  },
} as const satisfies Record<string, Localised>;
