import { type APIRequestContext, request } from '@playwright/test';
import { addDays } from '../../../src/rules/calendar/date-arithmetic.ts';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, GOAL_TYPES, SUPPORT_NEED_LEVELS } from '../../../src/shared/assessment/ffb-terms.ts';
import { plainDateInCopenhagen } from '../../../src/shared/plain-date.ts';

/**
 * Sets the stage for a journey through the API, as the named demo user: the parts of the flow another journey
 * already walks in the browser. Dates are relative to the day the suite runs.
 */
export class ApiActor {
  private constructor(
    private readonly ctx: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async as(baseURL: string, name: string): Promise<ApiActor> {
    const ctx = await request.newContext({ baseURL });
    const me = (await (await ctx.get('/api/auth/me')).json()) as { csrfToken: string };
    const users = (await (await ctx.get('/api/auth/demo-users')).json()) as { id: string; name: string }[];
    const user = users.find((u) => u.name === name);
    if (!user) throw new Error(`no demo user ${name}`);
    const login = await ctx.post('/api/auth/demo-login', {
      data: { userId: user.id },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    if (!login.ok()) throw new Error(`login failed ${login.status()}`);
    const after = (await (await ctx.get('/api/auth/me')).json()) as { csrfToken: string };
    return new ApiActor(ctx, after.csrfToken);
  }

  async get<T>(url: string): Promise<T> {
    const res = await this.ctx.get(url);
    if (!res.ok()) throw new Error(`GET ${url}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async send<T>(method: 'POST' | 'PUT', url: string, data: unknown): Promise<T> {
    const res = await this.ctx.fetch(url, { method, data, headers: { 'x-csrf-token': this.csrf } });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return (res.status() === 204 ? undefined : await res.json()) as T;
  }

  async dispose() {
    await this.ctx.dispose();
  }
}

/** Days from today in Copenhagen, the server's calendar (near midnight UTC and Copenhagen disagree on the day). */
export const daysFromToday = (n: number): string => addDays(plainDateInCopenhagen(new Date()), n);

export type Codes = {
  supportNeed: Record<string, string>;
  level: Record<string, string>;
  themes: string[];
  goalType: string;
  condition: string;
};

export const byDisplay = (list: readonly { code: string; display: string }[], display: string) =>
  list.find((x) => x.display === display)?.code ?? '';

/** The FFB codes the journeys assess and order with. */
export const CODES: Codes = {
  supportNeed: {
    high: byDisplay(SUPPORT_NEED_LEVELS, 'Højt støttebehov'),
    moderate: byDisplay(SUPPORT_NEED_LEVELS, 'Moderat støttebehov'),
  },
  level: { moderate: byDisplay(FUNCTION_LEVELS, 'Moderat nedsat funktionsevne') },
  themes: ASSESSMENT_THEMES.filter((t) => t.group === 'activity').map((t) => t.code),
  goalType: GOAL_TYPES.find((g) => g.key === 'develop')?.code ?? '',
  condition: byDisplay(ASSESSMENT_THEMES, 'Praktiske opgaver'),
};

/** 2026-11-22 → 22.11.2026, as the pages show a date. */
export const danish = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
};

/**
 * A case for the citizen with this CPR received on `receivedOn`, with its receipt sent and the assessment started;
 * with `complete`, every activity theme levelled and a support need set. Returns the case id.
 */
export async function caseInAssessment(
  cw: ApiActor,
  opts: { cpr: string; receivedOn: string; title?: string; what: string; complete: boolean; codes: Codes },
): Promise<string> {
  const citizen = (await cw.get<{ items: { id: string }[] }>(`/api/citizens?q=${opts.cpr}`)).items[0];
  const { id } = await cw.send<{ id: string }>('POST', '/api/cases', {
    citizenId: citizen?.id,
    channel: 'letter',
    receivedOn: opts.receivedOn,
    requestedBy: 'citizen',
    title: opts.title ?? opts.what.slice(0, 80),
    what: opts.what,
  });
  const version = async () => (await cw.get<{ version: number }>(`/api/cases/${id}`)).version;
  await cw.send('POST', `/api/cases/${id}/receipt`, { version: await version() });
  await cw.send('POST', `/api/cases/${id}/assessment/start`, { version: await version() });
  if (opts.complete) {
    const a = await cw.get<{ version: number }>(`/api/cases/${id}/assessment`);
    await cw.send('PUT', `/api/cases/${id}/assessment`, {
      version: a.version,
      supportNeedCode: opts.codes.supportNeed.high,
      themes: opts.codes.themes.map((themeCode) => ({ themeCode, levelCode: opts.codes.level.moderate })),
    });
  }
  return id;
}

/**
 * A case for the citizen with this CPR, decided on `decidedOn` under `basis`, and (unless refused, or `order` is
 * false) ordered at `offerKey` with two SMART goals. Returns the case id and the order id.
 */
export async function caseToOrder(
  cw: ApiActor,
  opts: {
    cpr: string;
    basis: string;
    outcome: 'granted' | 'refused';
    decidedOn: string;
    offerKey?: string;
    order?: boolean;
    codes: Codes;
  },
): Promise<{ caseId: string; orderId: string | null }> {
  const id = await caseInAssessment(cw, {
    cpr: opts.cpr,
    receivedOn: opts.decidedOn,
    what: opts.outcome === 'refused' ? 'Ansøger om midlertidigt botilbud' : 'Ansøger om bostøtte',
    complete: true,
    codes: opts.codes,
  });
  const version = async () => (await cw.get<{ version: number }>(`/api/cases/${id}`)).version;
  const descriptions = await cw.get<{ items: { legalBasis: string; inForce: { id: string } | null }[] }>(
    `/api/public/catalogue/service-descriptions?municipality=760&legalBasis=${encodeURIComponent(opts.basis)}`,
  );
  await cw.send('POST', `/api/cases/${id}/decision`, {
    version: await version(),
    outcome: opts.outcome,
    serviceDescriptionVersionId: descriptions.items[0]?.inForce?.id,
    decidedOn: opts.decidedOn,
    ...(opts.outcome === 'granted' ? { weeklyHours: 3, startDate: opts.decidedOn } : {}),
    reasons: 'Udredningen viser et behov for støtte til struktur i hverdagen.',
    partyHearing: 'done',
  });
  if (opts.outcome === 'refused' || opts.order === false) return { caseId: id, orderId: null };
  const offers = await cw.get<{ items: { id: string; key: string }[] }>(
    '/api/public/catalogue/offers?municipality=760&pageSize=100',
  );
  const goal = (text: string) => ({
    text,
    indicator: 'Antal gange om ugen uden støtte',
    targetDate: daysFromToday(180),
    conditionCode: opts.codes.condition,
    goalTypeCode: opts.codes.goalType,
    baselineSupportNeedCode: opts.codes.supportNeed.high,
    targetSupportNeedCode: opts.codes.supportNeed.moderate,
  });
  const { orderId } = await cw.send<{ orderId: string }>('POST', `/api/cases/${id}/order`, {
    version: await version(),
    offerId: offers.items.find((o) => o.key === (opts.offerKey ?? 'bostoetten'))?.id,
    orderedOn: opts.decidedOn,
    firstFollowUp: daysFromToday(30),
    goals: [goal('Handler selv ind én gang om ugen'), goal('Betaler selv sine regninger')],
    actionPlan: { purpose: 'At klare hverdagen i egen bolig', services: 'Bostøtte 3 timer om ugen', expectedDuration: '1 år' },
  });
  return { caseId: id, orderId };
}
