import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { borgeAfterAppropriation } from '../../../../tests/support/ffb-fixtures.ts';
import { mapCitizen } from './ffb-mapping.ts';
import { assembleReport, codeIndexOf, type LedgerResource, validateReport } from './ffb-report.ts';
import type { FfbCitizenSnapshot } from './ffb-snapshot.ts';
import { preloadFhirDefinitions } from './fhir-validation.ts';

const codes = codeIndexOf(JSON.parse(readFileSync('policy/standards/kl-term/CodeSystem-FFB.json', 'utf8')));
const NS = '6a1c3f52-6f0e-4b7c-9a55-0d7f3c7b2e11';

const ledger = (s: FfbCitizenSnapshot): LedgerResource[] =>
  mapCitizen(s, NS).map((m) => ({
    id: m.resource.id ?? '',
    profile: m.profile,
    resource: m.resource,
    lastUpdated: '2021-05-29T17:13:41Z',
  }));

// The FHIR definitions load once (about a second, more on a busy machine).
beforeAll(() => preloadFhirDefinitions(), 60_000);

describe('the delivery report of a citizen', () => {
  it('maps, assembles and validates with no violation', () => {
    const all = ledger(borgeAfterAppropriation());
    const bundle = assembleReport(all, new Set(all.map((r) => r.id)), '2021-05-29T17:13:41Z');
    expect(validateReport(bundle, codes)).toEqual([]);
    expect(bundle.entry?.length).toBe(all.length);
  });

  it('gives the same record the same id in every report, and another municipality another id', () => {
    const a = mapCitizen(borgeAfterAppropriation(), NS).map((m) => m.resource.id);
    const b = mapCitizen(borgeAfterAppropriation(), NS).map((m) => m.resource.id);
    const other = mapCitizen(borgeAfterAppropriation(), '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9').map((m) => m.resource.id);
    expect(a).toEqual(b);
    expect(a.filter((id) => other.includes(id))).toEqual([]);
  });

  it('takes a changed resource with everything it refers to, and nothing else', () => {
    const all = ledger(borgeAfterAppropriation());
    const goal = all.find((r) => r.resource.resourceType === 'Goal');
    const bundle = assembleReport(all, new Set([goal?.id ?? '']), '2021-05-29T17:13:41Z');
    const types = (bundle.entry ?? []).map((e) => e.resource?.resourceType).sort();
    // The goal, its three conditions and the citizen.
    expect(types).toEqual(['Condition', 'Condition', 'Condition', 'Goal', 'Patient']);
    expect(validateReport(bundle, codes)).toEqual([]);
  });

  it('refuses a report whose structure breaks a profile, naming the profile and path', () => {
    const all = ledger(borgeAfterAppropriation());
    const bundle = assembleReport(all, new Set(all.map((r) => r.id)), '2021-05-29T17:13:41Z');
    const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource as { name?: unknown };
    patient.name = [{ family: 'Mogensen' }];
    const v = validateReport(bundle, codes);
    expect(v.map((x) => x.rule)).toContain('kl-reporting-ffb-citizen');
    expect(v.find((x) => x.rule === 'kl-reporting-ffb-citizen')?.value).toContain('Patient.name');
  });
});
