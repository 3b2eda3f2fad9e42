import type {
  Bundle,
  CarePlan,
  CareTeam,
  ClinicalImpression,
  CodeableConcept,
  Condition,
  Extension,
  Goal,
  Observation,
  Patient,
  Reference,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { EXTENSIONS, FIXED_CODES, KOMBIT_ORGANISATION_SYSTEM, profileUrl, REPORTING_PROFILES } from './ffb-profiles.ts';
import { type CodeIndex, FFB_SYSTEM, type FfbValueSetName, inValueSet } from './ffb-value-sets.ts';

/**
 * The rules of KL's FFB delivery report (kl.dk.fhir.ffbreporting 1.0.0) that a profile's cardinality cannot say:
 * the guide's invariants (ids `kl-reporting-ffb-…`, as in input/fsh), the code bindings to KL's value sets, the
 * references, and the validations listed per resource on the guide's front page (input/pagecontent/index.md).
 * Each rule is named; a report that breaks one is refused before it is sent, with the rule's id and text.
 */
export type Localised = { da: string; en: string };

export type FfbViolation = {
  rule: string;
  /** `Type/id` of the resource, or `Bundle`. */
  resource: string;
  message: Localised;
  /** The offending value (a code, a reference), when there is one. */
  value?: string;
};

export type RuleContext = {
  bundle: Bundle;
  codes: CodeIndex;
  resources: readonly Resource[];
  /** Resources by `Type/id`. */
  byRef: ReadonlyMap<string, Resource>;
  withProfile(id: string): Resource[];
};

export type FfbRule = {
  id: string;
  /** Where the rule is written in the guide. */
  source: string;
  text: Localised;
  check(ctx: RuleContext): FfbViolation[];
};

const P = {
  citizen: 'kl-reporting-ffb-citizen',
  serviceRequest: 'kl-reporting-ffb-serviceRequest',
  informationGathering: 'kl-reporting-ffb-informationGathering',
  condition: 'kl-reporting-ffb-condition',
  targetGroup: 'kl-reporting-ffb-targetGroup',
  goal: 'kl-reporting-ffb-interventionGoal',
  carePlan: 'kl-reporting-ffb-carePlan',
  intervention: 'kl-reporting-ffb-intervention',
  servicePerformer: 'kl-reporting-ffb-servicePerformer',
  followUpEncounter: 'kl-reporting-ffb-followUpEncounter',
  careEvaluation: 'kl-reporting-ffb-careEvaluation',
  followUp: 'kl-reporting-ffb-followUp',
} as const;

export const refOf = (r: Resource) => `${r.resourceType}/${r.id ?? ''}`;
const profileOf = (r: Resource): string | undefined => r.meta?.profile?.[0];
const hasProfile = (r: Resource | undefined, id: string) => r !== undefined && profileOf(r) === profileUrl(id);
const ext = (exts: Extension[] | undefined, url: string) => (exts ?? []).filter((e) => e.url === url);
const extensionsOf = (r: Resource): Extension[] => (r as { extension?: Extension[] }).extension ?? [];
const rankOf = (r: { extension?: Extension[] }) => ext(r.extension, EXTENSIONS.conditionRank)[0]?.valuePositiveInt;

function violation(rule: FfbRule, r: Resource | 'Bundle', value?: string): FfbViolation {
  return {
    rule: rule.id,
    resource: r === 'Bundle' ? 'Bundle' : refOf(r),
    message: rule.text,
    ...(value === undefined ? {} : { value }),
  };
}

/** The FFB codes of a CodeableConcept; a coding from another system counts as a code outside the value set. */
function ffbCodes(cc: CodeableConcept | undefined): string[] {
  return (cc?.coding ?? []).map((c) => (c.system === FFB_SYSTEM && c.code ? c.code : `${c.system ?? ''}#${c.code ?? ''}`));
}

/** A rule that every resource of a profile has a CodeableConcept whose FFB codes are all in a value set. */
function codedIn(
  id: string,
  source: string,
  text: Localised,
  profile: string,
  valueSet: FfbValueSetName,
  pick: (r: Resource) => CodeableConcept | undefined,
  required = true,
): FfbRule {
  const rule: FfbRule = {
    id,
    source,
    text,
    check: (ctx) =>
      ctx.withProfile(profile).flatMap((r) => {
        const cc = pick(r);
        const codes = ffbCodes(cc);
        if (!codes.length) return required ? [violation(rule, r)] : [];
        return codes.filter((c) => !inValueSet(valueSet, c, ctx.codes)).map((c) => violation(rule, r, c));
      }),
  };
  return rule;
}

/** A rule that references found by `pick` point at resources in the bundle with the given profiles. */
function refersTo(
  id: string,
  source: string,
  text: Localised,
  profile: string,
  targets: readonly string[],
  pick: (r: Resource) => (Reference | undefined)[],
): FfbRule {
  const rule: FfbRule = {
    id,
    source,
    text,
    check: (ctx) =>
      ctx.withProfile(profile).flatMap((r) =>
        pick(r)
          .filter((ref): ref is Reference => ref !== undefined)
          .filter((ref) => !targets.some((t) => hasProfile(ctx.byRef.get(ref.reference ?? ''), t)))
          .map((ref) => violation(rule, r, ref.reference ?? '')),
      ),
  };
  return rule;
}

const isOpenOrder = (cp: CarePlan) => cp.intent === 'order' && cp.status !== 'completed';

/** The dk-core CPR invariant (hl7.fhir.dk.core 1.1.0, cpr-Invariant.fsh): ddmmyy with a date that exists, then 4 digits. */
const DK_CORE_CPR =
  /^(?:(?:31(?:0[13578]|1[02])|(?:30|29)(?:0[13-9]|1[0-2])|(?:0[1-9]|1[0-9]|2[0-8])(?:0[1-9]|1[0-2]))[0-9]{2}[0-9]|290200[4-9]|2902(?:(?!00)[02468][048]|[13579][26])[0-3])[0-9]{3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Keys whose values are free text in the resources the report uses; the guide allows none of it. */
const FREE_TEXT_KEYS = new Set(['text', 'note', 'comment', 'patientInstruction', 'summary']);

function freeTextPaths(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) freeTextPaths(v, `${path}[${i}]`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const isReference = 'reference' in value;
  for (const [key, v] of Object.entries(value)) {
    // A description is free text when it is a string (Goal.description is a CodeableConcept: its text is caught below);
    // a Reference's display is text too (every profile sets it ..0). A Coding's display is the code's name.
    if (FREE_TEXT_KEYS.has(key) || (key === 'description' && typeof v === 'string') || (key === 'display' && isReference))
      out.push(`${path}.${key}`);
    else freeTextPaths(v, `${path}.${key}`, out);
  }
}

function subjects(r: Resource): (Reference | undefined)[] {
  const s = (r as { subject?: Reference }).subject;
  return r.resourceType === 'Patient' ? [] : [s];
}

function referencesIn(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) referencesIn(v, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'reference' && typeof v === 'string') out.push(v);
    else referencesIn(v, out);
  }
}

const L = (da: string, en: string): Localised => ({ da, en });
const SRC_INDEX = 'index.md (Validation)';

export const FFB_RULES: readonly FfbRule[] = [
  {
    id: 'report.one-citizen',
    source: `${SRC_INDEX}: Citizen`,
    text: L('En leverance indeholder præcis én borger.', 'A delivery report holds exactly one citizen.'),
    check(ctx) {
      const n = ctx.resources.filter((r) => r.resourceType === 'Patient').length;
      return n === 1 ? [] : [violation(this, 'Bundle', String(n))];
    },
  },
  {
    id: 'report.entry-profile',
    source: 'KLReportingFFBDeliveryReport.fsh (kl-reporting-ffb-delivery-report-1, -2, -3)',
    text: L(
      'Hver ressource skal følge en af vejledningens profiler for sin ressourcetype.',
      'Every resource must follow one of the guide’s profiles for its resource type.',
    ),
    check(ctx) {
      return ctx.resources
        .filter((r) => {
          const profiles = r.meta?.profile ?? [];
          return (
            profiles.length !== 1 ||
            !REPORTING_PROFILES.some((p) => profileUrl(p.id) === profiles[0] && p.resourceType === r.resourceType)
          );
        })
        .map((r) => violation(this, r, (r.meta?.profile ?? []).join(', ')));
    },
  },
  {
    id: 'report.meta',
    source: 'index.md (Reporting): “All resources must contain the metadata giving the profile and lastUpdated”',
    text: L(
      'Hver ressource skal have meta.profile og meta.lastUpdated.',
      'Every resource must have meta.profile and meta.lastUpdated.',
    ),
    check(ctx) {
      return ctx.resources.filter((r) => !r.meta?.profile?.length || !r.meta.lastUpdated).map((r) => violation(this, r));
    },
  },
  {
    id: 'report.uuid-ids',
    source: 'index.md (Reporting): “The id of any resource must be universally unique, e.g. a uuid”',
    text: L(
      'Hver ressource skal have et UUID som id, og fullUrl skal være Type/id.',
      'Every resource must have a UUID as id, and fullUrl must be Type/id.',
    ),
    check(ctx) {
      return (ctx.bundle.entry ?? [])
        .filter((e) => !e.resource?.id || !UUID.test(e.resource.id) || e.fullUrl !== refOf(e.resource))
        .map((e) => (e.resource ? violation(this, e.resource, e.fullUrl) : violation(this, 'Bundle', e.fullUrl)));
    },
  },
  {
    id: 'report.references-included',
    source: 'index.md: “In general all referenced resources must be included in the report”',
    text: L(
      'Alle ressourcer, der henvises til, skal være med i leverancen.',
      'Every referenced resource must be included in the report.',
    ),
    check(ctx) {
      return ctx.resources.flatMap((r) => {
        const refs: string[] = [];
        referencesIn(r, refs);
        return refs.filter((ref) => !ctx.byRef.has(ref)).map((ref) => violation(this, r, ref));
      });
    },
  },
  {
    id: 'report.subject-citizen',
    source: `${SRC_INDEX}: “… refer to the citizen”`,
    text: L('Alle ressourcer skal henvise til leverancens borger.', 'Every resource must refer to the report’s citizen.'),
    check(ctx) {
      const citizen = ctx.resources.find((r) => r.resourceType === 'Patient');
      const ref = citizen ? refOf(citizen) : '';
      return ctx.resources.flatMap((r) =>
        subjects(r)
          .filter((s) => s?.reference !== ref)
          .map((s) => violation(this, r, s?.reference ?? '')),
      );
    },
  },
  {
    id: 'report.no-free-text',
    source: 'index.md: “all free text information is omitted”',
    text: L('Leverancen må ikke indeholde fritekst.', 'The report must not contain free text.'),
    check(ctx) {
      return ctx.resources.flatMap((r) => {
        const paths: string[] = [];
        freeTextPaths(r, r.resourceType, paths);
        return paths.map((p) => violation(this, r, p));
      });
    },
  },
  {
    id: 'citizen.cpr',
    source: `${SRC_INDEX}: Citizen; hl7.fhir.dk.core 1.1.0 invariant cpr`,
    text: L(
      'Borgerens CPR-nummer skal være et gyldigt CPR-nummer (et erstatningspersonnummer kan ikke indberettes).',
      'The citizen’s CPR number must be a valid CPR number (a substitute number cannot be reported).',
    ),
    check(ctx) {
      return ctx
        .withProfile(P.citizen)
        .filter((p) => !DK_CORE_CPR.test((p as Patient).identifier?.[0]?.value ?? ''))
        .map((p) => violation(this, p));
    },
  },
  {
    id: 'citizen.organisation',
    source: `${SRC_INDEX}: Citizen (“a syntactically valid STS Organization code”)`,
    text: L(
      'Den ansvarlige kommune skal angives med sin organisationskode fra KOMBIT STS (et UUID).',
      'The responsible municipality must be given by its KOMBIT STS organisation code (a UUID).',
    ),
    check(ctx) {
      return ctx
        .withProfile(P.citizen)
        .filter((p) => {
          const id = (p as Patient).managingOrganization?.identifier;
          return id?.system !== KOMBIT_ORGANISATION_SYSTEM || !UUID.test(id?.value ?? '');
        })
        .map((p) => violation(this, p, (p as Patient).managingOrganization?.identifier?.value));
    },
  },
  {
    id: 'service-request.case-number',
    source: `${SRC_INDEX}: Service Request (“must contain the municipality case number”)`,
    text: L('Anledningen skal have kommunens sagsnummer.', 'The service request must carry the municipality’s case number.'),
    check(ctx) {
      return ctx
        .withProfile(P.serviceRequest)
        .filter((r) => !caseNumberOk((r as ServiceRequest).extension))
        .map((r) => violation(this, r));
    },
  },
  {
    id: 'information-gathering.service-request',
    source: 'KLReportingFFBInformationGathering.fsh (basedOnServiceRequest 1..1)',
    text: L(
      'Udredningen skal henvise til en anledning i leverancen.',
      'The information gathering must refer to a service request in the report.',
    ),
    check(ctx) {
      return ctx.withProfile(P.informationGathering).flatMap((r) => {
        const e = ext((r as ClinicalImpression).extension, EXTENSIONS.basedOnServiceRequest);
        const target = ctx.byRef.get(e[0]?.valueReference?.reference ?? '');
        return e.length === 1 && hasProfile(target, P.serviceRequest) ? [] : [violation(this, r)];
      });
    },
  },
  refersTo(
    'information-gathering.findings',
    'KLReportingFFBInformationGathering.fsh (finding.itemReference only KLReportingFFBCondition)',
    L('Udredningens fund skal være FFB-tilstande.', 'The information gathering’s findings must be FFB conditions.'),
    P.informationGathering,
    [P.condition],
    (r) => ((r as ClinicalImpression).finding ?? []).map((f) => f.itemReference),
  ),
  refersTo(
    'information-gathering.investigation',
    'KLReportingFFBInformationGathering.fsh (investigation.item only KLReportingFFBCareEvaluation)',
    L(
      'Udredningens konklusion skal være en støttebehovsvurdering.',
      'The information gathering’s conclusion must be a support-need evaluation.',
    ),
    P.informationGathering,
    [P.careEvaluation],
    (r) => ((r as ClinicalImpression).investigation ?? []).flatMap((i) => i.item ?? []),
  ),
  codedIn(
    'condition.code',
    `${SRC_INDEX}: Condition; KLReportingFFBCondition.fsh (code from KLConditionCodesFFB, required)`,
    L('En tilstand skal have en gyldig FFB-tilstandskode.', 'A condition must have a valid FFB condition code.'),
    P.condition,
    'KLConditionCodesFFB',
    (r) => (r as Condition).code,
  ),
  {
    id: 'kl-reporting-ffb-condition-1',
    source: 'KLReportingFFBCondition.fsh (invariant kl-reporting-ffb-condition-1)',
    text: L(
      'Funktionsevneniveau er påkrævet for tilstande under “Aktivitet og deltagelse” og ikke tilladt for andre tilstande.',
      'A functional level is required for conditions under “Aktivitet og deltagelse” and not allowed for other conditions.',
    ),
    check(ctx) {
      return ctx.withProfile(P.condition).flatMap((r) => {
        const c = r as Condition;
        const ad = ffbCodes(c.code).some((code) => inValueSet('KLConditionADCodesFFB', code, ctx.codes));
        const severity = (c.severity?.coding?.length ?? 0) > 0;
        return ad === severity ? [] : [violation(this, r, ffbCodes(c.code).join(', '))];
      });
    },
  },
  codedIn(
    'condition.severity',
    `${SRC_INDEX}: Condition (severity from KLSeveritiesFFB, Funktionsevneniveau)`,
    L('Funktionsevneniveauet skal være en gyldig FFB-kode.', 'The functional level must be a valid FFB code.'),
    P.condition,
    'KLSeveritiesFFB',
    (r) => (r as Condition).severity,
    false,
  ),
  {
    id: 'condition.extension',
    source: 'KLReportingFFBCondition.fsh (extension slicing closed: conditionLastAssertedDate 0..1)',
    text: L(
      'En tilstand må kun have udvidelsen for seneste vurderingsdato.',
      'A condition may only carry the last-asserted-date extension.',
    ),
    check(ctx) {
      return ctx.withProfile(P.condition).flatMap((r) =>
        extensionsOf(r)
          .filter((e) => e.url !== EXTENSIONS.conditionLastAssertedDate)
          .map((e) => violation(this, r, e.url)),
      );
    },
  },
  codedIn(
    'target-group.code',
    `${SRC_INDEX}: Target Group; KLReportingFFBTargetGroup.fsh (code from KLConditionsAndTargetGroupsFFB, required)`,
    L('En målgruppe skal have en gyldig FFB-målgruppekode.', 'A target group must have a valid FFB target group code.'),
    P.targetGroup,
    'KLConditionsAndTargetGroupsFFB',
    (r) => (r as Condition).code,
  ),
  {
    id: 'kl-reporting-ffb-intervention-goal-1',
    source: 'KLReportingFFBInterventionGoal.fsh (invariant kl-reporting-ffb-intervention-goal-1)',
    text: L(
      'Et indsatsmål må kun vedrøre tilstande under “Aktivitet og deltagelse”.',
      'An intervention goal may only address conditions under “Aktivitet og deltagelse”.',
    ),
    check(ctx) {
      return ctx.withProfile(P.goal).flatMap((r) =>
        ((r as Goal).addresses ?? []).flatMap((a) => {
          const target = ctx.byRef.get(a.reference ?? '');
          const ok =
            hasProfile(target, P.condition) &&
            ffbCodes((target as Condition).code).every((c) => inValueSet('KLConditionADCodesFFB', c, ctx.codes));
          return ok ? [] : [violation(this, r, a.reference ?? '')];
        }),
      );
    },
  },
  {
    // The guide's expression looks for the rank extension at http://fhir.kl.dk/term/StructureDefinition/ConditionRank,
    // a URL no extension has; the profile itself slices on kl.dk.fhir.core's ConditionRank, which this rule reads.
    id: 'kl-reporting-ffb-intervention-goal-2',
    source: 'KLReportingFFBInterventionGoal.fsh (invariant kl-reporting-ffb-intervention-goal-2)',
    text: L(
      'Et indsatsmål skal vedrøre præcis én primær tilstand (rang 1).',
      'An intervention goal must address exactly one primary condition (rank 1).',
    ),
    check(ctx) {
      return ctx.withProfile(P.goal).flatMap((r) => {
        const primaries = ((r as Goal).addresses ?? []).filter((a) => rankOf(a) === 1).length;
        return primaries === 1 ? [] : [violation(this, r, String(primaries))];
      });
    },
  },
  {
    id: 'goal.rank',
    source: 'KLReportingFFBInterventionGoal.fsh, KLReportingFFBCarePlan.fsh (conditionRank maxValuePositiveInt = 2)',
    text: L('En rang er 1 (primær) eller 2 (sekundær).', 'A rank is 1 (primary) or 2 (secondary).'),
    check(ctx) {
      const ranked = [...ctx.withProfile(P.goal), ...ctx.withProfile(P.carePlan)].flatMap((r) =>
        ((r as Goal | CarePlan).addresses ?? []).map((a) => ({
          r,
          rank: rankOf(a),
          has: ext(a.extension, EXTENSIONS.conditionRank).length,
        })),
      );
      return ranked.filter((x) => x.has > 0 && x.rank !== 1 && x.rank !== 2).map((x) => violation(this, x.r, String(x.rank)));
    },
  },
  {
    id: 'goal.targets',
    source: `${SRC_INDEX}: Intervention Goal; KLReportingFFBInterventionGoal.fsh (target slices severitySlice 1..1, changeValueSlice 1..1)`,
    text: L(
      'Et indsatsmål skal have ét forventet funktionsevneniveau og én måltype, begge gyldige FFB-koder.',
      'An intervention goal must have one expected functional level and one goal type, both valid FFB codes.',
    ),
    check(ctx) {
      return ctx.withProfile(P.goal).flatMap((r) => {
        const targets = (r as Goal).target ?? [];
        const measured = (m: { system: string; code: string }) =>
          targets.filter((t) => t.measure?.coding?.some((c) => c.system === m.system && c.code === m.code));
        const level = measured(FIXED_CODES.goalMeasureLevel);
        const type = measured(FIXED_CODES.goalMeasureType);
        const levelOk =
          level.length === 1 &&
          ffbCodes(level[0]?.detailCodeableConcept).every((c) => inValueSet('KLSeveritiesFFB', c, ctx.codes));
        const typeOk =
          type.length === 1 &&
          ffbCodes(type[0]?.detailCodeableConcept).every((c) => inValueSet('KLChangeValueCodesFFB', c, ctx.codes));
        const nonEmpty = [...level, ...type].every((t) => ffbCodes(t.detailCodeableConcept).length === 1);
        return levelOk && typeOk && nonEmpty ? [] : [violation(this, r)];
      });
    },
  },
  {
    id: 'care-plan.case-number',
    source: `${SRC_INDEX}: Care Plan; KLReportingFFBCarePlan.fsh (municipalityCaseNumber 1..1, followUpDate 0..1, closed)`,
    text: L(
      'Et indsatsforløb skal have kommunens sagsnummer og må kun have udvidelser for sagsnummer og opfølgningsdato.',
      'A care plan must carry the municipality’s case number and may only carry the case-number and follow-up-date extensions.',
    ),
    check(ctx) {
      return ctx.withProfile(P.carePlan).flatMap((r) => {
        const exts = extensionsOf(r);
        const unknown = exts.filter((e) => e.url !== EXTENSIONS.municipalityCaseNumber && e.url !== EXTENSIONS.followUpDate);
        const ok = caseNumberOk(exts, true) && unknown.length === 0 && ext(exts, EXTENSIONS.followUpDate).length <= 1;
        return ok ? [] : [violation(this, r)];
      });
    },
  },
  {
    id: 'kl-reporting-ffb-care-plan-1',
    source: 'KLReportingFFBCarePlan.fsh (invariant kl-reporting-ffb-care-plan-1)',
    text: L(
      'Et bestilt indsatsforløb, der ikke er afsluttet, skal have en opfølgningsdato.',
      'A care plan that is ordered and not completed must have a follow-up date.',
    ),
    check(ctx) {
      return ctx
        .withProfile(P.carePlan)
        .filter((r) => isOpenOrder(r as CarePlan) && ext(extensionsOf(r), EXTENSIONS.followUpDate).length === 0)
        .map((r) => violation(this, r));
    },
  },
  {
    id: 'kl-reporting-ffb-care-plan-2',
    source: 'KLReportingFFBCarePlan.fsh (invariant kl-reporting-ffb-care-plan-2)',
    text: L(
      'Et indsatsforløb må højst have én primær målgruppe (rang 1).',
      'A care plan may address at most one primary target group (rank 1).',
    ),
    check(ctx) {
      return ctx.withProfile(P.carePlan).flatMap((r) => {
        const primaries = ((r as CarePlan).addresses ?? []).filter((a) => rankOf(a) === 1).length;
        return primaries <= 1 ? [] : [violation(this, r, String(primaries))];
      });
    },
  },
  {
    id: 'kl-reporting-ffb-care-plan-4',
    source: 'KLReportingFFBCarePlan.fsh (invariant kl-reporting-ffb-care-plan-4)',
    text: L(
      'Et bestilt indsatsforløb, der ikke er afsluttet, skal have en støttebehovsvurdering.',
      'A care plan that is ordered and not completed must have a support-need evaluation.',
    ),
    check(ctx) {
      return ctx
        .withProfile(P.carePlan)
        .filter((r) => isOpenOrder(r as CarePlan) && !(r as CarePlan).activity?.some((a) => a.outcomeReference?.length))
        .map((r) => violation(this, r));
    },
  },
  {
    id: 'kl-reporting-ffb-care-plan-5',
    source: 'KLReportingFFBCarePlan.fsh (invariant kl-reporting-ffb-care-plan-5)',
    text: L(
      'Et bestilt indsatsforløb, der ikke er afsluttet, skal have målgrupper.',
      'A care plan that is ordered and not completed must have target groups.',
    ),
    check(ctx) {
      return ctx
        .withProfile(P.carePlan)
        .filter((r) => isOpenOrder(r as CarePlan) && !(r as CarePlan).addresses?.length)
        .map((r) => violation(this, r));
    },
  },
  refersTo(
    'care-plan.target-groups',
    'KLReportingFFBCarePlan.fsh (addresses only KLReportingFFBTargetGroup)',
    L(
      'Et indsatsforløbs målgrupper skal være FFB-målgrupper i leverancen.',
      'A care plan’s target groups must be FFB target groups in the report.',
    ),
    P.carePlan,
    [P.targetGroup],
    (r) => (r as CarePlan).addresses ?? [],
  ),
  refersTo(
    'care-plan.goals',
    'KLReportingFFBCarePlan.fsh (goal only KLReportingFFBInterventionGoal)',
    L(
      'Et indsatsforløbs mål skal være indsatsmål i leverancen.',
      'A care plan’s goals must be intervention goals in the report.',
    ),
    P.carePlan,
    [P.goal],
    (r) => (r as CarePlan).goal ?? [],
  ),
  refersTo(
    'care-plan.service-performer',
    `${SRC_INDEX}: Care Plan (“refer to a valid service performer if it is set”)`,
    L(
      'Et indsatsforløbs tilbudstype skal være en leverandør i leverancen.',
      'A care plan’s offer type must be a service performer in the report.',
    ),
    P.carePlan,
    [P.servicePerformer],
    (r) => (r as CarePlan).careTeam ?? [],
  ),
  refersTo(
    'care-plan.evaluation',
    'KLReportingFFBCarePlan.fsh (activity.outcomeReference only KLReportingFFBCareEvaluation)',
    L(
      'Et indsatsforløbs støttebehov skal være en støttebehovsvurdering i leverancen.',
      'A care plan’s support need must be a care evaluation in the report.',
    ),
    P.carePlan,
    [P.careEvaluation],
    (r) => ((r as CarePlan).activity ?? []).flatMap((a) => a.outcomeReference ?? []),
  ),
  refersTo(
    'care-plan.follow-up-encounter',
    'KLReportingFFBFollowUpExtension.fsh (valueReference only kl-reporting-ffb-followUpEncounter)',
    L(
      'Opfølgningsdatoen skal være en opfølgningskontakt i leverancen.',
      'The follow-up date must be a follow-up encounter in the report.',
    ),
    P.carePlan,
    [P.followUpEncounter],
    (r) => ext(extensionsOf(r), EXTENSIONS.followUpDate).map((e) => e.valueReference),
  ),
  codedIn(
    'intervention.code',
    `${SRC_INDEX}: Interventions (a valid intervention code, FFB ydelse)`,
    L('En indsats skal have en gyldig FFB-ydelseskode.', 'An intervention must have a valid FFB service (ydelse) code.'),
    P.intervention,
    'KLInterventionsFFB',
    (r) => (r as CarePlan).activity?.[0]?.detail?.code,
  ),
  refersTo(
    'intervention.care-plan',
    `${SRC_INDEX}: Interventions (“refer to a care plan”)`,
    L('En indsats skal høre til et indsatsforløb i leverancen.', 'An intervention must belong to a care plan in the report.'),
    P.intervention,
    [P.carePlan],
    (r) => (r as CarePlan).basedOn ?? [],
  ),
  codedIn(
    'service-performer.category',
    `${SRC_INDEX}: Service Performer (a valid code, FFB tilbudstype)`,
    L('En leverandør skal have en gyldig FFB-tilbudstype.', 'A service performer must have a valid FFB offer type.'),
    P.servicePerformer,
    'KLServiceCodesFFB',
    (r) => (r as CareTeam).category?.[0],
  ),
  codedIn(
    'care-evaluation.value',
    `${SRC_INDEX}: Care Plan Evaluation (a valid code, FFB støttebehov)`,
    L(
      'Støttebehovet skal være en gyldig FFB-kode for støttebehovsniveau.',
      'The support need must be a valid FFB support-need level.',
    ),
    P.careEvaluation,
    'KLNeedsAssessmentCodesFFB',
    (r) => (r as Observation).valueCodeableConcept,
  ),
  {
    id: 'kl-reporting-ffb-follow-up-1',
    source: 'KLReportingFFBFollowUp.fsh (invariant kl-reporting-ffb-follow-up-1)',
    text: L(
      'Et opfølgningsresultat skal have status final eller entered-in-error.',
      'A follow-up result must have status final or entered-in-error.',
    ),
    check(ctx) {
      return ctx
        .withProfile(P.followUp)
        .filter((r) => !['final', 'entered-in-error'].includes((r as Observation).status))
        .map((r) => violation(this, r, (r as Observation).status));
    },
  },
  codedIn(
    'follow-up.value',
    `${SRC_INDEX}: Follow-up (a valid code, FFB resultat af opfølgning)`,
    L('Opfølgningsresultatet skal være en gyldig FFB-kode.', 'The follow-up result must be a valid FFB code.'),
    P.followUp,
    'KLFollowUpCodesFFB',
    (r) => (r as Observation).valueCodeableConcept,
  ),
  refersTo(
    'follow-up.care-plan',
    `${SRC_INDEX}: Follow-up (“refer to a care plan”)`,
    L(
      'Et opfølgningsresultat skal henvise til et indsatsforløb i leverancen.',
      'A follow-up result must refer to a care plan in the report.',
    ),
    P.followUp,
    [P.carePlan],
    (r) => (r as Observation).focus ?? [],
  ),
];

/**
 * The municipality case number extension (KLReportingFFBMunicipalityCaseNumber.fsh): a municipality-specific
 * identifier (use usual, no assigner) with system and value, or an official one.
 */
function caseNumberOk(exts: Extension[] | undefined, required = true): boolean {
  const found = ext(exts, EXTENSIONS.municipalityCaseNumber);
  if (found.length === 0) return !required;
  if (found.length > 1) return false;
  const parts = found[0]?.extension ?? [];
  const specific = parts.filter((p) => p.url === 'municipalitySpecific');
  const official = parts.filter((p) => p.url === 'official');
  if (specific.length > 1 || official.length > 1 || specific.length + official.length === 0) return false;
  if (parts.some((p) => p.url !== 'municipalitySpecific' && p.url !== 'official')) return false;
  const id = specific[0]?.valueIdentifier;
  if (id && (id.use !== 'usual' || id.assigner || !id.system || !id.value)) return false;
  return !official[0] || Boolean(official[0].valueIdentifier?.value);
}

export function ruleContext(bundle: Bundle, codes: CodeIndex): RuleContext {
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const byRef = new Map(resources.map((r) => [refOf(r), r]));
  return {
    bundle,
    codes,
    resources,
    byRef,
    withProfile: (id) => resources.filter((r) => hasProfile(r, id)),
  };
}

/** Every violation of the FFB rules in a delivery report; empty means the report may be sent. */
export function checkFfbRules(bundle: Bundle, codes: CodeIndex, rules: readonly FfbRule[] = FFB_RULES): FfbViolation[] {
  const ctx = ruleContext(bundle, codes);
  return rules.flatMap((rule) => rule.check(ctx));
}
