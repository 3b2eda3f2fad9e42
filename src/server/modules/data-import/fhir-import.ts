import type {
  Bundle,
  CarePlan,
  ClinicalImpression,
  Condition,
  Encounter,
  Extension,
  Goal,
  Observation,
  Patient,
  Reference,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import {
  conditionIssues,
  goalIssues,
  supportNeedIssues,
  targetGroupIssues,
} from '../../../rules/ffb-reporting/ffb-capture-rules.ts';
import { EXTENSIONS, FIXED_CODES, profileUrl } from '../../../rules/ffb-reporting/ffb-profiles.ts';
import { parseCpr } from '../../../shared/cpr/cpr.ts';
import { isPlainDate, type PlainDate } from '../../../shared/plain-date.ts';
import type { RequestContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/tx.ts';
import { ffbCodeIndex } from '../catalogue/index.ts';
import { ffbBundleReader } from '../ffb-reporting/index.ts';
import { type Plan, planOf, type Row, themesOf } from './cases-import.ts';
import type { Checked } from './data-import.service.ts';
import type { Problem } from './row-problems.ts';

/**
 * Citizens and their cases from FFB delivery reports (KL's FFB uddatasæt, kl.dk.fhir.ffbreporting 1.0.0): the
 * collection Bundles Visitator's own FFB report produces and those of the guide's worked example, as one Bundle, a
 * JSON array of Bundles or one Bundle a line (NDJSON). Every Bundle is first validated as Visitator validates a report
 * before sending it; every problem is shown with the Bundle's number ("line"), the entry's index and resource, the rule
 * and the reason. Later Bundles update what earlier ones said (the guide: the same id is an update). Each
 * ServiceRequest becomes a case (by its case number; one already here is not imported again) with its latest
 * information gathering as the assessment: the support need, the FFB conditions with their levels, the goals and the
 * target groups. The report carries no name, paragraph, frame, reasons or provider (the guide forbids free text and
 * identifying details beyond the CPR number), so an FFB report gives no decision or order: a care plan's services,
 * period and follow-up date are written in the case's journal, and its decision deadline counts as met on the care
 * plan's start.
 */
export const UNKNOWN_NAME = 'Ukendt navn';

type Entry = { bundle: number; index: number; resource: Resource; at: string };

const refOf = (r: Resource) => `${r.resourceType}/${r.id ?? ''}`;
const profileOf = (r: Resource) => r.meta?.profile?.[0] ?? '';
const is = (r: Resource, profile: string) => profileOf(r) === profileUrl(profile);
const codeOf = (c: { coding?: { code?: string }[] } | undefined) => c?.coding?.[0]?.code ?? null;
const dateOf = (v: string | undefined) => (v ? v.slice(0, 10) : null);
const ext = (r: { extension?: Extension[] }, url: string) => (r.extension ?? []).filter((e) => e.url === url);
const rankOf = (r: { extension?: Extension[] }) => ext(r, EXTENSIONS.conditionRank)[0]?.valuePositiveInt ?? null;
const caseNumberOf = (r: { extension?: Extension[] }) =>
  ext(r, EXTENSIONS.municipalityCaseNumber)[0]?.extension?.find((e) => e.url === 'municipalitySpecific')?.valueIdentifier
    ?.value ?? null;

/** The file's Bundles: one Bundle, a JSON array of them, a collection of Bundles, or one a line (NDJSON). */
export function bundlesOf(text: string): { ok: true; bundles: unknown[] } | { ok: false; line: number } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  try {
    const whole = JSON.parse(trimmed) as unknown;
    if (Array.isArray(whole)) return { ok: true, bundles: whole };
    const b = whole as Bundle;
    const inner = (b.entry ?? []).map((e) => e.resource);
    if (b.resourceType === 'Bundle' && inner.length > 0 && inner.every((r) => r?.resourceType === 'Bundle'))
      return { ok: true, bundles: inner };
    return { ok: true, bundles: [whole] };
  } catch {
    const lines = trimmed.split(/\r?\n/);
    const bundles: unknown[] = [];
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      try {
        bundles.push(JSON.parse(line));
      } catch {
        return { ok: false, line: i + 1 };
      }
    }
    return { ok: true, bundles };
  }
}

/** The FHIR dates a case is built from must exist (FHIR's own pattern lets 2021-02-30 through) and be past. */
function dateProblems(entry: Entry, path: string, value: string | undefined, today: PlainDate, at: (p: Problem) => void) {
  if (!value) return;
  const d = value.slice(0, 10);
  if (!isPlainDate(d)) at({ line: entry.bundle, field: fieldOf(entry, path), key: 'import.date.invalid', value });
  else if (d > today) at({ line: entry.bundle, field: fieldOf(entry, path), key: 'import.date.future', value });
}

const fieldOf = (e: Entry, path: string) => `entry[${e.index}] ${e.resource.resourceType}${path ? `.${path}` : ''}`;

export async function checkFhirFile(tx: Tx, ctx: RequestContext, text: string): Promise<Checked<Plan>> {
  const problems: Problem[] = [];
  const parsed = bundlesOf(text);
  if (!parsed.ok) {
    return {
      rowCount: 0,
      problems: [{ line: parsed.line, field: '(fil)', key: 'import.fhir.json', value: '' }],
      counts: {},
      plan: { rows: [], existingCases: 0 },
    };
  }
  const { codes, displays } = await ffbCodeIndex(tx);
  const organisation = await ffbBundleReader.organisationCode(tx, ctx.actor.municipalityId);
  const today = ctx.clock.today();
  const at = (p: Problem) => problems.push(p);

  // 1. Every Bundle as a report is checked before it is sent; the resources of the clean ones, later ones winning.
  const latest = new Map<string, Entry>();
  for (const [i, raw] of parsed.bundles.entries()) {
    const line = i + 1;
    const bundle = raw as Bundle;
    if (bundle?.resourceType !== 'Bundle' || !Array.isArray(bundle.entry)) {
      at({ line, field: 'resourceType', key: 'import.fhir.notBundle', value: String(bundle?.resourceType ?? '') });
      continue;
    }
    const entries = bundle.entry.flatMap((e, index) =>
      e.resource ? [{ bundle: line, index, resource: e.resource, at: bundle.timestamp ?? '' }] : [],
    );
    const byRef = new Map(entries.map((e) => [refOf(e.resource), e]));
    const before = problems.length;
    for (const v of ffbBundleReader.validate(bundle, codes)) {
      const entry = byRef.get(v.resource);
      at({
        line,
        field: entry ? fieldOf(entry, '') : 'Bundle',
        key: v.rule,
        value: v.value ?? v.resource,
        message: v.message,
      });
    }
    for (const e of entries) {
      const r = e.resource;
      if (r.resourceType === 'Patient') {
        const org = (r as Patient).managingOrganization?.identifier?.value;
        if (organisation && org && org !== organisation)
          at({ line, field: fieldOf(e, 'managingOrganization'), key: 'import.fhir.organisation', value: org });
        const cpr = (r as Patient).identifier?.[0]?.value ?? '';
        const p = parseCpr(cpr);
        if (!p.ok) at({ line, field: fieldOf(e, 'identifier'), key: p.reason, value: cpr });
      }
      if (r.resourceType === 'ClinicalImpression')
        dateProblems(e, 'effectiveDateTime', (r as ClinicalImpression).effectiveDateTime, today, at);
      if (r.resourceType === 'Condition') dateProblems(e, 'recordedDate', (r as Condition).recordedDate, today, at);
      if (r.resourceType === 'Observation') dateProblems(e, 'effectiveDateTime', (r as Observation).effectiveDateTime, today, at);
      if (r.resourceType === 'CarePlan') dateProblems(e, 'period.start', (r as CarePlan).period?.start, today, at);
    }
    if (problems.length > before) continue;
    for (const e of entries) {
      const ref = refOf(e.resource);
      const known = latest.get(ref);
      if (!known || known.at <= e.at) latest.set(ref, e);
    }
  }

  // 2. Each ServiceRequest → a case with its latest assessment.
  const get = <T extends Resource>(ref: Reference | undefined) =>
    ref?.reference ? (latest.get(ref.reference)?.resource as T | undefined) : undefined;
  const all = [...latest.values()];
  const requests = all.filter((e) => e.resource.resourceType === 'ServiceRequest');
  const rows: Row[] = [];
  const seen = new Set<string>();
  for (const sr of requests) {
    const request = sr.resource as ServiceRequest;
    const caseNumber = caseNumberOf(request);
    const patient = get<Patient>(request.subject);
    const cpr = parseCpr(patient?.identifier?.[0]?.value ?? '');
    if (!caseNumber || !cpr.ok) continue;
    const caseField = fieldOf(sr, 'extension');
    if (seen.has(caseNumber)) {
      at({ line: sr.bundle, field: caseField, key: 'import.duplicate', value: caseNumber });
      continue;
    }
    seen.add(caseNumber);
    if (request.status !== 'active') continue;
    const ref = refOf(request);
    const gatherings = all
      .map((e) => e.resource)
      .filter(
        (r): r is ClinicalImpression =>
          r.resourceType === 'ClinicalImpression' &&
          ext(r as ClinicalImpression, EXTENSIONS.basedOnServiceRequest)[0]?.valueReference?.reference === ref,
      )
      .sort((a, b) => (a.effectiveDateTime ?? '').localeCompare(b.effectiveDateTime ?? ''));
    const gathering = gatherings.at(-1);
    const conditions = (gathering?.finding ?? []).flatMap((f) => {
      const c = get<Condition>(f.itemReference);
      const code = c ? codeOf(c.code) : null;
      return c && code && c.clinicalStatus?.coding?.[0]?.code !== 'resolved' ? [{ code, levelCode: codeOf(c.severity) }] : [];
    });
    const evaluation = gathering?.investigation?.flatMap((i) => i.item ?? []).map((i) => get<Observation>(i))[0];
    const supportNeedCode = evaluation ? codeOf(evaluation.valueCodeableConcept) : null;
    const carePlans = all
      .map((e) => e.resource)
      .filter((r): r is CarePlan => r.resourceType === 'CarePlan' && is(r, 'kl-reporting-ffb-carePlan'))
      .filter((p) => caseNumberOf(p) === caseNumber)
      .sort((a, b) => (a.period?.start ?? '').localeCompare(b.period?.start ?? ''));
    const open = carePlans.filter((p) => p.status !== 'completed');
    const onlyRequest = requests.length === 1;
    // Goals and target groups hang on the care plan; before there is one, on the citizen's only request.
    const goalResources = carePlans.length
      ? carePlans.flatMap((p) => (p.goal ?? []).map((g) => get<Goal>(g)).filter((g): g is Goal => !!g))
      : onlyRequest
        ? all.map((e) => e.resource).filter((r): r is Goal => r.resourceType === 'Goal')
        : [];
    const goals = [...new Map(goalResources.map((g) => [g.id, g])).values()]
      .filter((g) => g.lifecycleStatus === 'active')
      .slice(0, 3)
      .flatMap((g) => {
        const primary = (g.addresses ?? []).find((a) => rankOf(a) === 1);
        const target = (code: string) => g.target?.find((t) => codeOf(t.measure) === code)?.detailCodeableConcept;
        const primaryCode = codeOf(get<Condition>(primary)?.code);
        const level = codeOf(target(FIXED_CODES.goalMeasureLevel.code));
        const type = codeOf(target(FIXED_CODES.goalMeasureType.code));
        if (!primaryCode || !level || !type) return [];
        return [
          {
            primaryConditionCode: primaryCode,
            secondaryConditionCodes: (g.addresses ?? [])
              .filter((a) => rankOf(a) === 2)
              .flatMap((a) => codeOf(get<Condition>(a)?.code) ?? []),
            targetLevelCode: level,
            goalTypeCode: type,
          },
        ];
      });
    const groupRefs = carePlans.length
      ? ((open.at(-1) ?? carePlans.at(-1))?.addresses ?? [])
      : onlyRequest
        ? all
            .map((e) => e.resource)
            .filter((r) => r.resourceType === 'Condition' && is(r, 'kl-reporting-ffb-targetGroup'))
            .map((r, i) => ({
              reference: refOf(r),
              extension: [{ url: EXTENSIONS.conditionRank, valuePositiveInt: i === 0 ? 1 : 2 }],
            }))
        : [];
    const targetGroups = [
      ...new Map(
        groupRefs.flatMap((a) => {
          const code = codeOf(get<Condition>(a)?.code);
          return code ? [[code, { code, rank: (rankOf(a) === 1 ? 1 : 2) as 1 | 2 }] as const] : [];
        }),
      ).values(),
    ];
    const assessedOn = dateOf(gathering?.effectiveDateTime) as PlainDate | null;
    const dates = [
      assessedOn,
      ...carePlans.map((p) => dateOf(p.period?.start)),
      ...(gathering?.finding ?? []).map((f) => dateOf(get<Condition>(f.itemReference)?.recordedDate)),
    ].filter((d): d is string => !!d && isPlainDate(d.slice(0, 10)));
    const receivedOn = (dates.sort()[0] ?? today) as PlainDate;
    // The same checks as the assessment form and the CSV import.
    const gField = gathering ? fieldOf(latest.get(refOf(gathering)) as Entry, 'finding') : caseField;
    for (const i of conditionIssues(conditions, codes)) at({ line: sr.bundle, field: gField, key: i.key, value: i.path });
    for (const i of goalIssues(goals, new Set(conditions.map((c) => c.code)), codes))
      at({ line: sr.bundle, field: fieldOf(sr, 'goal'), key: i.key, value: i.path });
    for (const i of targetGroupIssues(targetGroups, codes))
      at({ line: sr.bundle, field: fieldOf(sr, 'addresses'), key: i.key, value: i.path });
    for (const i of supportNeedIssues(supportNeedCode, codes)) at({ line: sr.bundle, field: gField, key: i.key, value: i.path });
    const plan = open.at(-1);
    const services = plan
      ? all
          .map((e) => e.resource)
          .filter(
            (r): r is CarePlan =>
              r.resourceType === 'CarePlan' &&
              is(r, 'kl-reporting-ffb-intervention') &&
              (r as CarePlan).basedOn?.some((b) => b.reference === refOf(plan)) === true,
          )
      : [];
    const followUp = plan ? get<Encounter>(ext(plan, EXTENSIONS.followUpDate)[0]?.valueReference) : undefined;
    const names = servicesText(services, displays);
    rows.push({
      line: sr.bundle,
      caseNumberField: caseField,
      citizen: {
        cpr: cpr.cpr,
        substitute: cpr.substitute,
        birthDate: cpr.birthDate,
        firstName: '',
        lastName: UNKNOWN_NAME,
        address: null,
        postalCode: null,
        city: null,
        phone: null,
        email: null,
      },
      caseNumber,
      receivedOn,
      channel: 'letter',
      what: 'Indlæst fra FFB-indberetning',
      dayOffer: false,
      assessment: assessedOn
        ? { assessedOn, supportNeedCode, themes: themesOf(conditions, codes), conditions, goals, targetGroups }
        : null,
      decision: null,
      order: null,
      decidedBy: plan ? (dateOf(plan.period?.start) as PlainDate | null) : null,
      note: plan
        ? `Indsatsforløb fra ${dateOf(plan.period?.start)}${names ? ` med ydelserne ${names}` : ''}${
            followUp?.period?.start ? `, opfølgning ${dateOf(followUp.period.start)}` : ''
          }: afgørelse og bestilling registreres i Visitator.`
        : '',
    });
  }
  return planOf(tx, ctx, parsed.bundles.length, rows, problems);
}

/** The FFB services of a care plan by name, for the journal. */
function servicesText(services: readonly CarePlan[], displays: ReadonlyMap<string, string>): string {
  return services
    .flatMap((s) => s.activity?.[0]?.detail?.code?.coding?.[0]?.code ?? [])
    .map((code) => displays.get(code) ?? code)
    .join(', ');
}
