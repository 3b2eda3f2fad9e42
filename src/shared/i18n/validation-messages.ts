import { AGREEMENT_VALIDATION_MESSAGES } from '../agreements/agreements-messages.ts';
import { ECONOMY_VALIDATION_MESSAGES } from '../economy/economy-messages.ts';
import type { Language, Localised } from './language.ts';

/**
 * Messages for the keys our zod schemas use (`{ message: 'cpr.invalid' }`) and for zod's own issue codes.
 * Shared by the server's 400 answers and the UI's forms, so a field says the same thing in both.
 */
export const VALIDATION_MESSAGES = {
  ...ECONOMY_VALIDATION_MESSAGES,
  ...AGREEMENT_VALIDATION_MESSAGES,
  required: { da: 'Feltet skal udfyldes.', en: 'This field is required.' },
  'cpr.format': { da: 'CPR-nummer skal have 10 cifre (ddmmåå-xxxx).', en: 'A CPR number has 10 digits (ddmmyy-xxxx).' },
  'cpr.date': { da: 'CPR-nummerets dato findes ikke.', en: 'The date in the CPR number does not exist.' },
  'date.invalid': { da: 'Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD).', en: 'Must be a valid date (YYYY-MM-DD).' },
  'id.invalid': { da: 'Vælg en af mulighederne på listen.', en: 'Choose one of the options in the list.' },
  choose: { da: 'Vælg en af mulighederne.', en: 'Choose one of the options.' },
  'number.invalid': { da: 'Skriv et tal, fx 2,5.', en: 'Enter a number, e.g. 2.5.' },
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
  'catalogue.bands.empty': {
    da: '"Op til" skal være større end "over".',
    en: '"Up to" must be greater than "above".',
  },
  'catalogue.bands.gap': {
    da: 'Der er et hul til profilen før: "over" skal være den forrige profils "op til".',
    en: 'There is a gap to the profile before: "above" must be the previous profile\'s "up to".',
  },
  'catalogue.bands.overlap': {
    da: 'Profilen overlapper den forrige: "over" skal være den forrige profils "op til".',
    en: 'The profile overlaps the one before: "above" must be the previous profile\'s "up to".',
  },
  'catalogue.bands.unordered': {
    da: 'Profilerne skal stå i stigende orden efter timetal.',
    en: 'The profiles must be in ascending order of hours.',
  },
  'catalogue.fourEyes.samePerson': {
    da: 'Du har selv udarbejdet kladden. En anden administrator skal godkende den (fire øjne).',
    en: 'You prepared this draft yourself. Another administrator must approve it (four eyes).',
  },
  'catalogue.fourEyes.noPreparer': {
    da: 'Det er ikke registreret, hvem der har udarbejdet kladden. Gem kladden igen, og lad en anden administrator godkende den.',
    en: 'It is not recorded who prepared the draft. Save the draft again and let another administrator approve it.',
  },
  'catalogue.inForce.beforePredecessor': {
    da: 'Versionen kan ikke træde i kraft før (eller samme dag som) den forrige version.',
    en: 'The version cannot come into force before (or on the same day as) the previous version.',
  },
  'catalogue.key.taken': { da: 'Nøglen er allerede brugt i kommunen.', en: 'The key is already used in the municipality.' },
  'catalogue.draft.exists': {
    da: 'Der er allerede et udkast til beskrivelsen. Genindlæs og fortsæt i det.',
    en: 'The description already has a draft. Reload and continue in it.',
  },
  'assessment.level': { da: 'Vælg et funktionsevneniveau på listen.', en: 'Choose a functional level from the list.' },
  'assessment.informant': { da: 'Vælg, hvem oplysningerne kommer fra.', en: 'Choose who gave the information.' },
  'assessment.supportNeed': { da: 'Vælg et støttebehov på listen.', en: 'Choose a support need from the list.' },
  'assessment.levelMissing': {
    da: 'Vælg et funktionsevneniveau for temaet i udredningen, før der træffes afgørelse.',
    en: 'Choose a functional level for the theme in the assessment before deciding.',
  },
  'assessment.supportNeedMissing': {
    da: 'Vælg det samlede støttebehov i udredningen, før der træffes afgørelse.',
    en: 'Choose the overall support need in the assessment before deciding.',
  },
  'assessment.empty': {
    da: 'Udfyld mindst ét tema eller det samlede støttebehov, før du gemmer.',
    en: 'Fill in at least one theme or the overall support need before saving.',
  },
  'assessment.theme': {
    da: 'Vælg den tilstand (det tema i udredningen), målet handler om.',
    en: 'Choose the condition (the assessment theme) the goal is about.',
  },
  'decision.reasons': {
    da: 'Skriv begrundelsen for afgørelsen (forvaltningsloven § 22).',
    en: 'Write the reasons for the decision (forvaltningsloven § 22).',
  },
  'decision.serviceLevel': {
    da: 'Vælg det serviceniveau, afgørelsen træffes efter.',
    en: 'Choose the service level the decision is made under.',
  },
  'decision.partyHearing': {
    da: 'Vælg, om borgeren er partshørt, eller om partshøring ikke var nødvendig.',
    en: 'Choose whether the citizen has been heard, or whether no hearing was needed.',
  },
  'decision.partial.appliedFor': {
    da: 'Skriv, hvad borgeren har søgt om – det står i brevet.',
    en: 'Write what the citizen applied for – the letter states it.',
  },
  'decision.partial.refused': {
    da: 'Skriv, hvad borgeren får afslag på – det står i brevet.',
    en: 'Write what the citizen is refused – the letter states it.',
  },
  'decision.partyHearing.reason': {
    da: 'Skriv, hvorfor partshøring ikke var nødvendig.',
    en: 'Write why no party hearing was needed.',
  },
  'decision.frame.required': { da: 'Angiv timer pr. uge eller moduler.', en: 'State the hours a week or the modules.' },
  'decision.start.beforeDecision': {
    da: 'Startdatoen kan ikke ligge før afgørelsesdatoen. Vælg afgørelsesdatoen eller en senere dag.',
    en: 'The start date cannot be before the decision date. Choose the decision date or a later day.',
  },
  'decision.decidedOn.future': {
    da: 'Afgørelsesdatoen kan ikke ligge i fremtiden. Skriv den dag, afgørelsen træffes.',
    en: 'The decision date cannot be in the future. Enter the day the decision is made.',
  },
  'decision.decidedOn.beforeRequest': {
    da: 'Afgørelsen kan ikke være truffet, før henvendelsen blev modtaget. Ret afgørelsesdatoen.',
    en: 'The decision cannot be made before the request was received. Correct the decision date.',
  },
  'decision.timeLimit.beforeStart': {
    da: 'Slutdatoen skal ligge efter startdatoen.',
    en: 'The end date must be after the start date.',
  },
  'decision.timeLimit.required': {
    da: 'Støtten efter denne paragraf er tidsbegrænset efter loven. Angiv slutdatoen – højst lovens grænse.',
    en: 'Support under this paragraph is limited in time by law. Enter the end date – at most the legal limit.',
  },
  'decision.hours.justification': {
    da: 'Over den højeste borgerprofil: skriv den konkrete, individuelle begrundelse for timetallet.',
    en: 'Above the highest citizen profile: write the concrete, individual justification for the hours.',
  },
  'approval.reason': {
    da: 'Skriv, hvorfor afgørelsen sendes tilbage, så rådgiveren kan rette den.',
    en: 'Write why the decision is sent back, so the caseworker can correct it.',
  },
  'approval.notPending': {
    da: 'Afgørelsen venter ikke længere på godkendelse. Genindlæs sagen.',
    en: 'The decision no longer awaits approval. Reload the case.',
  },
  'decision.hours.outsideBands': {
    da: 'Timetallet ligger uden for alle borgerprofiler i serviceniveauet. Ret timetallet.',
    en: 'The hours fall outside every citizen profile of the service level. Correct the hours.',
  },
  'decision.version.notInForce': {
    da: 'Serviceniveauet var ikke gældende på afgørelsesdatoen. Vælg den version, der gjaldt den dag.',
    en: 'The service level was not in force on the decision date. Choose the version in force that day.',
  },
  'decision.timeLimit.exceedsLaw': {
    da: 'Slutdatoen ligger efter lovens længste varighed. Vælg lovens grænse eller en tidligere dato.',
    en: 'The end date is after the longest duration the law allows. Choose the legal limit or an earlier date.',
  },
  'decision.modules.notDayOffer': {
    da: 'Moduler bruges kun for dagtilbud (SEL §§ 103, 104).',
    en: 'Modules are only for day offers (SEL §§ 103, 104).',
  },
  'order.goalType': { da: 'Vælg målets type.', en: 'Choose the type of goal.' },
  'order.goals.max': { da: 'Højst 3 mål (SMART).', en: 'At most 3 goals (SMART).' },
  'order.offer': { da: 'Vælg det tilbud, der skal levere støtten.', en: 'Choose the offer that is to deliver the support.' },
  'order.targetDate.beforeOrder': {
    da: 'Måldatoen skal ligge efter bestillingsdatoen.',
    en: 'The target date must be after the order date.',
  },
  'order.targetDate.past': {
    da: 'Datoen er allerede passeret. Vælg en dato fra i dag og frem.',
    en: 'The date has already passed. Choose a date from today on.',
  },
  'order.orderedOn.beforeDecision': {
    da: 'Bestillingen kan ikke være dateret før afgørelsen. Ret bestillingsdatoen.',
    en: 'The order cannot be dated before the decision. Correct the order date.',
  },
  'order.orderedOn.future': {
    da: 'Bestillingsdatoen kan ikke ligge i fremtiden. Skriv den dag, bestillingen sendes.',
    en: 'The order date cannot be in the future. Enter the day the order is sent.',
  },
  'order.followUp.past': {
    da: 'Første opfølgning er allerede passeret. Vælg en dato fra i dag og frem.',
    en: 'The first follow-up has already passed. Choose a date from today on.',
  },
  'order.target.develop': {
    da: 'Et mål om at udvikle funktionsevnen skal have et lavere støttebehov som mål end udgangspunktet.',
    en: 'A goal to develop function must target a lower support need than the baseline.',
  },
  'order.target.maintain': {
    da: 'Et mål om at fastholde funktionsevnen skal have samme støttebehov som mål som udgangspunktet.',
    en: 'A goal to maintain function must target the same support need as the baseline.',
  },
  'order.target.limitLoss': {
    da: 'Et mål om at begrænse tab af funktionsevne kan ikke sigte mod et lavere støttebehov end udgangspunktet. Vælg måltypen "Udvikle funktionsevne", hvis det er målet.',
    en: 'A goal to limit loss of function cannot target a lower support need than the baseline. Choose the goal type "develop function" if that is the goal.',
  },
  'request.receivedOn.future': {
    da: 'Modtagelsesdatoen kan ikke ligge i fremtiden. Skriv den dag, henvendelsen kom ind.',
    en: 'The date received cannot be in the future. Enter the day the request came in.',
  },
  'order.offer.legalBasis': {
    da: 'Tilbuddet leverer ikke støtte efter den paragraf, afgørelsen bevilger.',
    en: 'The offer does not deliver support under the paragraph the decision grants.',
  },
  'order.offer.unknown': { da: 'Tilbuddet findes ikke i kommunen.', en: 'The offer does not exist in the municipality.' },
  'order.followUp.beforeOrder': {
    da: 'Første opfølgning skal ligge efter bestillingsdatoen.',
    en: 'The first follow-up must be after the order date.',
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
  'complaint.receivedOn.future': {
    da: 'Klagen kan ikke være modtaget i fremtiden. Skriv den dag, den kom ind.',
    en: 'The complaint cannot be received in the future. Enter the day it came in.',
  },
  'complaint.decidedOn.future': {
    da: 'Datoen kan ikke ligge i fremtiden. Skriv den dag, det blev afgjort.',
    en: 'The date cannot be in the future. Enter the day it was decided.',
  },
  'complaint.appeal.beforeForwarded': {
    da: 'Ankestyrelsens afgørelse kan ikke ligge før klagen blev sendt dertil.',
    en: "Ankestyrelsen's decision cannot be before the complaint was sent there.",
  },
  'complaint.outcome': {
    da: 'Vælg, om klagen gives medhold, eller om afgørelsen fastholdes.',
    en: 'Choose whether the complaint is upheld or the decision is maintained.',
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
  'notice.expectedBy.past': {
    da: 'Den forventede dato skal ligge i fremtiden, så borgeren kan regne med den.',
    en: 'The expected date must be in the future, so the citizen can rely on it.',
  },
  'outreach.heldOn.future': {
    da: 'Samtalen kan ikke være holdt i fremtiden. Skriv den dag, den blev holdt.',
    en: 'The talk cannot be held in the future. Enter the day it was held.',
  },
  'outreach.heldOn.beforeRequest': {
    da: 'Samtalen kan ikke være holdt, før henvendelsen kom ind.',
    en: 'The talk cannot be held before the request came in.',
  },
  'followUp.heldOn.future': {
    da: 'Opfølgningen kan ikke være holdt i fremtiden. Skriv den dag, den blev holdt.',
    en: 'The follow-up cannot be held in the future. Enter the day it was held.',
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
  'message.tooLong': {
    da: 'Beskeden er for lang: højst 4.000 tegn. Del den op i flere beskeder.',
    en: 'The message is too long: at most 4,000 characters. Split it into several messages.',
  },
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
  'order.decline.reason': {
    da: 'Skriv, hvorfor bestillingen afvises.',
    en: 'Write why the order is declined.',
  },
  'order.question.body': { da: 'Skriv dit spørgsmål til sagsbehandleren.', en: 'Write your question to the caseworker.' },
  'order.answer.body': { da: 'Skriv dit svar til udføreren.', en: 'Write your answer to the provider.' },
  'order.action.notAllowed': {
    da: 'Bestillingen er ikke længere i en status, der tillader dette. Hent siden igen.',
    en: 'The order is no longer in a status that allows this. Reload the page.',
  },
  'order.noQuestion': { da: 'Der er intet spørgsmål at svare på.', en: 'There is no question to answer.' },
  'task.answerFirst': {
    da: 'Et spørgsmål fra udføreren løses ved at svare på det.',
    en: "A provider's question is done by answering it.",
  },
  'task.alreadyDone': { da: 'Opgaven er allerede løst.', en: 'The task is already done.' },
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
  'user.deactivateSelf': {
    da: 'Du kan ikke deaktivere dig selv. Bed en anden administrator om det.',
    en: 'You cannot deactivate yourself. Ask another administrator.',
  },
  'text.nul': {
    da: 'Feltet indeholder et tegn, der ikke er tilladt (NUL, U+0000).',
    en: 'The field contains a character that is not allowed (NUL, U+0000).',
  },
  'purpose.required': { da: 'Angiv formålet med opslaget.', en: 'State the purpose of the look-up.' },
  'url.invalid': { da: 'Skriv en hel adresse, der begynder med https://.', en: 'Enter a full address starting with https://.' },
  'month.invalid': { da: 'Skriv en måned som ÅÅÅÅ-MM.', en: 'Enter a month as YYYY-MM.' },
  'month.future': { da: 'Måneden er ikke begyndt endnu.', en: 'The month has not begun yet.' },
  'ffb.condition.unknown': {
    da: 'Ikke en FFB-tilstand (vælg en tilstand under et tema, fx »Indgå i samspil og kontakt«).',
    en: 'Not an FFB condition (choose a condition under a theme, e.g. »Indgå i samspil og kontakt«).',
  },
  'ffb.condition.levelRequired': {
    da: 'Tilstande under »Aktivitet og deltagelse« skal have et funktionsevneniveau.',
    en: 'Conditions under »Aktivitet og deltagelse« need a functional level.',
  },
  'ffb.condition.levelForbidden': {
    da: 'Kun tilstande under »Aktivitet og deltagelse« har et funktionsevneniveau.',
    en: 'Only conditions under »Aktivitet og deltagelse« have a functional level.',
  },
  'ffb.condition.duplicate': { da: 'Tilstanden står der allerede.', en: 'The condition is already listed.' },
  'ffb.level.unknown': { da: 'Ikke et FFB-funktionsevneniveau.', en: 'Not an FFB functional level.' },
  'ffb.supportNeed.unknown': { da: 'Ikke et FFB-støttebehov.', en: 'Not an FFB support-need level.' },
  'ffb.targetGroup.unknown': { da: 'Ikke en FFB-målgruppe.', en: 'Not an FFB target group.' },
  'ffb.targetGroup.onePrimary': {
    da: 'Der kan kun være én primær målgruppe.',
    en: 'There can be only one primary target group.',
  },
  'ffb.goal.condition': {
    da: 'Et indsatsmål skal vedrøre tilstande under »Aktivitet og deltagelse«.',
    en: 'A goal must address conditions under »Aktivitet og deltagelse«.',
  },
  'ffb.goal.notAssessed': { da: 'Tilstanden er ikke udredt.', en: 'The condition has not been assessed.' },
  'ffb.goal.targetLevel': {
    da: 'Det forventede niveau er ikke et FFB-funktionsevneniveau.',
    en: 'The expected level is not an FFB functional level.',
  },
  'ffb.goal.type': { da: 'Måltypen er ikke en FFB-måltype.', en: 'The goal type is not an FFB goal type.' },
  'ffb.service.unknown': { da: 'Ikke en FFB-ydelse.', en: 'Not an FFB service (ydelse).' },
  'assessment.beforeCase': { da: 'Datoen ligger før sagen blev oprettet.', en: 'The date is before the case was opened.' },
  'import.required': { da: 'Feltet skal udfyldes.', en: 'This field is required.' },
  'import.column.unknown': {
    da: 'Kolonnen findes ikke i formatet (se skabelonen for stavemåden).',
    en: 'The format has no such column (see the template for the spelling).',
  },
  'import.column.missing': {
    da: 'Kolonnen mangler i filen (se skabelonen).',
    en: 'The column is missing from the file (see the template).',
  },
  'import.date.format': {
    da: 'Skriv datoen som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ.',
    en: 'Write the date as YYYY-MM-DD or DD-MM-YYYY.',
  },
  'import.date.invalid': { da: 'Datoen findes ikke.', en: 'The date does not exist.' },
  'import.date.future': { da: 'Datoen ligger i fremtiden.', en: 'The date is in the future.' },
  'import.date.order': {
    da: 'Datoen ligger før en dato, den skal komme efter.',
    en: 'The date is before a date it must follow.',
  },
  'import.number': { da: 'Skriv et tal, fx 993,50.', en: 'Write a number, e.g. 993.50.' },
  'import.integer': { da: 'Skriv et helt tal (0 eller mere).', en: 'Write a whole number (0 or more).' },
  'import.boolean': { da: 'Skriv ja eller nej.', en: 'Write yes or no (ja/nej).' },
  'import.choice': {
    da: 'Ikke en af de tilladte værdier (se skabelonen).',
    en: 'Not one of the allowed values (see the template).',
  },
  'import.ffb.unknown': { da: 'Ukendt FFB-kode eller -navn her.', en: 'Unknown FFB code or name here.' },
  'import.ffb.ambiguous': {
    da: 'Navnet passer på flere FFB-koder; skriv koden.',
    en: 'The name fits several FFB codes; write the code.',
  },
  'import.municipality': {
    da: 'Rækken hører til en anden kommune (kommunekoden er ikke jeres).',
    en: 'The row belongs to another municipality (the municipality code is not yours).',
  },
  'import.duplicate': { da: 'Står allerede tidligere i filen.', en: 'Already given earlier in the file.' },
  'import.fhir.json': {
    da: 'Filen er ikke JSON: ét FHIR-bundle, en liste af bundles eller ét bundle pr. linje (NDJSON).',
    en: 'The file is not JSON: one FHIR Bundle, an array of Bundles or one Bundle a line (NDJSON).',
  },
  'import.fhir.notBundle': {
    da: 'Ikke et FHIR-bundle (resourceType skal være Bundle med entry).',
    en: 'Not a FHIR Bundle (resourceType must be Bundle, with entry).',
  },
  'import.fhir.organisation': {
    da: 'Borgeren hører til en anden kommune (organisationskoden er ikke jeres).',
    en: 'The citizen belongs to another municipality (the organisation code is not yours).',
  },
  'import.legalBasis.unknown': { da: 'Ukendt paragraf (fx SEL § 85).', en: 'Unknown legal basis (e.g. SEL § 85).' },
  'import.offer.unknown': {
    da: 'Tilbuddet findes ikke i kataloget (skriv tilbudsnøglen eller Tilbudsportalens tilbudsnummer).',
    en: 'The offer is not in the catalogue (write its key or Tilbudsportalen’s offer number).',
  },
  'import.offer.legalBasis': {
    da: 'Tilbuddet leverer ikke støtte efter afgørelsens paragraf.',
    en: 'The offer does not deliver support under the decision’s paragraph.',
  },
  'import.decision.noService': {
    da: 'Kommunen havde ingen gældende serviceniveaubeskrivelse for paragraffen på afgørelsesdatoen.',
    en: 'The municipality had no service level in force for the paragraph on the decision date.',
  },
  'import.order.noGrant': {
    da: 'En bestilling kræver en bevillingsafgørelse i samme række.',
    en: 'An order needs a granting decision in the same row.',
  },
  'import.goal.noOrder': { da: 'Et mål kræver en bestilling i samme række.', en: 'A goal needs an order in the same row.' },
  'import.decision.incomplete': {
    da: 'En afgørelse kræver dato, paragraf, udfald og begrundelse.',
    en: 'A decision needs a date, a legal basis, an outcome and reasons.',
  },
  'import.file.empty': { da: 'Filen er tom.', en: 'The file is empty.' },
  'import.file.binary': {
    da: 'Filen er ikke en tekstfil. Gem den som CSV fra regnearket.',
    en: 'The file is not a text file. Save it as CSV from the spreadsheet.',
  },
  'import.file.doubleEncoded': {
    da: 'Filen er gemt i forkert tegnsæt: æ, ø og å står som Ã¦, Ã¸ og Ã¥. Gem den igen som UTF-8 eller Windows-1252.',
    en: 'The file was saved in the wrong character set: æ, ø and å read as Ã¦, Ã¸ and Ã¥. Save it again as UTF-8 or Windows-1252.',
  },
  'import.file.notCsv': {
    da: 'Filen kan ikke læses som CSV (semikolon, komma eller tabulator mellem felterne).',
    en: 'The file cannot be read as CSV (a semicolon, comma or tab between fields).',
  },
  'import.file.header': {
    da: 'Første linje skal navngive hver kolonne én gang.',
    en: 'The first line must name each column once.',
  },
  'import.owner': {
    da: 'Ejerform skal være kommunal, anden_kommune, regional, selvejende eller privat.',
    en: 'Ownership must be kommunal, anden_kommune, regional, selvejende or privat.',
  },
  'import.caseNumber.otherCitizen': {
    da: 'Sagsnummeret er allerede brugt til en anden borgers sag.',
    en: 'The case number is already used for another citizen’s case.',
  },
  'caseNumber.taken': {
    da: 'Sagsnummeret er allerede brugt i kommunen.',
    en: 'The case number is already used in the municipality.',
  },
  'consent.givenOn.future': {
    da: 'Samtykket kan ikke være givet i fremtiden. Skriv den dag, borgeren gav det.',
    en: 'The consent cannot be given in the future. Enter the day the citizen gave it.',
  },
  'consent.expiresOn.beforeGiven': {
    da: 'Samtykket skal gælde til en dag efter, det blev givet.',
    en: 'The consent must last until a day after it was given.',
  },
  'consent.withdrawnOn.beforeGiven': {
    da: 'Samtykket kan ikke trækkes tilbage, før det blev givet.',
    en: 'The consent cannot be withdrawn before it was given.',
  },
  'consent.withdrawn': { da: 'Samtykket er allerede trukket tilbage.', en: 'The consent has already been withdrawn.' },
  'consent.scopes': {
    da: 'Vælg mindst én ting, samtykket omfatter.',
    en: 'Choose at least one thing the consent covers.',
  },
  'document.file.required': { da: 'Vælg en fil.', en: 'Choose a file.' },
  'document.file.type': {
    da: 'Filen er hverken PDF, PNG eller JPEG (indholdet er tjekket, ikke filnavnet).',
    en: 'The file is not a PDF, PNG or JPEG (its content was checked, not its name).',
  },
  'document.file.tooLarge': {
    da: 'Filen er for stor: højst 10 MB.',
    en: 'The file is too large: at most 10 MB.',
  },
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
  expected?: string;
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
      // Final zod issues carry no input: a missing value says so in its message.
      if (/received (undefined|null)/.test(issue.message ?? '') || ('input' in issue && (issue.input ?? '') === '')) {
        return VALIDATION_MESSAGES.required[lang];
      }
      if (issue.expected === 'number' || issue.expected === 'int') return VALIDATION_MESSAGES['number.invalid'][lang];
      return da ? 'Værdien kan ikke bruges her. Ret feltet.' : 'The value cannot be used here. Correct the field.';
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
        const length = typeof issue.input === 'string' ? issue.input.length : null;
        const now = length === null ? '' : da ? ` Teksten har ${length} tegn.` : ` The text has ${length}.`;
        return da
          ? `Teksten er for lang: højst ${n(issue.maximum)} tegn.${now} Gør den kortere.`
          : `The text is too long: at most ${n(issue.maximum)} characters.${now} Shorten it.`;
      }
      if (issue.origin === 'array') return da ? `Højst ${n(issue.maximum)} tilladt.` : `At most ${n(issue.maximum)} allowed.`;
      return da ? `Må højst være ${n(issue.maximum)}.` : `Must be at most ${n(issue.maximum)}.`;
    case 'invalid_format':
      if (issue.format === 'uuid') return VALIDATION_MESSAGES[issue.input === '' ? 'choose' : 'id.invalid'][lang];
      if (issue.format === 'email') return da ? 'Skal være en e-mailadresse.' : 'Must be an e-mail address.';
      return da ? 'Feltet er ikke udfyldt rigtigt. Ret det.' : 'The field is not filled in correctly. Correct it.';
    case 'invalid_value':
      return VALIDATION_MESSAGES.choose[lang];
    case 'unrecognized_keys':
      return da ? 'Ukendte felter.' : 'Unknown fields.';
    default:
      return da ? 'Feltet er ikke udfyldt rigtigt. Ret det.' : 'The field is not filled in correctly. Correct it.';
  }
}

export function issuePath(path: readonly PropertyKey[] | undefined): string {
  return (path ?? []).map(String).join('.');
}
