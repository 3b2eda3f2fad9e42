import { readFileSync } from 'node:fs';
import type { Bundle, CarePlan, Condition, Goal, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { EXTENSIONS, FIXED_CODES, profileUrl } from './ffb-profiles.ts';
import { checkFfbRules, FFB_RULES } from './ffb-rules.ts';
import { type CodeIndex, FFB_SYSTEM, FFB_VALUE_SETS, type FfbValueSetName, inValueSet } from './ffb-value-sets.ts';

function indexOf(file: string): CodeIndex {
  const index = new Map<string, string | null>();
  type C = { code: string; concept?: C[] };
  const walk = (cs: C[], parent: string | null) => {
    for (const c of cs) {
      index.set(c.code, parent);
      walk(c.concept ?? [], c.code);
    }
  };
  walk((JSON.parse(readFileSync(file, 'utf8')) as { concept: C[] }).concept, null);
  return index;
}
const codes = indexOf('policy/standards/kl-term/CodeSystem-FFB.json');

// Codes of the guide's worked example (input/fsh/KLReportingFFBExample.fsh).
const C = {
  bevidsthed: '4934e45a-0f93-4c23-a767-2b681378700b', // Funktioner og forhold > Mentale funktioner
  boligomraade: '83342ff3-5f2e-4914-b045-e98357685866', // Omgivelsesfaktorer
  samspil: '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7', // Aktivitet og deltagelse > Relationer
  koebeInd: '01770afa-cd17-41fe-a966-b8895e4d55d8', // Aktivitet og deltagelse > Praktiske opgaver
  relationer: '3856b434-f72e-42a5-b9d1-0cc93f48434b', // a theme: not a condition code itself
  moderat: '5bdde847-2837-416b-ab63-bbff8b7aa531',
  let: '8328ce4a-6238-4f73-bf1a-74aadb68eff8',
  fastholde: '10752a63-00b4-4958-b7f4-9f3a18f74266',
  letStoette: 'dd628e73-d6c9-4837-a2b8-aa62d73bd6ae',
  udviklingsforstyrrelse: '5cfc9530-a193-4f66-9981-3b980ee9ea7b',
  selvmord: '5e95db73-4d16-4084-93a3-595c0650b160',
  botilbud: '498fe92c-d7f7-41cd-9404-5b38fe113be0',
  botilbudParent: '96c97f55-a11b-47f8-aa52-6fdae4e804c2', // Længerevarende botilbud til voksne (not reportable)
  dagligeOpgaver: '638f44df-6bf2-47f8-9935-b8fdc83e5bf5',
  socialpaedagogiskStoette: '1f0ff82b-3243-422f-9651-1d00fd2dcd61', // a group, not a ydelse
  fortsaettelse: '1e971d84-10a4-4ef8-a8b3-0daa4c7d088a',
  frivillige: '794ebc42-0639-46eb-aca2-40e996568578',
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ffb = (code: string) => ({ coding: [{ system: FFB_SYSTEM, code }] });
const ref = (type: string, n: number) => ({ reference: `${type}/${id(n)}` });
const rank = (n: number) => [{ url: EXTENSIONS.conditionRank, valuePositiveInt: n }];
const caseNumber = {
  url: EXTENSIONS.municipalityCaseNumber,
  extension: [
    { url: 'municipalitySpecific', valueIdentifier: { use: 'usual' as const, system: 'urn:example:case', value: 'Sag154689' } },
  ],
};
const subject = ref('Patient', 1);

/** One of every resource of the delivery report, valid. */
function validBundle(): Bundle {
  const r = (n: number, profile: string, resource: Resource): Resource =>
    ({ ...resource, id: id(n), meta: { profile: [profileUrl(profile)], lastUpdated: '2021-05-29T17:13:41Z' } }) as Resource;
  const resources: Resource[] = [
    r(1, 'kl-reporting-ffb-citizen', {
      resourceType: 'Patient',
      identifier: [{ use: 'official', system: 'urn:oid:1.2.208.176.1.2', value: '0101814321' }],
      managingOrganization: {
        identifier: {
          use: 'official',
          system: 'https://www.kombit.dk/organisation',
          value: 'd4e3f4fb-6761-4d6c-9086-74c49231f11e',
        },
      },
    }),
    r(2, 'kl-reporting-ffb-serviceRequest', {
      resourceType: 'ServiceRequest',
      extension: [caseNumber],
      status: 'active',
      intent: 'proposal',
      subject,
    }),
    r(3, 'kl-reporting-ffb-condition', {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: ffb(C.bevidsthed),
      subject,
      recordedDate: '2021-05-28',
    }),
    r(4, 'kl-reporting-ffb-condition', {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      severity: ffb(C.moderat),
      code: ffb(C.samspil),
      subject,
      recordedDate: '2021-05-28',
    }),
    r(5, 'kl-reporting-ffb-condition', {
      resourceType: 'Condition',
      extension: [{ url: EXTENSIONS.conditionLastAssertedDate, valueDateTime: '2021-06-18' }],
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      severity: ffb(C.moderat),
      code: ffb(C.koebeInd),
      subject,
      recordedDate: '2021-05-28',
    }),
    r(6, 'kl-reporting-ffb-careEvaluation', {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [FIXED_CODES.careEvaluation] },
      subject,
      valueCodeableConcept: ffb(C.letStoette),
      effectiveDateTime: '2021-05-29',
    }),
    r(7, 'kl-reporting-ffb-informationGathering', {
      resourceType: 'ClinicalImpression',
      extension: [{ url: EXTENSIONS.basedOnServiceRequest, valueReference: ref('ServiceRequest', 2) }],
      status: 'completed',
      subject,
      effectiveDateTime: '2021-05-29',
      finding: [
        { itemReference: ref('Condition', 3) },
        { itemReference: ref('Condition', 4) },
        { itemReference: ref('Condition', 5) },
      ],
      investigation: [{ code: { coding: [FIXED_CODES.careEvaluation] }, item: [ref('Observation', 6)] }],
    }),
    r(8, 'kl-reporting-ffb-interventionGoal', {
      resourceType: 'Goal',
      lifecycleStatus: 'active',
      category: [{ coding: [FIXED_CODES.goalCategory] }],
      description: { coding: [FIXED_CODES.goalDescription] },
      subject,
      target: [
        { measure: { coding: [FIXED_CODES.goalMeasureType] }, detailCodeableConcept: ffb(C.fastholde) },
        { measure: { coding: [FIXED_CODES.goalMeasureLevel] }, detailCodeableConcept: ffb(C.let) },
      ],
      addresses: [
        { ...ref('Condition', 4), extension: rank(1) },
        { ...ref('Condition', 5), extension: rank(2) },
      ],
    }),
    r(9, 'kl-reporting-ffb-targetGroup', {
      resourceType: 'Condition',
      code: ffb(C.udviklingsforstyrrelse),
      subject,
      recordedDate: '2021-05-29',
    }),
    r(10, 'kl-reporting-ffb-targetGroup', {
      resourceType: 'Condition',
      code: ffb(C.selvmord),
      subject,
      recordedDate: '2021-05-29',
    }),
    r(11, 'kl-reporting-ffb-servicePerformer', { resourceType: 'CareTeam', category: [ffb(C.botilbud)], subject }),
    r(12, 'kl-reporting-ffb-followUpEncounter', {
      resourceType: 'Encounter',
      status: 'planned',
      class: FIXED_CODES.followUpEncounterClass,
      type: [{ coding: [FIXED_CODES.followUpEncounterType] }],
      subject,
      period: { start: '2021-08-29' },
    }),
    r(13, 'kl-reporting-ffb-carePlan', {
      resourceType: 'CarePlan',
      extension: [caseNumber, { url: EXTENSIONS.followUpDate, valueReference: ref('Encounter', 12) }],
      status: 'active',
      intent: 'order',
      subject,
      period: { start: '2021-05-29' },
      careTeam: [ref('CareTeam', 11)],
      addresses: [
        { ...ref('Condition', 9), extension: rank(1) },
        { ...ref('Condition', 10), extension: rank(2) },
      ],
      goal: [ref('Goal', 8)],
      activity: [{ outcomeReference: [ref('Observation', 6)] }],
    }),
    r(14, 'kl-reporting-ffb-intervention', {
      resourceType: 'CarePlan',
      basedOn: [ref('CarePlan', 13)],
      status: 'active',
      intent: 'order',
      subject,
      created: '2021-05-29T16:10:23Z',
      period: { start: '2021-05-29' },
      activity: [{ detail: { code: ffb(C.dagligeOpgaver), status: 'in-progress' } }],
    }),
    r(15, 'kl-reporting-ffb-followUp', {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [FIXED_CODES.followUp] },
      subject,
      focus: [ref('CarePlan', 13)],
      effectiveDateTime: '2021-06-18',
      valueCodeableConcept: ffb(C.fortsaettelse),
    }),
  ];
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: '2021-06-18T16:53:11Z',
    entry: resources.map((res) => ({ fullUrl: `${res.resourceType}/${res.id}`, resource: res })),
  };
}

function at<T extends Resource>(b: Bundle, n: number): T {
  const found = b.entry?.find((e) => e.resource?.id === id(n))?.resource;
  if (!found) throw new Error(`no resource ${n}`);
  return found as T;
}

type Case = [ruleId: string, what: string, mutate: (b: Bundle) => void];

/** Each rule, broken once: the report must be refused naming that rule. */
const BROKEN: Case[] = [
  [
    'report.one-citizen',
    'a second citizen',
    (b) => b.entry?.push({ fullUrl: `Patient/${id(99)}`, resource: { ...at(b, 1), id: id(99) } }),
  ],
  [
    'report.entry-profile',
    'a condition without a reporting profile',
    (b) =>
      Object.assign(at(b, 3), {
        meta: { profile: ['http://hl7.org/fhir/StructureDefinition/Condition'], lastUpdated: '2021-05-29T00:00:00Z' },
      }),
  ],
  [
    'report.entry-profile',
    'a CareTeam claiming the care plan profile',
    (b) =>
      Object.assign(at(b, 11), {
        meta: { profile: [profileUrl('kl-reporting-ffb-carePlan')], lastUpdated: '2021-05-29T00:00:00Z' },
      }),
  ],
  [
    'report.meta',
    'no lastUpdated',
    (b) => Object.assign(at(b, 2), { meta: { profile: [profileUrl('kl-reporting-ffb-serviceRequest')] } }),
  ],
  [
    'report.uuid-ids',
    'an id that is not a UUID',
    (b) => {
      const e = b.entry?.[1];
      if (e?.resource) {
        e.resource.id = 'sag-1';
        e.fullUrl = 'ServiceRequest/sag-1';
      }
    },
  ],
  [
    'report.uuid-ids',
    'a fullUrl that disagrees with the id',
    (b) => {
      const e = b.entry?.[1];
      if (e) e.fullUrl = `ServiceRequest/${id(77)}`;
    },
  ],
  [
    'report.references-included',
    'a reference to a resource not in the report',
    (b) => {
      b.entry = b.entry?.filter((e) => e.resource?.id !== id(12));
    },
  ],
  [
    'report.subject-citizen',
    'a condition about someone else',
    (b) => {
      at<Condition>(b, 3).subject = ref('Patient', 98);
    },
  ],
  [
    'report.no-free-text',
    'a note on a condition',
    (b) => {
      at<Condition>(b, 3).note = [{ text: 'Børge har det svært' }];
    },
  ],
  [
    'report.no-free-text',
    'narrative text',
    (b) => Object.assign(at(b, 13), { text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' } }),
  ],
  [
    'report.no-free-text',
    'a display on a reference',
    (b) => {
      at<Condition>(b, 3).subject = { ...subject, display: 'Børge Mogensen' };
    },
  ],
  [
    'report.no-free-text',
    'a text on a code',
    (b) => {
      at<Condition>(b, 4).code = { ...ffb(C.samspil), text: 'samspil' };
    },
  ],
  [
    'citizen.cpr',
    'a substitute CPR number (day + 60)',
    (b) => {
      const p = at<Patient>(b, 1);
      if (p.identifier?.[0]) p.identifier[0].value = '6101814321';
    },
  ],
  [
    'citizen.cpr',
    'a date that does not exist (30 February)',
    (b) => {
      const p = at<Patient>(b, 1);
      if (p.identifier?.[0]) p.identifier[0].value = '3002814321';
    },
  ],
  [
    'citizen.organisation',
    'an organisation code that is not a UUID',
    (b) => {
      const p = at<Patient>(b, 1);
      if (p.managingOrganization?.identifier) p.managingOrganization.identifier.value = '760';
    },
  ],
  [
    'service-request.case-number',
    'no case number',
    (b) => {
      delete (at(b, 2) as { extension?: unknown }).extension;
    },
  ],
  [
    'information-gathering.service-request',
    'no service request',
    (b) => {
      delete (at(b, 7) as { extension?: unknown }).extension;
    },
  ],
  [
    'information-gathering.findings',
    'a finding that is a target group',
    (b) => {
      const ig = at<{ finding: unknown[] } & Resource>(b, 7);
      ig.finding.push({ itemReference: ref('Condition', 9) });
    },
  ],
  [
    'information-gathering.investigation',
    'a conclusion that is a follow-up',
    (b) => {
      const ig = at<{ investigation: { item: unknown[] }[] } & Resource>(b, 7);
      ig.investigation[0]?.item.push(ref('Observation', 15));
    },
  ],
  [
    'condition.code',
    'a theme instead of a condition',
    (b) => {
      at<Condition>(b, 4).code = ffb(C.relationer);
    },
  ],
  [
    'condition.code',
    'an unknown FFB code',
    (b) => {
      at<Condition>(b, 3).code = ffb('11111111-2222-4333-8444-555555555555');
    },
  ],
  [
    'condition.code',
    'another code system',
    (b) => {
      at<Condition>(b, 3).code = { coding: [{ system: 'http://snomed.info/sct', code: '64572001' }] };
    },
  ],
  [
    'kl-reporting-ffb-condition-1',
    'a functional level on a condition outside Aktivitet og deltagelse',
    (b) => {
      at<Condition>(b, 3).severity = ffb(C.moderat);
    },
  ],
  [
    'kl-reporting-ffb-condition-1',
    'an Aktivitet og deltagelse condition without a functional level',
    (b) => {
      delete at<Condition>(b, 4).severity;
    },
  ],
  [
    'condition.severity',
    'a support need given as functional level',
    (b) => {
      at<Condition>(b, 4).severity = ffb(C.letStoette);
    },
  ],
  [
    'condition.extension',
    'an unknown extension',
    (b) => {
      at<Condition>(b, 3).extension = [{ url: 'http://example.org/x', valueString: 'x' }];
    },
  ],
  [
    'target-group.code',
    'a service code as target group',
    (b) => {
      at<Condition>(b, 9).code = ffb(C.dagligeOpgaver);
    },
  ],
  [
    'kl-reporting-ffb-intervention-goal-1',
    'a goal addressing a condition outside Aktivitet og deltagelse',
    (b) => {
      at<Goal>(b, 8).addresses?.push({ ...ref('Condition', 3), extension: rank(2) });
    },
  ],
  [
    'kl-reporting-ffb-intervention-goal-2',
    'a goal with two primary conditions',
    (b) => {
      const a = at<Goal>(b, 8).addresses?.[1];
      if (a) a.extension = rank(1);
    },
  ],
  [
    'kl-reporting-ffb-intervention-goal-2',
    'a goal with no primary condition',
    (b) => {
      const a = at<Goal>(b, 8).addresses?.[0];
      if (a) a.extension = rank(2);
    },
  ],
  [
    'goal.rank',
    'a rank of 3',
    (b) => {
      const a = at<Goal>(b, 8).addresses?.[1];
      if (a) a.extension = rank(3);
    },
  ],
  [
    'goal.targets',
    'a goal without a goal type',
    (b) => {
      const g = at<Goal>(b, 8);
      g.target = g.target?.slice(1);
    },
  ],
  [
    'goal.targets',
    'a support need as the target level',
    (b) => {
      const t = at<Goal>(b, 8).target?.[1];
      if (t) t.detailCodeableConcept = ffb(C.letStoette);
    },
  ],
  [
    'care-plan.case-number',
    'a care plan without a case number',
    (b) => {
      const cp = at<CarePlan>(b, 13);
      cp.extension = cp.extension?.filter((e) => e.url !== EXTENSIONS.municipalityCaseNumber);
    },
  ],
  [
    'care-plan.case-number',
    'a case number with use official and an assigner',
    (b) => {
      const cp = at<CarePlan>(b, 13);
      cp.extension = [
        {
          ...caseNumber,
          extension: [
            {
              url: 'municipalitySpecific',
              valueIdentifier: { use: 'official', system: 'x', value: '1', assigner: { display: 'x' } },
            },
          ],
        },
      ];
    },
  ],
  [
    'kl-reporting-ffb-care-plan-1',
    'an open order without a follow-up date',
    (b) => {
      const cp = at<CarePlan>(b, 13);
      cp.extension = cp.extension?.filter((e) => e.url !== EXTENSIONS.followUpDate);
    },
  ],
  [
    'kl-reporting-ffb-care-plan-2',
    'two primary target groups',
    (b) => {
      const a = at<CarePlan>(b, 13).addresses?.[1];
      if (a) a.extension = rank(1);
    },
  ],
  [
    'kl-reporting-ffb-care-plan-4',
    'an open order without a support need',
    (b) => {
      delete at<CarePlan>(b, 13).activity;
    },
  ],
  [
    'kl-reporting-ffb-care-plan-5',
    'an open order without target groups',
    (b) => {
      delete at<CarePlan>(b, 13).addresses;
    },
  ],
  [
    'care-plan.target-groups',
    'a care plan addressing a condition',
    (b) => {
      at<CarePlan>(b, 13).addresses?.push({ ...ref('Condition', 4), extension: rank(2) });
    },
  ],
  [
    'care-plan.goals',
    'a care plan whose goal is a condition',
    (b) => {
      at<CarePlan>(b, 13).goal = [ref('Condition', 4)];
    },
  ],
  [
    'care-plan.service-performer',
    'a care team that is not a service performer',
    (b) => {
      at<CarePlan>(b, 13).careTeam = [ref('Encounter', 12)];
    },
  ],
  [
    'care-plan.evaluation',
    'a support need that is a follow-up result',
    (b) => {
      at<CarePlan>(b, 13).activity = [{ outcomeReference: [ref('Observation', 15)] }];
    },
  ],
  [
    'care-plan.follow-up-encounter',
    'a follow-up date that is not an encounter',
    (b) => {
      const e = at<CarePlan>(b, 13).extension?.find((x) => x.url === EXTENSIONS.followUpDate);
      if (e) e.valueReference = ref('Observation', 6);
    },
  ],
  [
    'intervention.code',
    'a group code instead of a ydelse',
    (b) => {
      const d = at<CarePlan>(b, 14).activity?.[0]?.detail;
      if (d) d.code = ffb(C.socialpaedagogiskStoette);
    },
  ],
  [
    'intervention.code',
    'the excluded "with volunteers" code',
    (b) => {
      const d = at<CarePlan>(b, 14).activity?.[0]?.detail;
      if (d) d.code = ffb(C.frivillige);
    },
  ],
  [
    'intervention.care-plan',
    'an intervention based on another intervention',
    (b) => {
      at<CarePlan>(b, 14).basedOn = [ref('CarePlan', 14)];
    },
  ],
  ['service-performer.category', 'a parent offer type', (b) => Object.assign(at(b, 11), { category: [ffb(C.botilbudParent)] })],
  [
    'care-evaluation.value',
    'a functional level as support need',
    (b) => {
      at<Observation>(b, 6).valueCodeableConcept = ffb(C.moderat);
    },
  ],
  [
    'kl-reporting-ffb-follow-up-1',
    'a preliminary follow-up',
    (b) => {
      at<Observation>(b, 15).status = 'preliminary';
    },
  ],
  [
    'follow-up.value',
    'a support need as follow-up result',
    (b) => {
      at<Observation>(b, 15).valueCodeableConcept = ffb(C.letStoette);
    },
  ],
  [
    'follow-up.care-plan',
    'a follow-up on an intervention',
    (b) => {
      at<Observation>(b, 15).focus = [ref('CarePlan', 14)];
    },
  ],
];

describe('FFB rules of the delivery report', () => {
  it('pass a valid report of every resource kind', () => {
    expect(checkFfbRules(validBundle(), codes)).toEqual([]);
  });

  it.each(BROKEN)('%s: %s is refused, naming the rule', (ruleId, _what, mutate) => {
    const b = validBundle();
    mutate(b);
    const violations = checkFfbRules(b, codes);
    expect(violations.map((v) => v.rule)).toContain(ruleId);
    const v = violations.find((x) => x.rule === ruleId);
    expect(v?.message.da.length).toBeGreaterThan(10);
    expect(v?.message.en.length).toBeGreaterThan(10);
  });

  it('every rule has a case that breaks it, and every rule names its source in the guide', () => {
    const tested = new Set(BROKEN.map(([r]) => r));
    expect(FFB_RULES.map((r) => r.id).filter((r) => !tested.has(r))).toEqual([]);
    for (const rule of FFB_RULES) expect(rule.source.length).toBeGreaterThan(5);
  });
});

describe('KL value sets over FFB 20240530', () => {
  const cases: [FfbValueSetName, string, boolean][] = [
    ['KLConditionADCodesFFB', C.samspil, true],
    ['KLConditionADCodesFFB', C.relationer, false], // descendent-of excludes the theme itself
    ['KLConditionADCodesFFB', C.bevidsthed, false],
    ['KLConditionFFCodesFFB', C.bevidsthed, true],
    ['KLConditionOCodesFFB', C.boligomraade, true],
    ['KLConditionCodesFFB', C.boligomraade, true],
    ['KLConditionCodesFFB', C.udviklingsforstyrrelse, false],
    ['KLTargetGroupsFFB', C.udviklingsforstyrrelse, true],
    ['KLConditionsAndTargetGroupsFFB', C.selvmord, true],
    ['KLSeveritiesFFB', C.moderat, true],
    ['KLSeveritiesFFB', C.letStoette, false],
    ['KLNeedsAssessmentCodesFFB', C.letStoette, true],
    ['KLChangeValueCodesFFB', C.fastholde, true],
    ['KLFollowUpCodesFFB', C.fortsaettelse, true],
    ['KLInterventionsFFB', C.dagligeOpgaver, true],
    ['KLInterventionsFFB', C.socialpaedagogiskStoette, false],
    ['KLInterventionsFFB', C.frivillige, false],
    ['KLInterventionsFFB', 'b6e1f331-fccf-4a33-8bb6-566546edc405', true], // a child of the excluded code stays in
    ['KLServiceCodesFFB', C.botilbud, true],
    ['KLServiceCodesFFB', C.botilbudParent, false],
    ['KLServiceCodesFFB', '11111111-2222-4333-8444-555555555555', false],
  ];
  it.each(cases)('%s contains %s: %s', (vs, code, expected) => {
    expect(inValueSet(vs, code, codes)).toBe(expected);
  });

  it('names only codes and roots that exist in the loaded FFB code system', () => {
    for (const vs of Object.values(FFB_VALUE_SETS)) {
      for (const code of [...(vs.codes ?? []), ...(vs.descendantsOf ?? []), ...(vs.exclude ?? [])]) {
        expect(codes.has(code), `${vs.title}: ${code}`).toBe(true);
      }
    }
  });
});
