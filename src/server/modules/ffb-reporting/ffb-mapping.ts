import { createHash } from 'node:crypto';
import type {
  CarePlan,
  CareTeam,
  ClinicalImpression,
  Coding,
  Condition,
  Encounter,
  Extension,
  Goal,
  Observation,
  Patient,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { CPR_SYSTEM, EXTENSIONS, FIXED_CODES, KOMBIT_ORGANISATION_SYSTEM } from '../../../rules/ffb-reporting/ffb-profiles.ts';
import { FFB_SYSTEM } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import type { FfbCarePlan, FfbCitizenSnapshot, FfbGathering, FfbRequest } from './ffb-snapshot.ts';

/**
 * Visitator's FFB data for one citizen → the resources of KL's delivery report (kl.dk.fhir.ffbreporting 1.0.0).
 * Pure: ids are UUIDs derived from the municipality and the record a resource comes from (RFC 4122 version 5), so the
 * same record always gets the same id (the guide: the same id is an update) without storing a map.
 */
export type MappedResource = { key: string; profile: string; resource: Resource };

/** RFC 4122 § 4.3: a name-based UUID (SHA-1) in a namespace. */
export function uuidV5(namespace: string, name: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const ffb = (code: string): Coding => ({ system: FFB_SYSTEM, code });
const rank = (n: 1 | 2): Extension[] => [{ url: EXTENSIONS.conditionRank, valuePositiveInt: n }];

export function mapCitizen(snapshot: FfbCitizenSnapshot, namespace: string): MappedResource[] {
  const idOf = (key: string) => uuidV5(namespace, key);
  const out: MappedResource[] = [];
  const seen = new Set<string>();
  const add = (key: string, profile: string, resource: Resource) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, profile, resource: { ...resource, id: idOf(key) } as Resource });
  };
  const ref = (type: string, key: string): { reference: string } => ({ reference: `${type}/${idOf(key)}` });

  const citizenKey = `citizen:${snapshot.citizenId}`;
  const subject = ref('Patient', citizenKey);
  add(citizenKey, 'kl-reporting-ffb-citizen', {
    resourceType: 'Patient',
    identifier: [{ use: 'official', system: CPR_SYSTEM, value: snapshot.cpr }],
    managingOrganization: {
      identifier: { use: 'official', system: KOMBIT_ORGANISATION_SYSTEM, value: snapshot.organisationCode },
    },
  } satisfies Patient);

  const caseNumber = (r: FfbRequest): Extension => ({
    url: EXTENSIONS.municipalityCaseNumber,
    extension: [
      {
        url: 'municipalitySpecific',
        valueIdentifier: { use: 'usual', system: snapshot.caseNumberSystem, value: r.caseNumber },
      },
    ],
  });

  for (const request of snapshot.requests) {
    const srKey = `service-request:${request.caseId}`;
    add(srKey, 'kl-reporting-ffb-serviceRequest', {
      resourceType: 'ServiceRequest',
      extension: [caseNumber(request)],
      status: request.status,
      intent: 'proposal',
      subject,
    } satisfies ServiceRequest);

    for (const tg of request.targetGroups) {
      add(tg.key, 'kl-reporting-ffb-targetGroup', {
        resourceType: 'Condition',
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: tg.clinicalStatus }],
        },
        code: { coding: [ffb(tg.code)] },
        subject,
        recordedDate: tg.recordedOn,
      } satisfies Condition);
    }

    for (const g of request.gatherings) mapGathering(g, srKey);
    for (const cp of request.carePlans) mapCarePlan(cp, request);
  }
  return out;

  function mapGathering(g: FfbGathering, srKey: string) {
    for (const c of g.conditions) {
      add(c.key, 'kl-reporting-ffb-condition', {
        resourceType: 'Condition',
        ...(c.lastAssertedOn
          ? { extension: [{ url: EXTENSIONS.conditionLastAssertedDate, valueDateTime: c.lastAssertedOn }] }
          : {}),
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: c.clinicalStatus }],
        },
        verificationStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
        },
        ...(c.severityCode ? { severity: { coding: [ffb(c.severityCode)] } } : {}),
        code: { coding: [ffb(c.code)] },
        subject,
        recordedDate: c.recordedOn,
      } satisfies Condition);
    }
    if (g.evaluation) mapEvaluation(g.evaluation);
    for (const goal of g.goals) {
      add(goal.key, 'kl-reporting-ffb-interventionGoal', {
        resourceType: 'Goal',
        lifecycleStatus: goal.lifecycleStatus,
        category: [{ coding: [FIXED_CODES.goalCategory] }],
        description: { coding: [FIXED_CODES.goalDescription] },
        subject,
        target: [
          { measure: { coding: [FIXED_CODES.goalMeasureType] }, detailCodeableConcept: { coding: [ffb(goal.goalTypeCode)] } },
          { measure: { coding: [FIXED_CODES.goalMeasureLevel] }, detailCodeableConcept: { coding: [ffb(goal.targetLevelCode)] } },
        ],
        addresses: [
          { ...ref('Condition', goal.primaryConditionKey), extension: rank(1) },
          ...goal.secondaryConditionKeys.map((k) => ({ ...ref('Condition', k), extension: rank(2) })),
        ],
      } satisfies Goal);
    }
    add(g.key, 'kl-reporting-ffb-informationGathering', {
      resourceType: 'ClinicalImpression',
      extension: [{ url: EXTENSIONS.basedOnServiceRequest, valueReference: ref('ServiceRequest', srKey) }],
      status: g.status,
      subject,
      effectiveDateTime: g.effectiveAt,
      ...(g.conditions.length ? { finding: g.conditions.map((c) => ({ itemReference: ref('Condition', c.key) })) } : {}),
      ...(g.evaluation
        ? { investigation: [{ code: { coding: [FIXED_CODES.careEvaluation] }, item: [ref('Observation', g.evaluation.key)] }] }
        : {}),
    } satisfies ClinicalImpression);
  }

  function mapEvaluation(e: { key: string; code: string; effectiveOn: string }) {
    add(e.key, 'kl-reporting-ffb-careEvaluation', {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [FIXED_CODES.careEvaluation] },
      subject,
      valueCodeableConcept: { coding: [ffb(e.code)] },
      effectiveDateTime: e.effectiveOn,
    } satisfies Observation);
  }

  function mapCarePlan(cp: FfbCarePlan, request: FfbRequest) {
    const performerKey = cp.offerTypeCode ? `service-performer:${snapshot.citizenId}:${cp.offerTypeCode}` : null;
    if (performerKey && cp.offerTypeCode) {
      add(performerKey, 'kl-reporting-ffb-servicePerformer', {
        resourceType: 'CareTeam',
        category: [{ coding: [ffb(cp.offerTypeCode)] }],
        subject,
      } satisfies CareTeam);
    }
    const encounterKey = cp.followUpOn ? `follow-up-encounter:${snapshot.citizenId}:${cp.followUpOn}` : null;
    if (encounterKey && cp.followUpOn) {
      add(encounterKey, 'kl-reporting-ffb-followUpEncounter', {
        resourceType: 'Encounter',
        status: 'planned',
        class: FIXED_CODES.followUpEncounterClass,
        type: [{ coding: [FIXED_CODES.followUpEncounterType] }],
        subject,
        period: { start: cp.followUpOn },
      } satisfies Encounter);
    }
    if (cp.evaluation) mapEvaluation(cp.evaluation);
    add(cp.key, 'kl-reporting-ffb-carePlan', {
      resourceType: 'CarePlan',
      extension: [
        caseNumber(request),
        ...(encounterKey ? [{ url: EXTENSIONS.followUpDate, valueReference: ref('Encounter', encounterKey) }] : []),
      ],
      status: cp.status,
      intent: cp.intent,
      subject,
      period: { start: cp.start, ...(cp.end ? { end: cp.end } : {}) },
      ...(performerKey ? { careTeam: [ref('CareTeam', performerKey)] } : {}),
      ...(cp.targetGroups.length
        ? { addresses: cp.targetGroups.map((t) => ({ ...ref('Condition', t.key), extension: rank(t.rank) })) }
        : {}),
      ...(cp.goalKeys.length ? { goal: cp.goalKeys.map((k) => ref('Goal', k)) } : {}),
      ...(cp.evaluation ? { activity: [{ outcomeReference: [ref('Observation', cp.evaluation.key)] }] } : {}),
    } satisfies CarePlan);
    for (const i of cp.interventions) {
      add(i.key, 'kl-reporting-ffb-intervention', {
        resourceType: 'CarePlan',
        basedOn: [ref('CarePlan', cp.key)],
        status: i.status,
        intent: 'order',
        subject,
        period: { start: i.start, ...(i.end ? { end: i.end } : {}) },
        created: i.createdAt,
        activity: [{ detail: { code: { coding: [ffb(i.code)] }, status: i.activityStatus } }],
      } satisfies CarePlan);
    }
    for (const f of cp.followUps) {
      add(f.key, 'kl-reporting-ffb-followUp', {
        resourceType: 'Observation',
        status: f.status,
        code: { coding: [FIXED_CODES.followUp] },
        subject,
        focus: [ref('CarePlan', cp.key)],
        effectiveDateTime: f.effectiveOn,
        valueCodeableConcept: { coding: [ffb(f.outcomeCode)] },
      } satisfies Observation);
    }
  }
}
