import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Assessment } from '../../src/shared/assessment/assessment.schema.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import type { Session, testApp } from './test-app.ts';

/**
 * Dates the journeys use. What happened lies in the past (fixed, so deadlines computed from them are known);
 * what is still to come (a follow-up, a goal) is counted from the day the suite runs, since a date already past is
 * refused (src/rules/records/date-constraints.ts).
 */
export const JOURNEY_DATES = {
  received: '2026-09-01',
  decided: '2026-11-20',
  firstFollowUp: addDays(plainDateInCopenhagen(new Date()), 81),
  goalTarget: addDays(plainDateInCopenhagen(new Date()), 211),
};

const earlier = (a: string, b: string) => (a < b ? a : b);

/** Steps of the case flow through the API, for tests that need a case at a given point. */
export function caseJourney(app: Awaited<ReturnType<typeof testApp>>, caseworker: Session, municipality = '760') {
  const get = async (id: string) => (await caseworker.get(`/api/cases/${id}`)).json() as CaseDetail;

  async function versionOf(basis: string): Promise<string> {
    const list = (
      await app.inject({
        method: 'GET',
        url: `/api/public/catalogue/service-descriptions?municipality=${municipality}&legalBasis=${encodeURIComponent(basis)}`,
      })
    ).json() as { items: { inForce: { id: string } | null }[] };
    return list.items[0]?.inForce?.id ?? '';
  }

  async function open(patch: Record<string, unknown> = {}, cpr: string = NAMED_DEMO_CITIZENS[0].cpr): Promise<CaseDetail> {
    const citizenId = ((await caseworker.get(`/api/citizens?q=${cpr}`)).json() as { items: { id: string }[] }).items[0]?.id;
    const res = await caseworker.send('POST', '/api/cases', {
      citizenId,
      channel: 'letter',
      receivedOn: JOURNEY_DATES.received,
      requestedBy: 'citizen',
      title: 'Bostøtte i eget hjem',
      what: 'Bostøtte',
      ...patch,
    });
    return get((res.json() as { id: string }).id);
  }

  /** A case in assessment with every activity theme at `level` and the overall support need set. */
  async function assessed(
    opts: { supportNeed?: string; severeThemes?: number; open?: Record<string, unknown>; cpr?: string } = {},
  ) {
    const c = await open(opts.open, opts.cpr);
    await caseworker.send('POST', `/api/cases/${c.id}/receipt`, { version: (await get(c.id)).version });
    await caseworker.send('POST', `/api/cases/${c.id}/assessment/start`, { version: (await get(c.id)).version });
    const a = (await caseworker.get(`/api/cases/${c.id}/assessment`)).json() as Assessment;
    const level = (prefix: string) => FUNCTION_LEVELS.find((l) => l.display.startsWith(prefix))?.code;
    await caseworker.send('PUT', `/api/cases/${c.id}/assessment`, {
      version: a.version,
      supportNeedCode: SUPPORT_NEED_LEVELS.find((l) => l.display === (opts.supportNeed ?? 'Moderat støttebehov'))?.code,
      themes: ASSESSMENT_THEMES.filter((t) => t.group === 'activity').map((t, i) => ({
        themeCode: t.code,
        levelCode: level(i < (opts.severeThemes ?? 0) ? 'Svært' : 'Moderat'),
      })),
    });
    return get(c.id);
  }

  async function decided(
    outcome: 'granted' | 'partly_granted' | 'refused',
    basis = 'SEL § 85',
    patch: Record<string, unknown> = {},
    cpr?: string,
  ): Promise<CaseDetail> {
    const decidedOn = (patch.decidedOn as string | undefined) ?? JOURNEY_DATES.decided;
    // The request came in no later than the decision.
    const open = { receivedOn: earlier(JOURNEY_DATES.received, decidedOn) };
    const c = await assessed(cpr ? { cpr, open } : { open });
    const res = await caseworker.send('POST', `/api/cases/${c.id}/decision`, {
      version: c.version,
      outcome,
      serviceDescriptionVersionId: await versionOf(basis),
      decidedOn,
      ...(outcome === 'refused' ? {} : { weeklyHours: 3, startDate: decidedOn > '2026-12-01' ? decidedOn : '2026-12-01' }),
      ...(outcome === 'partly_granted' ? { appliedFor: 'Bostøtte 5 timer om ugen.', refusedPart: '2 af de 5 timer.' } : {}),
      reasons: 'Begrundelse med æøå: udredningen viser et væsentligt behov.',
      partyHearing: 'done',
      ...patch,
    });
    if (res.statusCode !== 200) throw new Error(`decision failed: ${res.body}`);
    return get(c.id);
  }

  async function offerId(key: string): Promise<string> {
    const list = (
      await app.inject({ method: 'GET', url: `/api/public/catalogue/offers?municipality=${municipality}&pageSize=100` })
    ).json() as { items: { id: string; key: string }[] };
    return list.items.find((o) => o.key === key)?.id ?? '';
  }

  /** A granted case ordered at `offerKey` with two goals (FKO baseline Højt, target Moderat). */
  async function ordered(
    opts: { basis?: string; offerKey?: string; decision?: Record<string, unknown>; orderedOn?: string; cpr?: string } = {},
  ) {
    const c = await decided('granted', opts.basis ?? 'SEL § 85', opts.decision ?? {}, opts.cpr);
    const goal = (n: number) => ({
      text: `Mål ${n}: handler selv ind`,
      indicator: 'Antal indkøb om ugen uden støtte',
      targetDate: JOURNEY_DATES.goalTarget,
      conditionCode: ASSESSMENT_THEMES.find((t) => t.display === 'Praktiske opgaver')?.code,
      goalTypeCode: GOAL_TYPES.find((g) => g.key === (n === 1 ? 'develop' : 'maintain'))?.code,
      baselineSupportNeedCode: SUPPORT_NEED_LEVELS.find((l) => l.display === 'Højt støttebehov')?.code,
      // To develop: a lower need than the baseline; to maintain: the same (the FKO target rule).
      targetSupportNeedCode: SUPPORT_NEED_LEVELS.find((l) => l.display === (n === 1 ? 'Moderat støttebehov' : 'Højt støttebehov'))
        ?.code,
    });
    const res = await caseworker.send('POST', `/api/cases/${c.id}/order`, {
      version: c.version,
      offerId: await offerId(opts.offerKey ?? 'bostoetten'),
      orderedOn: opts.orderedOn ?? (opts.decision?.decidedOn as string | undefined) ?? JOURNEY_DATES.decided,
      firstFollowUp: JOURNEY_DATES.firstFollowUp,
      goals: [goal(1), goal(2)],
      actionPlan: {
        purpose: 'At mestre egen hverdag',
        services: 'Socialpædagogisk støtte',
        expectedDuration: '1 år',
        otherCircumstances: 'Fortroligt: oplysninger om familien',
      },
    });
    if (res.statusCode !== 200) throw new Error(`order failed: ${res.body}`);
    return { case: await get(c.id), orderId: (res.json() as { orderId: string }).orderId };
  }

  return { get, versionOf, open, assessed, decided, ordered, offerId };
}
