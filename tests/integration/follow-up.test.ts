import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addWeeks, isoWeekStart } from '../../src/rules/calendar/date-arithmetic.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import type { ProviderOrder, ProviderOrderItem } from '../../src/shared/follow-up/follow-up.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import type { MyOverview } from '../../src/shared/self-service/self-service.schema.ts';
import { caseJourney, JOURNEY_DATES } from '../support/case-journey.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let provider: Session;
let journey: ReturnType<typeof caseJourney>;

const today = plainDateInCopenhagen(new Date());
const SOEREN = NAMED_DEMO_CITIZENS.find((p) => p.firstName === 'Søren')?.cpr ?? '';
const need = (display: string) => SUPPORT_NEED_LEVELS.find((l) => l.display === display)?.code;
/** A decision 10 weeks back, so completed weeks of delivery exist whatever day the suite runs. */
const tenWeeksAgo = addWeeks(today, -10);
const pastDecision = { decidedOn: tenWeeksAgo, startDate: addDays(tenWeeksAgo, 3) };

const orderOf = async (s: Session, id: string) => (await s.get(`/api/provider/orders/${id}`)).json() as ProviderOrder;
const listOf = async (s: Session, state: string) =>
  ((await s.get(`/api/provider/orders?state=${state}&pageSize=100`)).json() as { items: ProviderOrderItem[] }).items;

async function accepted(opts: Parameters<ReturnType<typeof caseJourney>['ordered']>[0] = {}) {
  const o = await journey.ordered({ decision: pastDecision, orderedOn: tenWeeksAgo, ...opts });
  const view = await orderOf(provider, o.orderId);
  const res = await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, {
    version: view.version,
    startDate: (opts.decision?.startDate as string | undefined) ?? pastDecision.startDate,
  });
  if (res.statusCode !== 204) throw new Error(`accept failed: ${res.body}`);
  return { ...o, view: await orderOf(provider, o.orderId) };
}

async function auditOf(requestId: string) {
  return inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'citizen_id', 'record_type', 'purpose'])
      .where('request_id', '=', requestId)
      .execute(),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  provider = await loginAs(app, 'provider_staff');
  journey = caseJourney(app, caseworker);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`the provider's workspace on ${TEST_DB}`, () => {
  it('lists the incoming order, accepts it with the actual start, and meets the start deadline on that day', async () => {
    const o = await journey.ordered();
    const incoming = await listOf(provider, 'incoming');
    expect(incoming.map((i) => i.id)).toContain(o.orderId);
    const view = await orderOf(provider, o.orderId);
    expect(view).toMatchObject({ state: 'ordered', offerName: 'Bostøtten i Socialpsykiatrien', startDeadline: '2026-12-18' });
    expect(view.frame).toMatchObject({ legalBasis: 'SEL § 85', weeklyHours: 3, profileCode: '3' });
    // SEL § 141, stk. 5: the relevant parts of the plan only.
    expect(view.plan).toEqual({
      purpose: 'At mestre egen hverdag',
      services: 'Socialpædagogisk støtte',
      expectedDuration: '1 år',
    });
    expect(JSON.stringify(view)).not.toContain('Fortroligt');
    const early = await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, {
      version: view.version,
      startDate: '2026-11-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ fields: [{ path: 'startDate' }] });
    const ok = await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, {
      version: view.version,
      startDate: '2026-12-01',
    });
    expect(ok.statusCode).toBe(204);
    const after = await journey.get(o.case.id);
    expect(after.deadlines.find((d) => d.kind === 'start')).toMatchObject({ metOn: '2026-12-01', status: 'met' });
    expect(after.events.map((e) => e.subject)).toContain(
      'Bestilling accepteret af Bostøtten i Socialpsykiatrien; støtten starter 1.12.2026',
    );
    const again = await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, {
      version: view.version + 1,
      startDate: '2026-12-01',
    });
    expect(again.statusCode).toBe(409);
    const active = (await listOf(provider, 'active')).find((i) => i.id === o.orderId);
    expect(active).toMatchObject({ state: 'accepted', goals: 2, nextStatus: { kind: 'quarterly', due: '2027-03-01' } });
  });

  it('documents against a goal, adds a sub-goal and a message both sides see', async () => {
    const { orderId, view, case: c } = await accepted();
    const goal = view.goals[0]?.id;
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${orderId}/journal`, {
          goalId: goal,
          writtenOn: today,
          body: 'Handlede ind sammen i Netto.',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${orderId}/goals/${goal}/subgoals`, {
          text: 'Skriver indkøbsseddel selv',
          targetDate: '2027-01-31',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${orderId}/messages`, {
          body: 'Må vi flytte besøgene til eftermiddag?',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await caseworker.send('POST', `/api/cases/${c.id}/follow-up/messages`, { body: 'Ja, det er fint.' })).statusCode,
    ).toBe(204);
    const after = await orderOf(provider, orderId);
    expect(after.journal[0]).toMatchObject({ goalId: goal, body: 'Handlede ind sammen i Netto.' });
    expect(after.goals[0]?.subgoals).toEqual([
      expect.objectContaining({ text: 'Skriver indkøbsseddel selv', targetDate: '2027-01-31' }),
    ]);
    expect(after.messages.map((m) => [m.fromParty, m.body])).toEqual([
      ['provider', 'Må vi flytte besøgene til eftermiddag?'],
      ['authority', 'Ja, det er fint.'],
    ]);
    const badGoal = await provider.send('POST', `/api/provider/orders/${orderId}/journal`, {
      goalId: c.id,
      writtenOn: today,
      body: 'x',
    });
    expect(badGoal.statusCode).toBe(400);
    expect(badGoal.json()).toMatchObject({ fields: [{ path: 'goalId' }] });
  });

  it('registers weekly ATA hours, refuses a future week or negative hours, and flags 4 weeks outside ±25 %', async () => {
    const { orderId } = await accepted();
    const put = (weekStart: string, hours: number) =>
      provider.send('PUT', `/api/provider/orders/${orderId}/hours`, { weekStart, hours });
    const future = await put(addWeeks(today, 1), 3);
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      fields: [{ path: 'weekStart', message: 'Der kan ikke registreres timer for en uge, der ikke er begyndt.' }],
    });
    const negative = await put(addWeeks(today, -1), -2);
    expect(negative.statusCode).toBe(400);
    expect(negative.json()).toMatchObject({ fields: [{ path: 'hours', message: 'Timer kan ikke være negative.' }] });
    const weeks = Array.from({ length: 9 }, (_, i) => addWeeks(isoWeekStart(today), -(i + 1)));
    for (const w of weeks) expect((await put(w, 3)).statusCode).toBe(204);
    let view = await orderOf(provider, orderId);
    expect(view.hours).toMatchObject({ grantedWeekly: 3, flag: false, streak: 0 });
    // Four low weeks in a row: the flag goes up for the authority to revisit.
    for (const w of weeks.slice(0, 4)) await put(w, 1);
    view = await orderOf(provider, orderId);
    expect(view.hours).toMatchObject({ flag: true, streak: 4 });
    expect((await listOf(provider, 'active')).find((i) => i.id === orderId)?.hoursFlag).toBe(true);
    const saved = await inSystem(database, (tx) =>
      tx.selectFrom('delivered_hours').select('hours').where('order_id', '=', orderId).execute(),
    );
    expect(saved).toHaveLength(9);
  });

  it('scores quarterly statuses and a final status; refuses a second final, a future date, an ended goal and a stale version', async () => {
    const { orderId, view } = await accepted();
    const goal = view.goals[0];
    const url = `/api/provider/orders/${orderId}/goals/${goal?.id}/statuses`;
    const score = (version: number, patch: Record<string, unknown> = {}) =>
      provider.send('POST', url, {
        version,
        kind: 'quarterly',
        scoredOn: addWeeks(today, -4),
        supportNeedCode: need('Moderat støttebehov'),
        justification: 'Handler ind med let støtte.',
        ...patch,
      });
    expect((await score(goal?.version ?? 0)).statusCode).toBe(201);
    // Two staff scoring at once from the same version: one wins, the other gets 409 and nothing is saved.
    const [a, b] = await Promise.all([score((goal?.version ?? 0) + 1), score((goal?.version ?? 0) + 1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await score((goal?.version ?? 0) + 2, { scoredOn: addDays(today, 1) })).json()).toMatchObject({
      fields: [{ path: 'scoredOn' }],
    });
    const final = await score((goal?.version ?? 0) + 2, {
      kind: 'final',
      scoredOn: today,
      supportNeedCode: need('Let støttebehov'),
    });
    expect(final.statusCode).toBe(201);
    const second = await score((goal?.version ?? 0) + 3, { kind: 'final', scoredOn: today });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ fields: [{ path: 'goalId', message: 'Målet har allerede en slutstatus.' }] });
    const after = await orderOf(provider, orderId);
    expect(after.goals[0]?.statuses.map((s) => s.kind)).toEqual(['quarterly', 'quarterly', 'final']);
    expect(after.goals[0]).toMatchObject({ progress: 'gained', nextStatus: null });
    expect(after.goals[1]?.nextStatus?.kind).toBe('quarterly');
  });
});

describe(`provider isolation on ${TEST_DB}`, () => {
  it('answers 404 (not 403) for orders, citizens and cases outside their offers, and audits every denial', async () => {
    const ours = await journey.ordered();
    // A § 107 order at Fredensgade, an offer Rasmus Kjær is not bound to, for another citizen.
    const other = await journey.ordered({
      basis: 'SEL § 107',
      offerKey: 'fredensgade',
      decision: { weeklyHours: 20, timeLimitUntil: '2029-01-01' },
      cpr: SOEREN,
    });
    expect(other.case.citizen.id).not.toBe(ours.case.citizen.id);
    const denied = await provider.get(`/api/provider/orders/${other.orderId}`);
    expect(denied.statusCode).toBe(404);
    expect(await auditOf(String(denied.headers['x-request-id']))).toEqual([
      expect.objectContaining({
        action: 'access_denied',
        actor_role: 'provider_staff',
        citizen_id: other.case.citizen.id,
        record_type: 'order',
      }),
    ]);
    for (const [method, url, body] of [
      ['POST', `/api/provider/orders/${other.orderId}/accept`, { version: 1, startDate: '2026-12-01' }],
      ['PUT', `/api/provider/orders/${other.orderId}/hours`, { weekStart: today, hours: 2 }],
      ['POST', `/api/provider/orders/${other.orderId}/messages`, { body: 'Hej' }],
    ] as const) {
      expect((await provider.send(method, url, body)).statusCode).toBe(404);
    }
    expect((await listOf(provider, 'incoming')).map((i) => i.id)).not.toContain(other.orderId);
    // The case itself, and the citizen: 404 too.
    const caseRes = await provider.get(`/api/cases/${other.case.id}`);
    expect(caseRes.statusCode).toBe(404);
    expect((await provider.get(`/api/cases/${other.case.id}/follow-up`)).statusCode).toBe(404);
    // Mette (our order) is visible without her cases; Søren (only the other order) is not.
    const mette = await provider.get(`/api/citizens/${ours.case.citizen.id}`);
    expect(mette.statusCode).toBe(200);
    expect((mette.json() as { cases: unknown[] }).cases).toEqual([]);
    const soeren = await provider.get(`/api/citizens/${other.case.citizen.id}`);
    expect(soeren.statusCode).toBe(404);
    expect(await auditOf(String(soeren.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'access_denied', citizen_id: other.case.citizen.id }),
    ]);
    // Another municipality's provider sees nothing of ours.
    const randers = await loginAs(app, 'provider_staff', MUNICIPALITY.randers);
    expect((await randers.get(`/api/provider/orders/${ours.orderId}`)).statusCode).toBe(404);
    expect((await listOf(randers, 'incoming')).map((i) => i.id)).not.toContain(ours.orderId);
  });
});

describe(`the authority's follow-up on ${TEST_DB}`, () => {
  it('shows the goal history and hours, continues with a next date, then ends § 85 support with 4 weeks’ continuation', async () => {
    const { orderId, view, case: c } = await accepted();
    const goal = view.goals[0];
    await provider.send('POST', `/api/provider/orders/${orderId}/goals/${goal?.id}/statuses`, {
      version: goal?.version,
      kind: 'quarterly',
      scoredOn: addWeeks(today, -1),
      supportNeedCode: need('Moderat støttebehov'),
      justification: 'Fremgang.',
    });
    const f = (await caseworker.get(`/api/cases/${c.id}/follow-up`)).json() as { order: ProviderOrder; timeLimit: string | null };
    expect(f.order.goals[0]?.statuses).toHaveLength(1);
    expect(f.order.goals[0]?.progress).toBe('gained');
    expect(f.order.hours.weeks.length).toBeGreaterThan(0);

    const noDate = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: c.version,
      outcome: 'continue',
      heldOn: today,
      note: 'Godt forløb.',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json()).toMatchObject({ fields: [{ path: 'nextFollowUp' }] });
    const next = addWeeks(today, 12);
    const cont = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: c.version,
      outcome: 'continue',
      heldOn: today,
      note: 'Godt forløb; målene fastholdes.',
      nextFollowUp: next,
    });
    expect(cont.statusCode).toBe(201);
    expect((await orderOf(provider, orderId)).firstFollowUp).toBe(next);
    // Holding the follow-up moved the case's version: a second caseworker saving the same follow-up gets 409.
    const again = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: c.version,
      outcome: 'continue',
      heldOn: today,
      note: 'Samme opfølgning, gemt to gange.',
      nextFollowUp: next,
    });
    expect(again.statusCode).toBe(409);
    const held = await journey.get(c.id);
    expect(held.version).toBe(c.version + 1);

    const noReasons = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: c.version,
      outcome: 'end',
      heldOn: today,
      note: 'Målene er nået.',
    });
    expect(noReasons.statusCode).toBe(400);
    const noHearingReason = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: c.version,
      outcome: 'end',
      heldOn: today,
      note: 'Målene er nået.',
      reasons: 'Målene er nået.',
      partyHearing: 'not_needed',
    });
    expect(noHearingReason.statusCode).toBe(400);
    expect(noHearingReason.json()).toMatchObject({ fields: [{ path: 'partyHearingNote' }] });
    // Ending is a decision: whether the citizen was heard is never assumed (issue 12: no risky defaults).
    const noHearing = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: held.version,
      outcome: 'end',
      heldOn: today,
      note: 'Målene er nået.',
      reasons: 'Du klarer nu dine indkøb og din økonomi selv.',
    });
    expect(noHearing.statusCode).toBe(400);
    expect(noHearing.json()).toMatchObject({
      fields: [{ path: 'partyHearing', message: 'Vælg, om borgeren er partshørt, eller om partshøring ikke var nødvendig.' }],
    });
    const future = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: held.version,
      outcome: 'end',
      heldOn: addDays(today, 1),
      note: 'Målene er nået.',
      reasons: 'Du klarer nu dine indkøb og din økonomi selv.',
      partyHearing: 'done',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ fields: [{ path: 'heldOn' }] });
    const end = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: held.version,
      outcome: 'end',
      heldOn: today,
      note: 'Målene er nået.',
      reasons: 'Du klarer nu dine indkøb og din økonomi selv.',
      partyHearing: 'done',
    });
    expect(end.statusCode).toBe(201);
    const continuation = addWeeks(today, 4);
    const after = await journey.get(c.id);
    expect(after.status).toBe('closed');
    expect(after.decisions[0]).toMatchObject({ outcome: 'refused', kind: 'stop', decidedOn: today });
    expect(after.deadlines.find((d) => d.kind === 'housing_support_continuation')).toMatchObject({ dueDate: continuation });
    const order = await orderOf(provider, orderId);
    expect(order).toMatchObject({ endsOn: continuation, state: 'accepted' });
    // The citizen reads when the support ends, and no follow-up that will not come (issue 16).
    const citizen = await loginAs(app, 'citizen');
    const mine = ((await citizen.get('/api/me/overview')).json() as MyOverview).cases.find((x) => x.id === c.id);
    expect(mine?.support).toMatchObject({ endsOn: continuation, nextFollowUp: null });
    expect(order.goals.every((g) => g.endedOn === continuation)).toBe(true);
    // The final status is now due on the last day of support.
    expect(order.goals[0]?.nextStatus).toMatchObject({ kind: 'final', due: continuation });
    const letter = (
      await caseworker.get(`/api/cases/${c.id}/documents/${(end.json() as { documentId: string }).documentId}/letter`)
    ).json() as {
      paragraphs: string[];
    };
    expect(letter.paragraphs.join(' ')).toContain('Du beholder støtten i 4 uger fra afgørelsens dato');
    expect(letter.paragraphs.join(' ')).toContain('Klagevejledning');
    expect(letter.paragraphs.join(' ')).toContain('Du er blevet partshørt');
    // The stop letter names the service-level version it applies, like every decision letter (issue 12).
    expect(letter.paragraphs.join(' ')).toContain('serviceniveau for SEL § 85, version 1, gældende fra 1.1.2024');
    // A complaint against the stop decision is possible on the closed case.
    expect(after.allowedActions).toContain('register_complaint');
    const twice = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: after.version,
      outcome: 'end',
      heldOn: today,
      note: 'Igen',
      reasons: 'Igen',
      partyHearing: 'done',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses a quarterly status on a goal that has ended (409), but takes the final status', async () => {
    const { orderId, case: c } = await accepted();
    // Support stopped 40 days ago: with 4 weeks' continuation it ended 12 days ago.
    const held = addDays(today, -40);
    const end = await caseworker.send('POST', `/api/cases/${c.id}/follow-up`, {
      version: c.version,
      outcome: 'end',
      heldOn: held,
      note: 'Afsluttet.',
      reasons: 'Målene er nået.',
      partyHearing: 'done',
    });
    expect(end.statusCode).toBe(201);
    const view = await orderOf(provider, orderId);
    expect(view).toMatchObject({ state: 'ended', endsOn: addWeeks(held, 4) });
    const goal = view.goals[0];
    const url = `/api/provider/orders/${orderId}/goals/${goal?.id}/statuses`;
    const body = {
      version: goal?.version,
      scoredOn: today,
      supportNeedCode: need('Let støttebehov'),
      justification: 'Efter ophør.',
    };
    const quarterly = await provider.send('POST', url, { ...body, kind: 'quarterly' });
    expect(quarterly.statusCode).toBe(409);
    expect(quarterly.json()).toMatchObject({ fields: [{ path: 'goalId', message: 'Målet er afsluttet og kan ikke scores.' }] });
    expect((await provider.send('POST', url, { ...body, kind: 'final' })).statusCode).toBe(201);
    // Hours and journal entries after the end are refused too; a note on a day before the end is fine.
    expect(
      (await provider.send('POST', `/api/provider/orders/${orderId}/journal`, { goalId: goal?.id, writtenOn: today, body: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${orderId}/journal`, {
          goalId: goal?.id,
          writtenOn: addWeeks(held, 1),
          body: 'Eftertilføjet notat fra sidste besøg.',
        })
      ).statusCode,
    ).toBe(204);
    expect((await provider.send('PUT', `/api/provider/orders/${orderId}/hours`, { weekStart: today, hours: 2 })).statusCode).toBe(
      409,
    );
  });

  it('revisits: a new decision lowering the hours carries complaint guidance, and the new order ends the old one', async () => {
    const { orderId, case: c } = await accepted();
    expect(
      (await caseworker.send('POST', `/api/cases/${c.id}/revisitation`, { version: c.version, reason: 'Timerne leveres ikke.' }))
        .statusCode,
    ).toBe(204);
    let detail = await journey.get(c.id);
    expect(detail.status).toBe('assessment');
    const res = await caseworker.send('POST', `/api/cases/${c.id}/decision`, {
      version: detail.version,
      outcome: 'granted',
      serviceDescriptionVersionId: await journey.versionOf('SEL § 85'),
      decidedOn: today,
      weeklyHours: 2,
      startDate: today,
      reasons: 'Behovet er mindre end før.',
      partyHearing: 'done',
    });
    expect(res.statusCode).toBe(200);
    detail = await journey.get(c.id);
    expect(detail.deadlines.some((d) => d.kind === 'complaint' && d.fromDate === today)).toBe(true);
    const kinds = await inSystem(database, (tx) =>
      tx.selectFrom('decision').select('kind').where('case_id', '=', c.id).orderBy('created_at').execute(),
    );
    expect(kinds.map((k) => k.kind)).toEqual(['application', 'revisitation']);
    const reorder = await caseworker.send('POST', `/api/cases/${c.id}/order`, {
      version: detail.version,
      offerId: await journey.offerId('bostoetten'),
      orderedOn: today,
      firstFollowUp: addWeeks(today, 12),
      goals: [
        {
          text: 'Holder styr på økonomien',
          indicator: 'Regninger betalt til tiden',
          targetDate: addWeeks(today, 26),
          conditionCode: detail.order?.goals[0]?.conditionCode,
          goalTypeCode: detail.order?.goals[0]?.goalTypeCode,
          baselineSupportNeedCode: need('Moderat støttebehov'),
          targetSupportNeedCode: need('Let støttebehov'),
        },
      ],
    });
    expect(reorder.statusCode).toBe(200);
    expect((await orderOf(provider, orderId)).endsOn).toBe(today);
  });
});

describe(`follow-up alerts on "my cases" on ${TEST_DB}`, () => {
  it('raises overdue FKO status, hours deviation, an expiring time limit and a follow-up due soon', async () => {
    // Time-limited support ending in 20 days: inside the 30-day alert window.
    const { orderId, case: c } = await accepted({ decision: { ...pastDecision, timeLimitUntil: addDays(today, 20) } });
    const alertsOf = async (s: Session) =>
      (
        (await s.get('/api/follow-up/alerts?scope=mine&pageSize=100')).json() as {
          items: { caseId: string; alerts: string[] }[];
        }
      ).items.find((a) => a.caseId === c.id)?.alerts;
    // Ten weeks in, nothing scored and no hours registered: the first status (due after 3 months) is not yet
    // overdue, the hours deviate, the time limit is near.
    expect(await alertsOf(caseworker)).toEqual(['hours_deviation', 'time_limit_expiring']);
    const weeks = Array.from({ length: 9 }, (_, i) => addWeeks(isoWeekStart(today), -(i + 1)));
    for (const w of weeks) await provider.send('PUT', `/api/provider/orders/${orderId}/hours`, { weekStart: w, hours: 3 });
    expect(await alertsOf(caseworker)).toEqual(['time_limit_expiring']);
    // Another caseworker does not see Maria's cases under "mine"; the team leader sees them under "team".
    const peter = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Peter Holm');
    expect(await alertsOf(peter)).toBeUndefined();
    const team = await loginAs(app, 'team_leader');
    const teamAlerts = (
      (await team.get('/api/follow-up/alerts?scope=team&pageSize=100')).json() as { items: { caseId: string }[] }
    ).items;
    expect(teamAlerts.map((a) => a.caseId)).toContain(c.id);
    expect((await provider.get('/api/follow-up/alerts')).statusCode).toBe(403);
  });

  it('flags an FKO status as overdue when three months have passed without one', async () => {
    const longAgo = addWeeks(today, -16);
    const { case: c } = await accepted({ decision: { decidedOn: longAgo, startDate: longAgo }, orderedOn: longAgo });
    const view = (await caseworker.get(`/api/cases/${c.id}/follow-up`)).json() as { order: ProviderOrder };
    expect(view.order.goals[0]?.nextStatus?.overdue).toBe(true);
    const alerts = (
      (await caseworker.get('/api/follow-up/alerts?scope=mine&pageSize=100')).json() as {
        items: { caseId: string; alerts: string[] }[];
      }
    ).items.find((a) => a.caseId === c.id)?.alerts;
    expect(alerts).toContain('fko_overdue');
  });
});

describe(`the citizen's own view on ${TEST_DB}`, () => {
  it('shows my decisions, plan and goals, next follow-up and provider; my access log shows units and purposes, not names', async () => {
    const { orderId, view, case: c } = await accepted();
    const goal = view.goals[0];
    await provider.send('POST', `/api/provider/orders/${orderId}/goals/${goal?.id}/statuses`, {
      version: goal?.version,
      kind: 'quarterly',
      scoredOn: today,
      supportNeedCode: need('Moderat støttebehov'),
      justification: 'Fremgang.',
    });
    const citizen = await loginAs(app, 'citizen');
    const overview = (await citizen.get('/api/me/overview')).json() as MyOverview;
    expect(overview.name).toBe('Mette Kjærsgaard');
    const mine = overview.cases.find((x) => x.id === c.id);
    expect(mine?.decisions[0]).toMatchObject({ outcome: 'granted', legalBasis: 'SEL § 85', weeklyHours: 3 });
    expect(mine?.support).toMatchObject({
      offerName: 'Bostøtten i Socialpsykiatrien',
      nextFollowUp: JOURNEY_DATES.firstFollowUp,
    });
    expect(mine?.support?.goals[0]).toMatchObject({
      progress: 'gained',
      statuses: [expect.objectContaining({ scoredOn: today })],
    });
    expect(JSON.stringify(overview)).not.toContain('Fortroligt');
    const letter = mine?.documents[0];
    const pdf = await citizen.get(`/api/me/cases/${c.id}/documents/${letter?.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const log = (await citizen.get('/api/me/access-log?pageSize=100')).json() as {
      items: { unit: string | null; purpose: string | null; role: string }[];
    };
    expect(log.items.some((e) => e.role === 'provider_staff' && e.unit !== null && e.purpose === 'follow_up')).toBe(true);
    // One line per visit: the provider's reads and changes of this order are one line, naming the provider Mette
    // knows (the offer of her order), not the staff member's unit (Drosselvej), with what was read.
    const visits = (
      (await citizen.get('/api/me/access-log?pageSize=100')).json() as {
        items: { role: string; unit: string | null; entries: number; actions: string[]; what: string[] }[];
      }
    ).items.filter((e) => e.role === 'provider_staff' && e.what.includes('order'));
    expect(visits[0]).toMatchObject({ unit: 'Bostøtten i Socialpsykiatrien', actions: expect.arrayContaining(['read']) });
    expect(visits[0]?.entries).toBeGreaterThan(1);
    expect(visits[0]?.what).toEqual(expect.arrayContaining(['order', 'fko_status']));
    expect(JSON.stringify(log)).not.toContain('Rasmus Kjær');
    expect(JSON.stringify(log)).not.toContain('Maria Vestergaard');
  });

  it('sends a message and files a digital complaint that enters the complaint flow; never on another citizen’s case', async () => {
    const refused = await journey.decided('refused', 'SEL § 107', { decidedOn: today });
    const citizen = await loginAs(app, 'citizen');
    expect((await citizen.send('POST', `/api/me/cases/${refused.id}/messages`, { body: 'Hvornår ringer I?' })).statusCode).toBe(
      204,
    );
    const empty = await citizen.send('POST', `/api/me/cases/${refused.id}/complaints`, { text: '' });
    expect(empty.statusCode).toBe(400);
    const res = await citizen.send('POST', `/api/me/cases/${refused.id}/complaints`, { text: 'Jeg klager over afslaget.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ timeliness: 'in_time' });
    const detail = await journey.get(refused.id);
    expect(detail.complaints[0]).toMatchObject({ form: 'digital', receivedOn: today, status: 'reconsideration' });
    expect(detail.events.map((e) => e.subject)).toEqual(expect.arrayContaining(['Besked fra borgeren']));
    // The caseworker sees the message on the case and answers; the citizen reads the answer on their page.
    expect(detail.messages.map((m) => [m.fromParty, m.body])).toEqual([['citizen', 'Hvornår ringer I?']]);
    expect(
      (await caseworker.send('POST', `/api/cases/${refused.id}/messages`, { body: 'Jeg ringer i morgen kl. 10.' })).statusCode,
    ).toBe(204);
    const mine = ((await citizen.get('/api/me/overview')).json() as MyOverview).cases.find((x) => x.id === refused.id);
    expect(mine?.messages.map((m) => [m.fromParty, m.authorName, m.body])).toEqual([
      ['citizen', 'Mette Kjærsgaard', 'Hvornår ringer I?'],
      ['authority', 'Maria Vestergaard', 'Jeg ringer i morgen kl. 10.'],
    ]);
    // Søren's case is not Mette's: 404, and the attempt is audited.
    const soerens = await journey.decided('refused', 'SEL § 107', {}, SOEREN);
    const denied = await citizen.send('POST', `/api/me/cases/${soerens.id}/complaints`, { text: 'x' });
    expect(denied.statusCode).toBe(404);
    expect(await auditOf(String(denied.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'access_denied', citizen_id: soerens.citizen.id }),
    ]);
    expect(
      (await citizen.get(`/api/me/cases/${soerens.id}/documents/${soerens.decisions[0]?.letterDocumentId}`)).statusCode,
    ).toBe(404);
    expect((await citizen.get(`/api/cases/${soerens.id}`)).statusCode).toBe(404);
  });
});
