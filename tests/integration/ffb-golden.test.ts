import type {
  Bundle,
  CarePlan,
  CareTeam,
  ClinicalImpression,
  Condition,
  Encounter,
  Goal,
  Observation,
  Patient,
  Resource,
  ServiceRequest,
} from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import { EXTENSIONS, profileUrl } from '../../src/rules/ffb-reporting/ffb-profiles.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Clock } from '../../src/server/platform/clock.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import type { Assessment } from '../../src/shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { DeliveryDetail, DeliveryItem, ReportingSettingsView } from '../../src/shared/ffb-reporting/ffb-reporting.schema.ts';
import { clockInCopenhagen, type PlainDate, plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import { AD_LEVELS, CODE, DAY, DEVIATIONS, deliveries, type Expected, FF_AND_O } from '../golden/kl-ffb-example.ts';
import { loginAs, type Session, testConfig } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';
import { startTestGateway, type TestGateway } from '../support/test-gateway.ts';

/**
 * The golden test: the guide's worked example (Børge Mogensen, seven encounters, five delivery reports) entered
 * through Visitator's API as a caseworker would, with the delivery run after each encounter that gives a report.
 * Each report must hold the example's resources (tests/golden/kl-ffb-example.ts), validate, be accepted by the
 * gateway, and keep "same record, same id" as the example does. The example's dates are moved, all by the same number
 * of days, to end five days ago (inside the municipality's service levels, and never in the future).
 */
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let admin: Session;
let caseworker: Session;
let gateway: TestGateway;

const today = plainDateInCopenhagen(new Date());
const shift = Math.round((Date.parse(addDays(today, -5)) - Date.parse(DAY.closed)) / 86_400_000);
const d = (k: keyof typeof DAY) => addDays(DAY[k] as PlainDate, shift);
const THEME = (display: string) => ASSESSMENT_THEMES.find((t) => t.display === display)?.code ?? '';

/**
 * The story's own days: each encounter happens on its day (the app's clock is set to it), as a caseworker entered it
 * then — an order's follow-up and goal dates are still to come when it is placed, and each report is the day's.
 */
let setAt = { story: 0, real: Date.now() };
/** The story's time runs on from where it was set, as real time does (two encounters on one day are minutes apart). */
const storyNow = () => new Date(setAt.story + (Date.now() - setAt.real));
const storyClock: Clock = {
  now: storyNow,
  today: () => plainDateInCopenhagen(storyNow()),
  timeOfDay: () => clockInCopenhagen(storyNow()),
};
/** Moves the clock on to noon in Copenhagen on `day` and logs in again (a session lives by the clock too). */
async function on(day: PlainDate) {
  // Noon in Copenhagen; a later encounter the same day keeps the time that has run since.
  const noon = Date.parse(`${day}T10:00:00Z`);
  if (noon > storyNow().getTime()) setAt = { story: noon, real: Date.now() };
  admin = await loginAs(app, 'administrator');
  caseworker = await loginAs(app, 'caseworker');
}

/** A resource as the test compares it (see the fixture's signatures). */
function signature(r: Resource, byRef: Map<string, Resource>): string {
  const ref = (x: { reference?: string } | undefined) => byRef.get(x?.reference ?? '');
  const code = (cc: { coding?: { code?: string }[] } | undefined) => cc?.coding?.[0]?.code ?? '-';
  const profile = r.meta?.profile?.[0] ?? '';
  switch (r.resourceType) {
    case 'Patient':
      return `Patient cpr=${r.identifier?.[0]?.value} org=${(r as Patient).managingOrganization?.identifier?.value}`;
    case 'ServiceRequest': {
      const sr = r as ServiceRequest;
      const number = sr.extension?.[0]?.extension?.find((e) => e.url === 'municipalitySpecific')?.valueIdentifier?.value;
      return `ServiceRequest case=${number} intent=${sr.intent}`;
    }
    case 'Condition': {
      const c = r as Condition;
      if (profile === profileUrl('kl-reporting-ffb-targetGroup')) return `TargetGroup code=${code(c.code)}`;
      const asserted = c.extension?.find((e) => e.url === EXTENSIONS.conditionLastAssertedDate)?.valueDateTime;
      return `Condition code=${code(c.code)} severity=${c.severity ? code(c.severity) : '-'} recorded=${c.recordedDate} lastAsserted=${asserted ?? '-'}`;
    }
    case 'Goal': {
      const g = r as Goal;
      const rank = (n: number) =>
        (g.addresses ?? [])
          .filter((a) => a.extension?.find((e) => e.url === EXTENSIONS.conditionRank)?.valuePositiveInt === n)
          .map((a) => code((ref(a) as Condition | undefined)?.code))
          .sort()
          .join(',');
      const target = (measure: string) =>
        code(g.target?.find((t) => t.measure?.coding?.[0]?.code === measure)?.detailCodeableConcept);
      return `Goal primary=${rank(1)} secondary=${rank(2)} level=${target('66959f77-6e2a-4574-8423-3ff097f8b9fa')} type=${target('90c48f03-f194-4b2f-ad7d-6cba1069ae48')}`;
    }
    case 'ClinicalImpression': {
      const ci = r as ClinicalImpression;
      const evaluation = ci.investigation?.[0]?.item?.[0];
      return `InformationGathering findings=${ci.finding?.length ?? 0} evaluation=${evaluation ? code((ref(evaluation) as Observation | undefined)?.valueCodeableConcept) : '-'}`;
    }
    case 'Observation': {
      const o = r as Observation;
      if (profile === profileUrl('kl-reporting-ffb-careEvaluation'))
        return `CareEvaluation value=${code(o.valueCodeableConcept)} effective=${o.effectiveDateTime}`;
      const plan = ref(o.focus?.[0]) as CarePlan | undefined;
      return `FollowUp value=${code(o.valueCodeableConcept)} plan=${code((ref(plan?.careTeam?.[0]) as CareTeam | undefined)?.category?.[0])} effective=${o.effectiveDateTime}`;
    }
    case 'CarePlan': {
      const cp = r as CarePlan;
      if (profile === profileUrl('kl-reporting-ffb-intervention')) {
        const parent = ref(cp.basedOn?.[0]) as CarePlan | undefined;
        return `Intervention code=${code(cp.activity?.[0]?.detail?.code)} plan=${code((ref(parent?.careTeam?.[0]) as CareTeam | undefined)?.category?.[0])} start=${cp.period?.start} end=${cp.period?.end ?? '-'}`;
      }
      const followUp = ref(cp.extension?.find((e) => e.url === EXTENSIONS.followUpDate)?.valueReference) as Encounter | undefined;
      const groups = (cp.addresses ?? [])
        .map((a) => `${a.extension?.[0]?.valuePositiveInt}:${code((ref(a) as Condition | undefined)?.code)}`)
        .sort()
        .join(',');
      const evaluation = ref(cp.activity?.[0]?.outcomeReference?.[0]) as Observation | undefined;
      return `CarePlan performer=${code((ref(cp.careTeam?.[0]) as CareTeam | undefined)?.category?.[0])} status=${cp.status} start=${cp.period?.start} end=${cp.period?.end ?? '-'} followUp=${followUp?.period?.start ?? '-'} groups=${groups} evaluation=${code(evaluation?.valueCodeableConcept)}`;
    }
    case 'CareTeam':
      return `ServicePerformer category=${code((r as CareTeam).category?.[0])}`;
    case 'Encounter':
      return `FollowUpEncounter start=${(r as Encounter).period?.start}`;
    default:
      return r.resourceType;
  }
}

type Report = { bundle: Bundle; detail: DeliveryDetail; sigs: { sig: string; id: string; type: string }[] };

let borgeCpr = '0101814321';

/** Runs the delivery and answers Børge's newest report (or null if none was made). */
async function deliver(): Promise<Report | null> {
  const before = gateway.received.length;
  const run = await admin.send('POST', '/api/ffb-reporting/run');
  expect(run.statusCode).toBe(200);
  const items = (
    (await admin.get(`/api/ffb-reporting/deliveries?day=${storyClock.today()}&pageSize=100`)).json() as {
      items: DeliveryItem[];
    }
  ).items.filter((i) => i.cpr === borgeCpr);
  const newest = items.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!newest || gateway.received.length === before) return null;
  const detail = (await admin.get(`/api/ffb-reporting/deliveries/${newest.id}`)).json() as DeliveryDetail;
  const bundle = detail.bundle as Bundle;
  const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const byRef = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
  return {
    bundle,
    detail,
    sigs: resources.map((r) => ({ sig: signature(r, byRef), id: r.id ?? '', type: signature(r, byRef).split(' ')[0] ?? '' })),
  };
}

/** The example's resources are all in the report; anything more is only of the kinds the deviations name. */
function compare(report: Report, expected: Expected[], allowedExtra: readonly string[]) {
  const ours = report.sigs.map((s) => s.sig);
  expect(
    ours.filter((s, i) => ours.indexOf(s) !== i),
    'a resource twice',
  ).toEqual([]);
  const missing = expected.filter((e) => !ours.includes(e.sig)).map((e) => e.sig);
  expect(missing, 'the example’s resources missing from Visitator’s report').toEqual([]);
  const extra = report.sigs.filter((s) => !expected.some((e) => e.sig === s.sig)).map((s) => s.type);
  expect(
    extra.filter((t) => !allowedExtra.includes(t)),
    'resources the example does not have',
  ).toEqual([]);
}

const idMap = new Map<string, string>();
/** Same record, same id: where the example reuses an id (an update), Visitator must too, and only there. */
function recordIds(report: Report, expected: Expected[]) {
  for (const e of expected) {
    const ours = report.sigs.find((s) => s.sig === e.sig)?.id ?? '';
    const known = idMap.get(e.id);
    if (known) expect(ours, `example id ${e.id}`).toBe(known);
    else idMap.set(e.id, ours);
  }
}

let caseId = '';
let botilbudOrder = '';
let dagtilbudOrder = '';
let nyDagtilbudOrder = '';
const get = async (id: string) => (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;
const version = async () => (await get(caseId)).version;
async function ok(res: { statusCode: number; body: string }, status = 200) {
  if (res.statusCode !== status) throw new Error(`${res.statusCode}: ${res.body}`);
}
const level = (display: string) => SUPPORT_NEED_LEVELS.find((l) => l.display === display)?.code ?? '';
const serviceVersion = async (basis: string) =>
  (
    (
      await app.inject({
        method: 'GET',
        url: `/api/public/catalogue/service-descriptions?municipality=760&legalBasis=${encodeURIComponent(basis)}`,
      })
    ).json() as {
      items: { inForce: { id: string } | null }[];
    }
  ).items[0]?.inForce?.id ?? '';
const offerId = async (key: string) =>
  (
    (await app.inject({ method: 'GET', url: '/api/public/catalogue/offers?municipality=760&pageSize=100' })).json() as {
      items: { id: string; key: string }[];
    }
  ).items.find((o) => o.key === key)?.id ?? '';

const conditionsInput = () => [
  ...FF_AND_O.map((code) => ({ code, levelCode: null })),
  ...Object.entries(AD_LEVELS).map(([code, levelCode]) => ({ code, levelCode })),
];
const themes = [
  { themeCode: THEME('Relationer'), levelCode: CODE.moderat },
  { themeCode: THEME('Samfundsliv'), levelCode: CODE.let },
  { themeCode: THEME('Egenomsorg'), levelCode: CODE.svaert },
  { themeCode: THEME('Praktiske opgaver'), levelCode: CODE.moderat },
  { themeCode: THEME('Mobilitet'), levelCode: CODE.svaert },
  // The story mentions no difficulty with communication; the VUM theme needs a level before a decision.
  { themeCode: THEME('Kommunikation'), levelCode: CODE.ingen },
];
const goalsInput = (g1: { level: string; type: string }) => [
  {
    primaryConditionCode: CODE.samspil,
    secondaryConditionCodes: [CODE.beskaeftigelse, CODE.transport],
    targetLevelCode: g1.level,
    goalTypeCode: g1.type,
  },
  { primaryConditionCode: CODE.koebeInd, secondaryConditionCodes: [], targetLevelCode: CODE.ingen, goalTypeCode: CODE.udvikle },
  { primaryConditionCode: CODE.spise, secondaryConditionCodes: [], targetLevelCode: CODE.svaert, goalTypeCode: CODE.begraense },
];
const providerGoal = (theme: string, on: string) => ({
  text: 'Deltager i fællesspisning på bostedet',
  indicator: 'Gange om ugen',
  targetDate: on,
  conditionCode: THEME(theme),
  goalTypeCode: GOAL_TYPES[1]?.code ?? '',
  baselineSupportNeedCode: level('Let støttebehov'),
  targetSupportNeedCode: level('Let støttebehov'),
});

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ config: testConfig(), database, clock: storyClock });
  // The day before the story: settings, the two offers, and everything before it delivered.
  await on(addDays(d('requested'), -1));
  gateway = await startTestGateway();
  const s = (await admin.get('/api/ffb-reporting/settings')).json() as ReportingSettingsView;
  await ok(
    await admin.send('PUT', '/api/ffb-reporting/settings', {
      version: s.version,
      organisationCode: 'd4e3f4fb-6761-4d6c-9086-74c49231f11e',
      gatewayUrl: gateway.url,
      enabled: true,
      caseNumberSystem: 'http://example.dk/identifier/case',
    }),
  );
  // The example's two offers (Solstrålen, Måneskinnet), imported keyed by Tilbudsportalen numbers.
  const offers = await admin.send(
    'POST',
    '/api/imports?kind=offers&filename=tilbud.csv',
    'tilbudsnummer;navn;ejerform;paragraffer;tilbudstype\r\n800001;Solstrålen;anden_kommune;SEL § 85|ABL § 105;Almindeligt længerevarende botilbud til voksne\r\n800002;Måneskinnet;anden_kommune;SEL § 104;Aktivitets- og samværstilbud\r\n' as never,
    { 'content-type': 'text/csv' },
  );
  await ok(offers, 201);
  await ok(await admin.send('POST', `/api/imports/${(offers.json() as { id: string }).id}/run`));
  // Everything before this story has been delivered: a whole demo municipality's first delivery (the hook's time).
  await admin.send('POST', '/api/ffb-reporting/run');
}, 300_000);
afterAll(async () => {
  await app.close();
  await gateway.close();
  await database.close();
});

const expected = () => deliveries(d, addDays(d('closed'), 28));
const reports: Report[] = [];

describe('the guide’s worked example, entered through the API (golden test)', () => {
  it('1st encounter (case opening): the citizen and the request; no report', async () => {
    await on(d('requested'));
    const citizen = await caseworker.send('POST', '/api/citizens', {
      cpr: '010181-4321',
      firstName: 'Børge',
      lastName: 'Mogensen',
    });
    await ok(citizen, 201);
    borgeCpr = '0101814321';
    const opened = await caseworker.send('POST', '/api/cases', {
      citizenId: (citizen.json() as { id: string }).id,
      channel: 'pre_visitation',
      receivedOn: d('requested'),
      requestedBy: 'citizen',
      title: 'Svært ved hverdagen efter covid-19',
      what: 'Har det svært i livet efter et covid-19-forløb',
      caseNumber: 'Sag154689',
    });
    await ok(opened, 201);
    caseId = (opened.json() as { id: string }).id;
    await ok(await caseworker.send('POST', `/api/cases/${caseId}/receipt`, { version: await version() }));
    await ok(await caseworker.send('POST', `/api/cases/${caseId}/assessment/start`, { version: await version() }));
    expect(await deliver()).toBeNull();
  });

  it('2nd encounter (case insight): the conditions → the 2nd report', async () => {
    await on(d('gathered'));
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    await ok(
      await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
        version: a.version,
        supportNeedCode: null,
        themes,
        conditions: conditionsInput(),
        assessedOn: d('gathered'),
      }),
    );
    const r = await deliver();
    expect(r).not.toBeNull();
    if (!r) return;
    reports.push(r);
    compare(r, expected().second, []);
    recordIds(r, expected().second);
  });

  it('3rd encounter (case assessment): three goals and the support need → the 3rd report, the same information gathering updated', async () => {
    await on(d('assessed'));
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    await ok(
      await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
        version: a.version,
        supportNeedCode: CODE.letStoette,
        themes,
        goals: goalsInput({ level: CODE.let, type: CODE.fastholde }),
        assessedOn: d('assessed'),
      }),
    );
    const r = await deliver();
    if (!r) throw new Error('no 3rd report');
    reports.push(r);
    compare(r, expected().third, []);
    recordIds(r, expected().third);
  });

  it('4th and 5th encounters (verdict and appropriation): target groups, two grants at two offers → the 5th report', async () => {
    await on(d('assessed'));
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    await ok(
      await caseworker.send('PUT', `/api/cases/${caseId}/assessment`, {
        version: a.version,
        supportNeedCode: CODE.letStoette,
        themes,
        targetGroups: [
          { code: CODE.udviklingsforstyrrelse, rank: 1 },
          { code: CODE.andenFysisk, rank: 2 },
          { code: CODE.selvmord, rank: 2 },
        ],
        assessedOn: d('assessed'),
      }),
    );
    // Housing support (§ 85) at Solstrålen: daily tasks at home and a healthy life.
    await ok(
      await caseworker.send('POST', `/api/cases/${caseId}/decision`, {
        version: await version(),
        outcome: 'granted',
        serviceDescriptionVersionId: await serviceVersion('SEL § 85'),
        decidedOn: d('assessed'),
        weeklyHours: 3,
        startDate: d('assessed'),
        reasons: 'Udredningen viser behov for socialpædagogisk støtte i hverdagen.',
        partyHearing: 'done',
      }),
    );
    const first = await caseworker.send('POST', `/api/cases/${caseId}/order`, {
      version: await version(),
      offerId: await offerId('tp-800001'),
      orderedOn: d('assessed'),
      firstFollowUp: d('followUp'),
      goals: [providerGoal('Relationer', d('followUp'))],
      services: [CODE.dagligeOpgaver, CODE.sundLevevis],
    });
    await ok(first);
    botilbudOrder = (first.json() as { orderId: string }).orderId;
    // A day offer (§ 104) at Måneskinnet beside it: social activity.
    await ok(
      await caseworker.send('POST', `/api/cases/${caseId}/revisitation`, {
        version: await version(),
        reason: 'Dagtilbud ved siden af bostøtten',
      }),
      204,
    );
    await ok(
      await caseworker.send('POST', `/api/cases/${caseId}/decision`, {
        version: await version(),
        outcome: 'granted',
        serviceDescriptionVersionId: await serviceVersion('SEL § 104'),
        decidedOn: d('assessed'),
        moduleDays: 2,
        startDate: d('assessed'),
        reasons: 'Et aktivitets- og samværstilbud støtter målene om samspil og kontakt.',
        partyHearing: 'done',
        alongside: true,
      }),
    );
    const second = await caseworker.send('POST', `/api/cases/${caseId}/order`, {
      version: await version(),
      offerId: await offerId('tp-800002'),
      orderedOn: d('assessed'),
      firstFollowUp: d('followUp'),
      goals: [providerGoal('Relationer', d('followUp'))],
      services: [CODE.socialAktivitet],
    });
    await ok(second);
    dagtilbudOrder = (second.json() as { orderId: string }).orderId;
    const r = await deliver();
    if (!r) throw new Error('no 5th report');
    reports.push(r);
    compare(r, expected().fifth, ['InformationGathering', 'ServiceRequest', 'Condition', 'Goal']);
    recordIds(r, expected().fifth);
  });

  it('6th encounter (changing the appropriation): follow-ups, a new day offer, the condition and goal reassessed → the 6th report', async () => {
    await on(d('changed'));
    const followUp = (orderId: string, outcome: string, extra: Record<string, unknown> = {}) =>
      caseworker.send('POST', `/api/cases/${caseId}/follow-up`, {
        version: 0,
        orderId,
        outcome,
        heldOn: d('changed'),
        note: 'Månedlig status med Børge og den socialpædagogiske medarbejder.',
        ...extra,
      });
    await ok(await followUp(botilbudOrder, 'continue', { version: await version(), nextFollowUp: d('followUp') }), 201);
    await ok(
      await followUp(dagtilbudOrder, 'end_and_refer', {
        version: await version(),
        reasons: 'Børge vil hellere på EDB-holdet: kompetenceudviklende aktivitet i stedet.',
        partyHearing: 'done',
      }),
      201,
    );
    await ok(
      await caseworker.send('POST', `/api/cases/${caseId}/decision`, {
        version: await version(),
        outcome: 'granted',
        serviceDescriptionVersionId: await serviceVersion('SEL § 104'),
        decidedOn: d('changed'),
        moduleDays: 2,
        startDate: d('changed'),
        reasons: 'Aktivitets- og samværsindsatsen ændres til kompetenceudviklende aktivitet (EDB-hold).',
        partyHearing: 'done',
        alongside: true,
      }),
    );
    const third = await caseworker.send('POST', `/api/cases/${caseId}/order`, {
      version: await version(),
      offerId: await offerId('tp-800002'),
      orderedOn: d('changed'),
      firstFollowUp: d('followUp'),
      goals: [providerGoal('Relationer', d('followUp'))],
      services: [CODE.kompetence],
    });
    await ok(third);
    nyDagtilbudOrder = (third.json() as { orderId: string }).orderId;
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    await ok(
      await caseworker.send('PUT', `/api/cases/${caseId}/assessment/reassessment`, {
        version: a.version,
        supportNeedCode: CODE.letStoette,
        conditions: conditionsInput().map((c) => (c.code === CODE.samspil ? { ...c, levelCode: CODE.let } : c)),
        goals: goalsInput({ level: CODE.ingen, type: CODE.udvikle }),
        assessedOn: d('changed'),
      }),
    );
    const r = await deliver();
    if (!r) throw new Error('no 6th report');
    reports.push(r);
    compare(r, expected().sixth, ['InformationGathering', 'Goal']);
    recordIds(
      r,
      expected().sixth.filter((e) => e.id !== '76b9d91b-4b28-4c4a-944c-aa16b8cca82c'),
    );
    // The changed goal is the same resource as before, updated (DEVIATIONS).
    const g1 = r.sigs.find((s) => s.sig.startsWith(`Goal primary=${CODE.samspil}`));
    expect(g1?.id).toBe(idMap.get('83fdfed2-f182-4a11-8ea1-de8181e6eab9'));
  });

  it('7th encounter (case closing): a new assessment with no support need, both services ended → the 7th report', async () => {
    await on(d('closed'));
    const a = (await caseworker.get(`/api/cases/${caseId}/assessment`)).json() as Assessment;
    await ok(
      await caseworker.send('PUT', `/api/cases/${caseId}/assessment/reassessment`, {
        version: a.version,
        supportNeedCode: CODE.intetStoette,
        assessedOn: d('closed'),
      }),
    );
    const end = async (orderId: string) =>
      ok(
        await caseworker.send('POST', `/api/cases/${caseId}/follow-up`, {
          version: await version(),
          orderId,
          outcome: 'end',
          heldOn: d('closed'),
          note: 'Børge har rykket sig og har ikke længere behov for støtte.',
          reasons: 'Den nye udredning viser intet støttebehov.',
          partyHearing: 'done',
        }),
        201,
      );
    await end(botilbudOrder);
    await end(nyDagtilbudOrder);
    const r = await deliver();
    if (!r) throw new Error('no 7th report');
    reports.push(r);
    compare(r, expected().seventh, ['InformationGathering', 'Condition', 'Goal', 'FollowUp']);
    recordIds(r, expected().seventh);
  });

  it('every report validates, was accepted by the gateway, and records the versions it follows', () => {
    expect(reports).toHaveLength(5);
    for (const r of reports) {
      expect(r.detail.violations).toEqual([]);
      expect(r.detail.status).toBe('accepted');
      expect(r.detail.guideVersion).toBe('kl.dk.fhir.ffbreporting#1.0.0');
      expect(r.detail.ffbVersion).toBe('20240530');
      expect(r.bundle.type).toBe('collection');
    }
    expect(DEVIATIONS.length).toBeGreaterThan(0);
  });
});
