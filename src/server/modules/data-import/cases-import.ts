import { decisionFrameProblems, offerDeliversBasis } from '../../../rules/cases/decision-rules.ts';
import { versionInForce } from '../../../rules/catalogue/version-lifecycle.ts';
import { deadlineRulesFor } from '../../../rules/deadlines/deadline-rules.ts';
import { computeDeadline } from '../../../rules/deadlines/deadlines.ts';
import {
  conditionIssues,
  goalIssues,
  serviceIssues,
  supportNeedIssues,
  targetGroupIssues,
} from '../../../rules/ffb-reporting/ffb-capture-rules.ts';
import type { CodeIndex } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import { profileInBands } from '../../../rules/profiles/citizen-profiles.ts';
import { dateProblems, legalTimeLimit } from '../../../rules/records/date-constraints.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS } from '../../../shared/assessment/ffb-terms.ts';
import { catalogueContentSchema } from '../../../shared/catalogue/catalogue.schema.ts';
import { mentionsParagraph, paragraphsOf } from '../../../shared/catalogue/paragraphs.ts';
import { parseCpr } from '../../../shared/cpr/cpr.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import { writeAuditEntries } from '../../platform/audit/audit.ts';
import { auditActorOf, type RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { assessmentImport, type ImportedAssessment } from '../assessment/index.ts';
import { caseImport, type ImportedCase } from '../case-file/index.ts';
import { ffbCodeIndex, offerImport, serviceLevelsOf } from '../catalogue/index.ts';
import { citizenImport, type ImportedCitizen } from '../citizens/index.ts';
import { decisionImport, type ImportedDecision } from '../decisions/index.ts';
import { type ImportedOrder, orderImport } from '../orders/index.ts';
import type { CsvRecord } from './csv-file.ts';
import type { Checked, ImportHandler } from './data-import.service.ts';
import { booleanField, choiceField, dateField, decimalField, type FfbNames, ffbField, integerField, listOf } from './fields.ts';
import { legalBasisOf } from './offers-file.ts';
import type { Problem } from './row-problems.ts';

/**
 * Citizens and their open cases from the old system (docs/IMPORT.md, "Citizens and cases"): one row per case, with
 * the citizen, the request, the latest assessment (the support need, FFB conditions, goals and target groups), the
 * decision and the order. Checked whole with the rules a case made here must follow; written through the modules
 * that own each table, in one transaction. A case number already here is not imported again.
 */
const GOAL_COLUMNS = (n: number) => [
  `maal${n}_tilstand`,
  `maal${n}_sekundaere`,
  `maal${n}_niveau`,
  `maal${n}_maaltype`,
  `maal${n}_tekst`,
  `maal${n}_indikator`,
  `maal${n}_maaldato`,
  `maal${n}_stoettebehov_start`,
  `maal${n}_stoettebehov_maal`,
];

export const CASE_COLUMNS = {
  required: ['kommunekode', 'cpr', 'fornavn', 'efternavn', 'sagsnummer', 'modtaget', 'henvendelse'],
  optional: [
    'adresse',
    'postnr',
    'by',
    'telefon',
    'email',
    'kanal',
    'dagtilbud',
    'vurderet',
    'stoettebehov',
    'tilstande',
    'primaer_maalgruppe',
    'sekundaere_maalgrupper',
    ...GOAL_COLUMNS(1),
    ...GOAL_COLUMNS(2),
    ...GOAL_COLUMNS(3),
    'afgoerelsesdato',
    'paragraf',
    'serviceniveau',
    'udfald',
    'timer_pr_uge',
    'moduler',
    'startdato',
    'tidsbegraenset_til',
    'begrundelse',
    'partshoering',
    'partshoering_note',
    'tilbud',
    'bestilt',
    'foerste_opfoelgning',
    'ydelser',
  ],
} as const;

const CHANNELS = {
  brev: 'letter',
  digital: 'digital',
  telefon: 'phone',
  forvisitation: 'pre_visitation',
  fremskudt_raadgivning: 'outreach_advice',
} as const;
const OUTCOMES = { bevilget: 'granted', delvist_bevilget: 'partly_granted', afslag: 'refused' } as const;
const HEARINGS = { udfoert: 'done', ja: 'done', ikke_noedvendig: 'not_needed' } as const;
/** The 0–4 scale of VUM (Ingen … Fuldstændig nedsat funktionsevne). */
const LEVEL_BY_DIGIT = new Map(FUNCTION_LEVELS.slice(0, 5).map((l, i) => [String(i), l.code]));
const ACTIVITY_THEMES = ASSESSMENT_THEMES.filter((t) => t.group === 'activity').map((t) => t.code);

/** A service level version's profile bands, parsed once per version for the whole file (not once per row). */
const parsedBands = new Map<string, ReturnType<typeof catalogueContentSchema.parse>['profileBands']>();
function bandsOf(versionId: string, content: unknown) {
  let bands = parsedBands.get(versionId);
  if (!bands) {
    bands = catalogueContentSchema.parse(content).profileBands;
    if (parsedBands.size > 1000) parsedBands.clear();
    parsedBands.set(versionId, bands);
  }
  return bands;
}

export type Row = {
  line: number;
  citizen: ImportedCitizen;
  caseNumber: string;
  receivedOn: PlainDate;
  channel: (typeof CHANNELS)[keyof typeof CHANNELS];
  what: string;
  dayOffer: boolean;
  assessment: Omit<ImportedAssessment, 'caseId'> | null;
  decision: (Omit<ImportedDecision, 'caseId'> & { dayOfferBasis: boolean; predatesVersion: string | null }) | null;
  order: Omit<ImportedOrder, 'caseId' | 'decisionId'> | null;
  /** Without a decision in the file: the day by which the old system had decided (an FFB care plan's start). */
  decidedBy?: PlainDate | null;
  /** Where the case number is in the file (a column, or a FHIR entry's path). */
  caseNumberField?: string;
  /** What the journal entry adds (e.g. the FFB services and period the old system reported). */
  note?: string;
};

export type Plan = { rows: Row[]; existingCases: number };

type Lookups = {
  municipalityCode: string;
  codes: CodeIndex;
  names: FfbNames;
  offers: Awaited<ReturnType<typeof offerImport.lookup>>;
  levels: Awaited<ReturnType<typeof serviceLevelsOf>>;
  today: PlainDate;
  /**
   * Answers of pure look-ups kept for the whole file (a file of 100,000 rows names the same codes, dates, paragraphs
   * and service levels again and again): the check's cost per row is then the row's own.
   */
  memo: <T>(key: string, compute: () => T) => T;
};

function memoOf(): Lookups['memo'] {
  const answers = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (answers.has(key)) return answers.get(key) as T;
    const value = compute();
    if (answers.size > 200_000) answers.clear();
    answers.set(key, value);
    return value;
  };
}

/** The `tilstande` column ("Navn:niveau|Navn"): the FFB conditions, their problems and the VUM themes' levels. */
function readConditions(raw: string, k: Lookups) {
  const problems: { key: string; value: string }[] = [];
  const conditions = listOf(raw).flatMap((entry) => {
    const [name, level] = entry.split(':').map((x) => x.trim());
    const code = k.memo(`ffb KLConditionCodesFFB ${name ?? ''}`, () =>
      ffbField(name ?? '', 'KLConditionCodesFFB', k.codes, k.names),
    );
    if (!code.ok) {
      problems.push({ key: code.key, value: name ?? '' });
      return [];
    }
    const levelCode = !level
      ? null
      : (LEVEL_BY_DIGIT.get(level) ??
        k.memo(`ffb KLSeveritiesFFB ${level}`, () => ffbField(level, 'KLSeveritiesFFB', k.codes, k.names)));
    if (levelCode !== null && typeof levelCode !== 'string' && !levelCode.ok) {
      problems.push({ key: levelCode.key, value: level ?? '' });
      return [];
    }
    return [
      { code: code.value, levelCode: levelCode === null ? null : typeof levelCode === 'string' ? levelCode : levelCode.value },
    ];
  });
  for (const i of conditionIssues(conditions, k.codes))
    problems.push({ key: i.key, value: conditions[Number(i.path.split('.')[1])]?.code ?? '' });
  return { conditions, problems, themes: themesOf(conditions, k.codes) };
}

/** One row → a case to import, or its problems. */
function readRow({ line, values: v }: CsvRecord, k: Lookups): { row: Row | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const at = (field: string, key: string, value = v[field] ?? '') => problems.push({ line, field, key, value });
  // Each field trimmed once: a row asks whether a column is filled and what it says about 150 times.
  const trimmed: Record<string, string> = {};
  for (const field in v) trimmed[field] = (v[field] ?? '').trim();
  const has = (field: string) => (trimmed[field] ?? '') !== '';
  const text = (field: string) => trimmed[field] ?? '';
  for (const c of CASE_COLUMNS.required) if (!has(c)) at(c, 'import.required');

  if (has('kommunekode') && text('kommunekode') !== k.municipalityCode) at('kommunekode', 'import.municipality');
  const cpr = has('cpr') ? parseCpr(text('cpr')) : null;
  if (cpr && !cpr.ok) at('cpr', cpr.reason);
  const date = (field: string, notBefore?: PlainDate | null, required = false): PlainDate | null => {
    if (!has(field)) {
      if (required) at(field, 'import.required');
      return null;
    }
    const d = dateOf(text(field));
    if (!d.ok) return at(field, d.key), null;
    if (d.value > k.today) return at(field, 'import.date.future'), null;
    if (notBefore && d.value < notBefore) return at(field, 'import.date.order'), null;
    return d.value;
  };
  const dateOf = (raw: string) => k.memo(`date ${raw}`, () => dateField(raw));
  const ffbOf = (raw: string, valueSet: Parameters<typeof ffbField>[1]) =>
    k.memo(`ffb ${valueSet} ${raw}`, () => ffbField(raw, valueSet, k.codes, k.names));
  const ffb = (field: string, valueSet: Parameters<typeof ffbField>[1], raw = text(field)) => {
    const f = ffbOf(raw, valueSet);
    if (!f.ok) at(field, f.key, raw);
    return f.ok ? f.value : null;
  };

  const receivedOn = date('modtaget');
  const channel = has('kanal') ? choiceField(text('kanal'), CHANNELS) : ({ ok: true, value: 'letter' } as const);
  if (!channel.ok) at('kanal', channel.key);
  const dayOffer = booleanField(v.dagtilbud ?? '');
  if (!dayOffer.ok) at('dagtilbud', dayOffer.key);
  if (text('sagsnummer').length > 64) at('sagsnummer', 'import.choice');

  // The assessment: the FFB conditions ("Navn:niveau|Navn"), target groups, goals and support need.
  const goalNumbers = [1, 2, 3].filter((n) => GOAL_COLUMNS(n).some(has));
  const assessed =
    ['vurderet', 'stoettebehov', 'tilstande', 'primaer_maalgruppe', 'sekundaere_maalgrupper'].some(has) || goalNumbers.length > 0;
  let assessment: Row['assessment'] = null;
  if (assessed) {
    const assessedOn = date('vurderet', receivedOn, true);
    const need = has('stoettebehov') ? ffb('stoettebehov', 'KLNeedsAssessmentCodesFFB') : null;
    // The conditions, their problems and the VUM themes' levels follow from the column's text alone: worked out once
    // per distinct text in the file (the same few combinations of FFB conditions and levels recur), problems replayed
    // on each row that has it.
    const read = k.memo(`conditions ${v.tilstande ?? ''}`, () => readConditions(v.tilstande ?? '', k));
    for (const p of read.problems) at('tilstande', p.key, p.value);
    const conditions = read.conditions;
    const primary = has('primaer_maalgruppe') ? ffb('primaer_maalgruppe', 'KLTargetGroupsFFB') : null;
    const secondary = listOf(v.sekundaere_maalgrupper ?? '').flatMap((g) => {
      const c = ffb('sekundaere_maalgrupper', 'KLTargetGroupsFFB', g);
      return c ? [c] : [];
    });
    const targetGroups = [
      ...(primary ? [{ code: primary, rank: 1 as const }] : []),
      ...secondary.map((code) => ({ code, rank: 2 as const })),
    ];
    for (const i of targetGroupIssues(targetGroups, k.codes)) at('sekundaere_maalgrupper', i.key);
    const goals = goalNumbers.flatMap((n) => {
      const p = `maal${n}_`;
      if (!has(`${p}tilstand`)) return at(`${p}tilstand`, 'import.required'), [];
      if (!has(`${p}niveau`)) at(`${p}niveau`, 'import.required');
      if (!has(`${p}maaltype`)) at(`${p}maaltype`, 'import.required');
      const primaryCondition = ffb(`${p}tilstand`, 'KLConditionADCodesFFB');
      const secondaryConditions = listOf(v[`${p}sekundaere`] ?? '').flatMap((s) => {
        const c = ffb(`${p}sekundaere`, 'KLConditionADCodesFFB', s);
        return c ? [c] : [];
      });
      const rawLevel = text(`${p}niveau`);
      const level = LEVEL_BY_DIGIT.get(rawLevel) ?? (rawLevel ? ffb(`${p}niveau`, 'KLSeveritiesFFB') : null);
      const type = has(`${p}maaltype`) ? ffb(`${p}maaltype`, 'KLChangeValueCodesFFB') : null;
      if (!primaryCondition || !level || !type) return [];
      const goal = {
        primaryConditionCode: primaryCondition,
        secondaryConditionCodes: secondaryConditions,
        targetLevelCode: level,
        goalTypeCode: type,
      };
      for (const i of goalIssues([goal], new Set(conditions.map((c) => c.code)), k.codes)) {
        at(i.path.includes('secondary') ? `${p}sekundaere` : `${p}tilstand`, i.key);
      }
      return [goal];
    });
    for (const i of supportNeedIssues(need, k.codes)) at('stoettebehov', i.key);
    const themes = read.themes;
    if (assessedOn) assessment = { assessedOn, supportNeedCode: need, themes, conditions, goals, targetGroups };
  }

  // The decision.
  let decision: Row['decision'] = null;
  const decided = ['afgoerelsesdato', 'paragraf', 'udfald'].some(has);
  if (decided) {
    for (const c of ['afgoerelsesdato', 'paragraf', 'udfald', 'begrundelse', 'partshoering'])
      if (!has(c)) at(c, 'import.required');
    if (!assessment) at('vurderet', 'import.required');
    const decidedOn = date('afgoerelsesdato', (assessment?.assessedOn as PlainDate | undefined) ?? receivedOn);
    const basis = has('paragraf') ? k.memo(`basis ${text('paragraf')}`, () => legalBasisOf(text('paragraf'))) : null;
    if (has('paragraf') && !basis) at('paragraf', 'import.legalBasis.unknown');
    const outcome = has('udfald') ? choiceField(text('udfald'), OUTCOMES) : null;
    if (outcome && !outcome.ok) at('udfald', outcome.key);
    const hearing = has('partshoering') ? choiceField(text('partshoering'), HEARINGS) : null;
    if (hearing && !hearing.ok) at('partshoering', hearing.key);
    if (hearing?.ok && hearing.value === 'not_needed' && !has('partshoering_note'))
      at('partshoering_note', 'decision.partyHearing.reason');
    const hours = has('timer_pr_uge') ? decimalField(text('timer_pr_uge')) : null;
    if (hours && (!hours.ok || hours.value < 0 || hours.value > 168)) at('timer_pr_uge', 'import.number');
    const modules = has('moduler') ? integerField(text('moduler'), 1) : null;
    if (modules && (!modules.ok || modules.value > 5)) at('moduler', 'import.integer');
    const startDate = has('startdato') ? date('startdato', decidedOn) : null;
    const limit = has('tidsbegraenset_til') ? dateOf(text('tidsbegraenset_til')) : null;
    if (limit && !limit.ok) at('tidsbegraenset_til', limit.key);
    const granted = outcome?.ok && outcome.value !== 'refused';
    if (granted && !hours && !modules) at('timer_pr_uge', 'decision.frame.required');
    if (granted && !has('startdato')) at('startdato', 'import.required');
    // The service level in force on the decision date for the paragraph (or the one named).
    const paragraph = basis ? paragraphsOf(basis)[0] : undefined;
    const named = has('serviceniveau') ? text('serviceniveau') : null;
    // A decision older than every version Visitator holds is tied to the oldest one, and the journal says so.
    const inForce = decidedOn
      ? k.memo(`inForce ${named ?? ''} ${paragraph ?? ''} ${decidedOn}`, () =>
          k.levels
            .filter((l) =>
              named !== null ? l.key === named : paragraph !== undefined && mentionsParagraph(l.legalBasis, paragraph),
            )
            .flatMap((l) => {
              const versions = l.versions.map((x) => ({ ...x, inForceFrom: x.inForceFrom as PlainDate | null }));
              const version =
                versionInForce(versions, decidedOn) ??
                versions.filter((x) => x.status === 'approved' && x.inForceFrom !== null).sort((a, b) => a.number - b.number)[0];
              return version ? [{ level: l, version, predates: (version.inForceFrom ?? '') > decidedOn }] : [];
            }),
        )
      : [];
    if (basis && decidedOn && inForce.length !== 1)
      at(has('serviceniveau') ? 'serviceniveau' : 'paragraf', 'import.decision.noService');
    const chosen = inForce[0];
    if (chosen && decidedOn && basis && outcome?.ok && hearing?.ok) {
      const bands = bandsOf(chosen.version.id, chosen.version.content);
      const frame = {
        outcome: outcome.value,
        legalBasis: chosen.level.legalBasis,
        weeklyHours: hours?.ok ? hours.value : null,
        moduleDays: modules?.ok ? modules.value : null,
        startDate,
        timeLimitUntil: limit?.ok ? limit.value : null,
      };
      const frameFields: Record<string, string> = {
        weeklyHours: 'timer_pr_uge',
        moduleDays: 'moduler',
        timeLimitUntil: 'tidsbegraenset_til',
      };
      for (const p of decisionFrameProblems(frame, bands)) at(frameFields[p.path] ?? p.path, p.key);
      // The decision's dates as the decision form checks them (the law's maximum for §§ 82 and 107 included).
      const dateFields: Record<string, string> = {
        decidedOn: 'afgoerelsesdato',
        startDate: 'startdato',
        timeLimitUntil: 'tidsbegraenset_til',
      };
      const dates = { outcome: outcome.value, decidedOn, startDate, timeLimitUntil: frame.timeLimitUntil };
      for (const p of dateProblems('decision', dates, {
        today: k.today,
        'request.receivedOn': receivedOn,
        'law.maximumEnd':
          outcome.value !== 'refused' && startDate
            ? k.memo(`limit ${chosen.level.legalBasis} ${startDate}`, () =>
                legalTimeLimit(chosen.level.legalBasis, startDate, deadlineRulesFor(k.municipalityCode)),
              )
            : null,
      }))
        at(dateFields[p.path] ?? p.path, p.key);
      decision = {
        outcome: outcome.value,
        legalBasis: chosen.level.legalBasis,
        serviceDescriptionVersionId: chosen.version.id,
        weeklyHours: frame.weeklyHours,
        profileCode: frame.weeklyHours !== null ? (profileInBands(bands, frame.weeklyHours)?.code ?? null) : null,
        moduleDays: frame.moduleDays,
        startDate,
        timeLimitUntil: frame.timeLimitUntil,
        reasons: text('begrundelse'),
        partyHearing: hearing.value,
        partyHearingNote: text('partshoering_note') || null,
        decidedOn,
        dayOfferBasis: mentionsParagraph(chosen.level.legalBasis, '103') || mentionsParagraph(chosen.level.legalBasis, '104'),
        predatesVersion: chosen.predates ? `${chosen.level.key} v${chosen.version.number} (${chosen.version.inForceFrom})` : null,
      };
    }
  }

  // The order.
  let order: Row['order'] = null;
  const goalTexts = goalNumbers.filter((n) => has(`maal${n}_tekst`));
  if (has('tilbud') || has('bestilt') || goalTexts.length) {
    for (const c of ['tilbud', 'bestilt', 'foerste_opfoelgning']) if (!has(c)) at(c, 'import.required');
    if (!decision || decision.outcome === 'refused') at(decided ? 'udfald' : 'afgoerelsesdato', 'import.order.noGrant');
    const offer = has('tilbud')
      ? k.memo(`offer ${text('tilbud')}`, () =>
          k.offers.find(
            (o) => o.key === text('tilbud') || (o.tilbudsportalen_id !== null && String(o.tilbudsportalen_id) === text('tilbud')),
          ),
        )
      : undefined;
    if (has('tilbud') && !offer) at('tilbud', 'import.offer.unknown');
    if (
      offer &&
      decision &&
      !k.memo(`delivers ${offer.id} ${decision.legalBasis}`, () => offerDeliversBasis(offer.legal_bases, decision.legalBasis))
    )
      at('tilbud', 'import.offer.legalBasis');
    const orderedOn = date('bestilt', decision?.decidedOn as PlainDate | undefined);
    const firstFollowUp = has('foerste_opfoelgning') ? dateOf(text('foerste_opfoelgning')) : null;
    if (firstFollowUp && !firstFollowUp.ok) at('foerste_opfoelgning', firstFollowUp.key);
    if (firstFollowUp?.ok && orderedOn && firstFollowUp.value < orderedOn) at('foerste_opfoelgning', 'import.date.order');
    const services = listOf(v.ydelser ?? '').flatMap((s) => {
      const c = ffb('ydelser', 'KLInterventionsFFB', s);
      return c ? [c] : [];
    });
    for (const i of serviceIssues(services, k.codes)) at('ydelser', i.key);
    const goals = goalTexts.flatMap((n) => {
      const p = `maal${n}_`;
      for (const c of ['indikator', 'maaldato', 'stoettebehov_start', 'stoettebehov_maal'])
        if (!has(`${p}${c}`)) at(`${p}${c}`, 'import.required');
      const target = has(`${p}maaldato`) ? dateOf(text(`${p}maaldato`)) : null;
      if (target && !target.ok) at(`${p}maaldato`, target.key);
      const start = has(`${p}stoettebehov_start`) ? ffb(`${p}stoettebehov_start`, 'KLNeedsAssessmentCodesFFB') : null;
      const aim = has(`${p}stoettebehov_maal`) ? ffb(`${p}stoettebehov_maal`, 'KLNeedsAssessmentCodesFFB') : null;
      const g = assessment?.goals[goalNumbers.indexOf(n)];
      if (!g || !target?.ok || !start || !aim) return [];
      // The order's goal carries the VUM theme of its primary condition (the provider's FKO works by theme).
      const theme = ACTIVITY_THEMES.find((t) => isUnder(g.primaryConditionCode, t, k.codes)) ?? '';
      return [
        {
          text: text(`${p}tekst`),
          indicator: text(`${p}indikator`),
          targetDate: target.value,
          conditionCode: theme,
          goalTypeCode: g.goalTypeCode,
          baselineSupportNeedCode: start,
          targetSupportNeedCode: aim,
        },
      ];
    });
    if (offer && orderedOn && firstFollowUp?.ok && decision) {
      order = {
        offerId: offer.id,
        orderedOn,
        firstFollowUp: firstFollowUp.value,
        startsOn: decision.startDate ?? orderedOn,
        services,
        goals,
      };
    }
  }

  if (problems.length || !cpr?.ok || !receivedOn || !channel.ok || !dayOffer.ok) return { row: null, problems };
  return {
    problems,
    row: {
      line,
      citizen: {
        cpr: cpr.cpr,
        substitute: cpr.substitute,
        birthDate: cpr.birthDate,
        firstName: text('fornavn'),
        lastName: text('efternavn'),
        address: text('adresse') || null,
        postalCode: text('postnr') || null,
        city: text('by') || null,
        phone: text('telefon') || null,
        email: text('email') || null,
      },
      caseNumber: text('sagsnummer'),
      receivedOn,
      channel: channel.value,
      what: text('henvendelse'),
      dayOffer: dayOffer.value || (decision?.dayOfferBasis ?? false),
      assessment,
      decision,
      order,
    },
  };
}

/** The VUM themes' levels follow from the FFB conditions under them: the most reduced one. */
export function themesOf(conditions: readonly { code: string; levelCode: string | null }[], codes: CodeIndex) {
  return ACTIVITY_THEMES.flatMap((theme) => {
    const levels = conditions
      .filter((c) => c.levelCode !== null && isUnder(c.code, theme, codes))
      .map((c) => FUNCTION_LEVELS.findIndex((l) => l.code === c.levelCode))
      .filter((i) => i >= 0 && i < 5);
    const worst = levels.length ? Math.max(...levels) : -1;
    return worst >= 0 ? [{ themeCode: theme, levelCode: FUNCTION_LEVELS[worst]?.code ?? null }] : [];
  });
}

function isUnder(code: string, theme: string, codes: CodeIndex): boolean {
  let parent = codes.get(code) ?? null;
  for (let i = 0; parent !== null && i < 32; i++) {
    if (parent === theme) return true;
    parent = codes.get(parent) ?? null;
  }
  return false;
}

function statusOf(r: Row): ImportedCase['status'] {
  if (r.order) return 'ordered';
  if (r.decision) return r.decision.outcome === 'refused' ? 'refused' : 'decided';
  return r.assessment ? 'assessment' : 'request_received';
}

/** A case's deadlines as if it had been opened here, met where the file shows the step was taken. */
function deadlinesOf(r: Row, rules: ReturnType<typeof deadlineRulesFor>): ImportedCase['deadlines'] {
  const decisionKind = r.dayOffer ? 'decision_day_offer' : 'decision';
  const out: ImportedCase['deadlines'] = [
    { ...computeDeadline(decisionKind, r.receivedOn, rules), metOn: r.decision?.decidedOn ?? r.decidedBy ?? null },
  ];
  // A receipt is owed only while the case is still at the request: later, the old system sent it (its date is not in the file).
  if (!r.assessment && !r.decision && !r.decidedBy) out.push({ ...computeDeadline('receipt', r.receivedOn, rules), metOn: null });
  if (r.decision && r.decision.outcome !== 'refused' && !r.order)
    out.push({ ...computeDeadline('start', r.decision.decidedOn as PlainDate, rules), metOn: null });
  return out;
}

/**
 * What importing the rows will do: cases already here (by number) are not imported again; one that belongs to
 * another citizen is an error. Shared by the CSV and the FHIR import.
 */
export async function planOf(
  tx: Tx,
  ctx: RequestContext,
  rowCount: number,
  rows: Row[],
  problems: Problem[],
): Promise<Checked<Plan>> {
  const existing = await caseImport.byCaseNumber(
    tx,
    ctx.actor.municipalityId,
    rows.map((r) => r.caseNumber),
  );
  const citizens = await citizenImport.idsByCpr(
    tx,
    ctx.actor.municipalityId,
    rows.map((r) => r.citizen.cpr),
  );
  const fresh = rows.filter((r) => {
    const e = existing.get(r.caseNumber);
    if (e && citizens.get(r.citizen.cpr) !== e.citizenId) {
      problems.push({
        line: r.line,
        field: r.caseNumberField ?? 'sagsnummer',
        key: 'import.caseNumber.otherCitizen',
        value: r.caseNumber,
      });
    }
    return !e;
  });
  const newCitizens = new Set(fresh.filter((r) => !citizens.has(r.citizen.cpr)).map((r) => r.citizen.cpr));
  return {
    rowCount,
    problems,
    counts: {
      citizensNew: newCitizens.size,
      citizensExisting: new Set(rows.map((r) => r.citizen.cpr)).size - newCitizens.size,
      casesNew: fresh.length,
      casesExisting: rows.length - fresh.length,
      assessments: fresh.filter((r) => r.assessment).length,
      decisions: fresh.filter((r) => r.decision).length,
      orders: fresh.filter((r) => r.order).length,
    },
    plan: { rows: fresh, existingCases: rows.length - fresh.length },
  };
}

export const casesImport: ImportHandler<Plan> & { template: string } = {
  columns: CASE_COLUMNS,
  template: [
    [...CASE_COLUMNS.required, ...CASE_COLUMNS.optional].join(';'),
    [
      '760',
      '010181-4321',
      'Børge',
      'Mogensen',
      'Sag154689',
      '26-05-2021',
      'Ønsker støtte i hverdagen',
      'Solvej 1',
      '6950',
      'Ringkøbing',
      '',
      '',
      'brev',
      'nej',
      '29-05-2021',
      'Let støttebehov',
      'Indgå i samspil og kontakt:2|Købe ind:2|Spise:3|Bevidsthedstilstand',
      'Anden udviklingsforstyrrelse',
      'Selvmordstanker eller -forsøg',
      'Indgå i samspil og kontakt',
      '',
      '1',
      'Fastholde funktionsevne',
      'Deltager i fællesspisning',
      'Antal gange om ugen',
      '31-12-2021',
      'Moderat støttebehov',
      'Let støttebehov',
      ...Array(18).fill(''),
      '29-05-2021',
      'SEL § 85',
      '',
      'bevilget',
      '3',
      '',
      '01-06-2021',
      '',
      'Udredningen viser behov for støtte til daglige opgaver.',
      'udført',
      '',
      'bostoetten',
      '29-05-2021',
      '29-08-2021',
      'Støtte til daglige opgaver i hjemmet|Støtte til sund levevis',
    ].join(';'),
  ].join('\r\n'),

  async check(tx, ctx, records) {
    const k = await lookupsOf(tx, ctx);
    const problems: Problem[] = [];
    const rows: Row[] = [];
    const seen = new Set<string>();
    for (const record of records) readRecord(record, k, seen, rows, problems);
    return planOf(tx, ctx, records.length, rows, problems);
  },

  async apply(tx, ctx, plan, progress) {
    const total = plan.rows.length;
    const writer = partWriter(tx, ctx, plan.existingCases);
    progress(0, total, 'cases');
    for (let i = 0; i < total; i += importParts.rows) {
      await writer.write(plan.rows.slice(i, i + importParts.rows), 0);
      progress(Math.min(i + importParts.rows, total), total, 'cases');
    }
    return writer.counts;
  },

  /**
   * The run of a CSV file: checked again and written part by part, so that Node checks the next part while the
   * database writes this one (the two took turns: Node's check and encoding were a third of the run, with the
   * database idle). The same rules and look-ups as `check`, in the run's transaction; each part's existing cases
   * and citizens are looked up as the part is planned (a citizen added by an earlier part of the file is known by
   * then). From the first problem nothing more is written, the rest of the file is still checked (every bad row is
   * named), and the caller undoes what was written (data-import.service: a savepoint).
   */
  async checkAndApply(tx, ctx, records, progress) {
    const k = await lookupsOf(tx, ctx);
    const problems: Problem[] = [];
    const seen = new Set<string>();
    const writer = partWriter(tx, ctx, 0);
    const total = records.length;
    // At least ten parts where the file allows (a tenth of it checked alone, before the first write), of 1,000 rows
    // or more: a smaller part's statements would cost more than they let overlap.
    const size = Math.min(importParts.rows, Math.max(MIN_PART, Math.ceil(total / 10)));
    let writing: Promise<void> = Promise.resolve();
    try {
      for (let i = 0; i < total; i += size) {
        const rows: Row[] = [];
        const end = Math.min(i + size, total);
        for (let j = i; j < end; j++) {
          // Let the database's answers in between: the write of the part before this one goes on meanwhile.
          if ((j - i) % SLICE === SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
          readRecord(records[j] as CsvRecord, k, seen, rows, problems);
        }
        if (problems.length) continue;
        const planned = await planOf(tx, ctx, end - i, rows, problems);
        if (problems.length) continue;
        writing = writing.then(async () => {
          await writer.write(planned.plan.rows, planned.plan.existingCases);
          progress(end, total, 'cases');
        });
        // Awaited below (or in `finally`); a failure meanwhile must not count as unhandled.
        writing.catch(() => {});
      }
      await writing;
    } finally {
      // Nothing of this transaction may still be in flight when the caller commits, rolls back or undoes the parts.
      await writing.catch(() => {});
    }
    return { problems, counts: problems.length ? {} : writer.counts };
  },
};

/**
 * Rows a part: one statement per table and part; the run checks the next part while the database writes this one.
 * A setting only so that tests can make a file of a few rows run in several parts.
 */
export const importParts = { rows: 10_000 };
/** The smallest part the run makes of a large file (bulkInsert refreshes statistics from 1,000 rows a write). */
const MIN_PART = 1_000;
/** Rows checked between two turns of the event loop in the run (≈ 40 ms of Node): what a database answer may wait. */
const SLICE = 250;

async function lookupsOf(tx: Tx, ctx: RequestContext): Promise<Lookups> {
  const [{ codes, names }, offers, levels] = await Promise.all([
    ffbCodeIndex(tx),
    offerImport.lookup(tx, ctx.actor.municipalityId),
    serviceLevelsOf(tx, ctx.actor.municipalityId),
  ]);
  return {
    municipalityCode: ctx.actor.municipalityCode,
    codes,
    names,
    offers,
    levels,
    today: ctx.clock.today(),
    memo: memoOf(),
  };
}

/** Checks one record: a case number seen before in the file is a problem; a clean row is added to `rows`. */
function readRecord(record: CsvRecord, k: Lookups, seen: Set<string>, rows: Row[], problems: Problem[]) {
  const number = (record.values.sagsnummer ?? '').trim();
  if (number && seen.has(number))
    problems.push({ line: record.line, field: 'sagsnummer', key: 'import.duplicate', value: number });
  if (number) seen.add(number);
  const r = readRow(record, k);
  problems.push(...r.problems);
  if (r.row) rows.push(r.row);
}

/**
 * Writes planned rows part by part (one statement per table and part), each part's new citizens first, keeping the
 * citizens' ids for the parts after it and the counts of what was written.
 */
function partWriter(tx: Tx, ctx: RequestContext, existingCases: number) {
  const municipalityId = ctx.actor.municipalityId;
  const rules = deadlineRulesFor(ctx.actor.municipalityCode);
  const citizenIds = new Map<string, string>();
  const counts = { citizensAdded: 0, casesAdded: 0, assessments: 0, decisions: 0, orders: 0, casesSkipped: existingCases };
  return {
    counts,
    async write(part: Row[], skipped: number) {
      counts.casesSkipped += skipped;
      const unknown = new Map<string, ImportedCitizen>();
      for (const r of part) if (!citizenIds.has(r.citizen.cpr)) unknown.set(r.citizen.cpr, r.citizen);
      if (unknown.size) {
        const { ids, added } = await citizenImport.addMissing(tx, municipalityId, [...unknown.values()]);
        for (const [cpr, id] of ids) citizenIds.set(cpr, id);
        counts.citizensAdded += added;
      }
      if (!part.length) return;
      const caseIds = await caseImport.insert(
        tx,
        municipalityId,
        { name: ctx.actor.name, role: ctx.actor.role },
        part.map((r) => ({
          citizenId: citizenIds.get(r.citizen.cpr) ?? '',
          caseNumber: r.caseNumber,
          status: statusOf(r),
          title: r.what.length > 80 ? `${r.what.slice(0, 77)}…` : r.what,
          openedOn: r.receivedOn,
          dayOffer: r.dayOffer,
          channel: r.channel,
          what: r.what,
          deadlines: deadlinesOf(r, rules),
          journal: {
            subject: 'Indlæst fra tidligere system',
            body: [
              `Sagsnummer ${r.caseNumber}. Indlæst af ${ctx.actor.name} fra fil, linje ${r.line}.`,
              r.note ?? '',
              r.decision?.predatesVersion
                ? `Afgørelsen (${r.decision.decidedOn}) er ældre end serviceniveauerne i Visitator; den er knyttet til ${r.decision.predatesVersion}.`
                : '',
            ]
              .filter(Boolean)
              .join(' '),
          },
        })),
      );
      const idOf = (r: Row) => caseIds.get(r.caseNumber) ?? '';
      const assessments = part.flatMap((r) => (r.assessment ? [{ ...r.assessment, caseId: idOf(r) }] : []));
      await assessmentImport.insert(tx, municipalityId, assessments);
      const decisionIds = await decisionImport.insert(
        tx,
        municipalityId,
        part.flatMap((r) => {
          if (!r.decision) return [];
          const { dayOfferBasis: _day, predatesVersion: _older, ...d } = r.decision;
          return [{ ...d, caseId: idOf(r) }];
        }),
      );
      const orders = part.flatMap((r) =>
        r.order ? [{ ...r.order, caseId: idOf(r), decisionId: decisionIds.get(idOf(r)) ?? '' }] : [],
      );
      await orderImport.insert(tx, municipalityId, orders);
      // One audit entry per case, all of the part's in one call (audit_append takes them as one jsonb array and one
      // text array, so PostgreSQL's parameter limit does not bound them; migration 0034 writes them with one insert).
      const events = part.map((r) => ({
        action: 'create' as const,
        purpose: 'data_import' as const,
        citizenId: citizenIds.get(r.citizen.cpr) ?? null,
        recordType: 'case',
        recordId: idOf(r),
        details: { caseNumber: r.caseNumber },
      }));
      await writeAuditEntries(tx, auditActorOf(ctx), events, ctx.clock.now());
      counts.casesAdded += part.length;
      counts.assessments += assessments.length;
      counts.decisions += decisionIds.size;
      counts.orders += orders.length;
    },
  };
}
