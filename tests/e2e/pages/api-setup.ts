import { type APIRequestContext, request } from '@playwright/test';
import { addDays } from '../../../src/rules/calendar/date-arithmetic.ts';
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

type Codes = {
  supportNeed: Record<string, string>;
  level: Record<string, string>;
  themes: string[];
  goalType: string;
  condition: string;
};

/**
 * A case for the citizen with this CPR, decided on `decidedOn` under `basis`, and (unless refused) ordered at
 * `offerKey` with two SMART goals. Returns the case id and the order id.
 */
export async function caseToOrder(
  cw: ApiActor,
  opts: { cpr: string; basis: string; outcome: 'granted' | 'refused'; decidedOn: string; offerKey?: string; codes: Codes },
): Promise<{ caseId: string; orderId: string | null }> {
  const citizen = (await cw.get<{ items: { id: string }[] }>(`/api/citizens?q=${opts.cpr}`)).items[0];
  const { id } = await cw.send<{ id: string }>('POST', '/api/cases', {
    citizenId: citizen?.id,
    channel: 'letter',
    receivedOn: opts.decidedOn,
    requestedBy: 'citizen',
    what: opts.outcome === 'refused' ? 'Ansøger om midlertidigt botilbud' : 'Ansøger om bostøtte',
  });
  const version = async () => (await cw.get<{ version: number }>(`/api/cases/${id}`)).version;
  await cw.send('POST', `/api/cases/${id}/receipt`, { version: await version() });
  await cw.send('POST', `/api/cases/${id}/assessment/start`, { version: await version() });
  const a = await cw.get<{ version: number }>(`/api/cases/${id}/assessment`);
  await cw.send('PUT', `/api/cases/${id}/assessment`, {
    version: a.version,
    supportNeedCode: opts.codes.supportNeed.high,
    themes: opts.codes.themes.map((themeCode) => ({ themeCode, levelCode: opts.codes.level.moderate })),
  });
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
  if (opts.outcome === 'refused') return { caseId: id, orderId: null };
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
