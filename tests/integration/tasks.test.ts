import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/rules/calendar/date-arithmetic.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { SUPPORT_NEED_LEVELS } from '../../src/shared/assessment/ffb-terms.ts';
import type { CaseDetail } from '../../src/shared/cases/case.schema.ts';
import type { ProviderOrder } from '../../src/shared/follow-up/follow-up.schema.ts';
import { plainDateInCopenhagen } from '../../src/shared/plain-date.ts';
import type { TaskItem } from '../../src/shared/tasks/task.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let colleague: Session;
let provider: Session;
let citizen: Session;
let journey: ReturnType<typeof caseJourney>;

const today = plainDateInCopenhagen(new Date());

/** Every item of a user's inbox, page by page (the demo's own tasks and deadlines are there too). */
async function inboxOf(s: Session): Promise<{ items: TaskItem[]; total: number }> {
  const items: TaskItem[] = [];
  let total = 0;
  for (let page = 1; page < 50; page++) {
    const res = (await s.get(`/api/tasks?page=${page}&pageSize=100`)).json() as { items: TaskItem[]; total: number };
    items.push(...res.items);
    total = res.total;
    if (items.length >= total || !res.items.length) break;
  }
  return { items, total };
}
const countOf = async (s: Session) => ((await s.get('/api/tasks/count')).json() as { open: number }).open;
const orderOf = async (id: string) => (await provider.get(`/api/provider/orders/${id}`)).json() as ProviderOrder;

async function auditOf(requestId: string) {
  return inSystem(database, (tx) =>
    tx
      .selectFrom('audit_log')
      .select(['action', 'record_type', 'record_id', 'citizen_id', 'details'])
      .where('request_id', '=', requestId)
      .execute(),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  colleague = await loginAs(app, 'caseworker', undefined, 'Peter Holm');
  provider = await loginAs(app, 'provider_staff');
  citizen = await loginAs(app, 'citizen');
  journey = caseJourney(app, caseworker);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`the caseworker's task inbox on ${TEST_DB}`, () => {
  it('gets the citizen’s digital complaint and message as tasks; marking one done is audited, and only once', async () => {
    const refused = await journey.decided('refused', 'SEL § 107', { decidedOn: today });
    const before = await countOf(caseworker);
    expect((await citizen.send('POST', `/api/me/cases/${refused.id}/messages`, { body: 'Hvornår ringer I?' })).statusCode).toBe(
      204,
    );
    expect(
      (await citizen.send('POST', `/api/me/cases/${refused.id}/complaints`, { text: 'Jeg klager over afslaget.' })).statusCode,
    ).toBe(201);

    const inbox = await inboxOf(caseworker);
    const mine = inbox.items.filter((i) => i.caseId === refused.id && i.source === 'event');
    expect(mine.map((i) => [i.kind, i.summary, i.canMarkDone]).sort()).toEqual([
      ['citizen_complaint', 'Jeg klager over afslaget.', true],
      ['citizen_message', 'Hvornår ringer I?', true],
    ]);
    expect(mine[0]).toMatchObject({ citizenName: 'Mette Kjærsgaard', journalNumber: refused.journalNumber });
    expect(await countOf(caseworker)).toBe(before + 2);
    expect(inbox.total).toBe(before + 2);

    const message = mine.find((i) => i.kind === 'citizen_message') as TaskItem;
    // Another caseworker's case is not in Peter's inbox, and he cannot mark its task: 404, audited.
    expect((await inboxOf(colleague)).items.some((i) => i.caseId === refused.id)).toBe(false);
    const denied = await colleague.send('POST', `/api/tasks/${message.id}/done`, { version: message.version });
    expect(denied.statusCode).toBe(404);
    expect(await auditOf(String(denied.headers['x-request-id']))).toEqual([
      expect.objectContaining({ action: 'access_denied', record_type: 'task', citizen_id: refused.citizen.id }),
    ]);

    const done = await caseworker.send('POST', `/api/tasks/${message.id}/done`, { version: message.version });
    expect(done.statusCode).toBe(204);
    expect(await auditOf(String(done.headers['x-request-id']))).toEqual([
      expect.objectContaining({
        action: 'update',
        record_type: 'task',
        record_id: message.id,
        citizen_id: refused.citizen.id,
        details: { change: 'done', kind: 'citizen_message' },
      }),
    ]);
    const again = await caseworker.send('POST', `/api/tasks/${message.id}/done`, { version: message.version });
    expect(again.statusCode).toBe(409);
    expect(await countOf(caseworker)).toBe(before + 1);
    expect((await inboxOf(caseworker)).items.some((i) => i.id === message.id)).toBe(false);
    expect((await caseworker.send('POST', `/api/tasks/${message.id}/done`, { version: 0 })).statusCode).toBe(400);
  });

  it('shows the municipality’s deadlines within 7 days or overdue, not later ones and not the citizen’s', async () => {
    const soon = await journey.open({ receivedOn: addDays(today, -10) });
    const later = await journey.open({ receivedOn: today });
    const items = (await inboxOf(caseworker)).items.filter((i) => i.source === 'deadline');
    const receipt = items.find((i) => i.caseId === soon.id);
    expect(receipt).toMatchObject({ kind: 'receipt', canMarkDone: false, version: null, summary: null });
    expect(receipt?.due && receipt.due <= addDays(today, 7)).toBe(true);
    expect(items.some((i) => i.caseId === later.id)).toBe(false);
    expect(
      items.every((i) => ['receipt', 'decision', 'decision_day_offer', 'start', 'forward_to_ankestyrelsen'].includes(i.kind)),
    ).toBe(true);
    // Sending the receipt meets the deadline: the item leaves the inbox.
    await caseworker.send('POST', `/api/cases/${soon.id}/receipt`, { version: soon.version });
    expect((await inboxOf(caseworker)).items.some((i) => i.caseId === soon.id)).toBe(false);
  });

  it('pages the inbox and refuses a page size over the cap', async () => {
    const first = (await caseworker.get('/api/tasks?page=1&pageSize=2')).json() as { items: TaskItem[]; total: number };
    expect(first.items.length).toBeLessThanOrEqual(2);
    const second = (await caseworker.get('/api/tasks?page=2&pageSize=2')).json() as { items: TaskItem[] };
    expect(second.items.map((i) => i.id).filter((id) => first.items.some((f) => f.id === id))).toEqual([]);
    expect((await caseworker.get('/api/tasks?pageSize=1000')).statusCode).toBe(400);
    expect((await citizen.get('/api/tasks')).statusCode).toBe(403);
  });
});

describe(`the provider's answers to an order on ${TEST_DB}`, () => {
  it('declines with a reason: the case waits for an order again and the caseworker gets the reason as a task', async () => {
    const o = await journey.ordered();
    const providerInbox = (await inboxOf(provider)).items;
    expect(providerInbox.find((i) => i.orderId === o.orderId)).toMatchObject({ kind: 'order_received', canMarkDone: true });
    const view = await orderOf(o.orderId);
    expect(view.actions).toEqual(['accept', 'decline', 'ask']);

    const empty = await provider.send('POST', `/api/provider/orders/${o.orderId}/decline`, {
      version: view.version,
      reason: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ fields: [{ path: 'reason', message: 'Skriv, hvorfor bestillingen afvises.' }] });
    const english = await provider.send(
      'POST',
      `/api/provider/orders/${o.orderId}/decline`,
      { version: view.version, reason: '' },
      { 'accept-language': 'en' },
    );
    expect(english.json()).toMatchObject({ fields: [{ path: 'reason', message: 'Write why the order is declined.' }] });
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${o.orderId}/decline`, {
          version: view.version + 1,
          reason: 'Ingen plads',
        })
      ).statusCode,
    ).toBe(409);

    // Two staff at once: one declines, the other gets 409 and nothing of theirs is saved.
    const [a, b] = await Promise.all([
      provider.send('POST', `/api/provider/orders/${o.orderId}/decline`, {
        version: view.version,
        reason: 'Ingen ledig plads før marts.',
      }),
      provider.send('POST', `/api/provider/orders/${o.orderId}/decline`, { version: view.version, reason: 'Anden grund' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    const declined = await orderOf(o.orderId);
    expect(declined).toMatchObject({ state: 'declined', actions: [], declined: { on: today } });
    expect(['Ingen ledig plads før marts.', 'Anden grund']).toContain(declined.declined?.reason);
    expect(
      (await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, { version: declined.version, startDate: today }))
        .statusCode,
    ).toBe(409);

    const c = await journey.get(o.case.id);
    expect(c.status).toBe('decided');
    // The case page shows the decline, its day and reason, and offers to order again (elsewhere).
    expect(c.order).toMatchObject({ id: o.orderId, state: 'declined', declined: declined.declined, question: null });
    expect(c.allowedActions).toContain('order');
    expect(c.events.map((e) => e.subject)).toContain('Bestilling afvist af Bostøtten i Socialpsykiatrien');
    // A declined order never started: no follow-up can continue it (bug: one was accepted and scheduled).
    const followUp = await caseworker.send('POST', `/api/cases/${o.case.id}/follow-up`, {
      version: c.version,
      outcome: 'continue',
      heldOn: today,
      note: 'Opfølgning på en afvist bestilling.',
      nextFollowUp: addDays(today, 90),
    });
    expect(followUp.statusCode).toBe(409);
    expect((await journey.get(o.case.id)).version).toBe(c.version);
    const task = (await inboxOf(caseworker)).items.find((i) => i.caseId === o.case.id && i.kind === 'order_declined');
    expect(task).toMatchObject({ summary: declined.declined?.reason, canMarkDone: true, orderId: o.orderId });
    expect((await inboxOf(provider)).items.some((i) => i.orderId === o.orderId)).toBe(false);
    // The declined order no longer opens the citizen to the provider's staff on the order list's "incoming".
    const incoming = (await provider.get('/api/provider/orders?state=incoming&pageSize=100')).json() as {
      items: { id: string }[];
    };
    expect(incoming.items.some((i) => i.id === o.orderId)).toBe(false);
    const ended = (await provider.get('/api/provider/orders?state=ended&pageSize=100')).json() as {
      items: { id: string }[];
      total: number;
    };
    expect(ended.items.map((i) => i.id)).toContain(o.orderId);
    expect(ended.total).toBe(ended.items.length);
  });

  it('asks a question and holds the order; the caseworker answers from the inbox and the order can be accepted', async () => {
    const o = await journey.ordered();
    const view = await orderOf(o.orderId);
    const empty = await provider.send('POST', `/api/provider/orders/${o.orderId}/question`, {
      version: view.version,
      question: '',
    });
    expect(empty.json()).toMatchObject({ fields: [{ path: 'question' }] });
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${o.orderId}/question`, {
          version: view.version,
          question: 'Må vi starte med to besøg om ugen?',
        })
      ).statusCode,
    ).toBe(204);
    const held = await orderOf(o.orderId);
    expect(held).toMatchObject({ state: 'on_hold', actions: ['decline'] });
    // The held order stays on "incoming", and the list's total counts what it lists (it left held orders out).
    const incoming = (await provider.get('/api/provider/orders?state=incoming&pageSize=100')).json() as {
      items: { id: string }[];
      total: number;
    };
    expect(incoming.items.map((i) => i.id)).toContain(o.orderId);
    expect(incoming.total).toBe(incoming.items.length);
    // The case page shows the question that holds the order, in full, with who asked it.
    const onHold = await journey.get(o.case.id);
    expect(onHold.order).toMatchObject({
      state: 'on_hold',
      version: held.version,
      declined: null,
      question: { body: 'Må vi starte med to besøg om ugen?', authorName: expect.stringContaining('Bostøtten') },
    });
    expect(
      (await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, { version: held.version, startDate: today }))
        .statusCode,
    ).toBe(409);

    const task = (await inboxOf(caseworker)).items.find((i) => i.orderId === o.orderId && i.kind === 'provider_question');
    expect(task).toMatchObject({
      summary: 'Må vi starte med to besøg om ugen?',
      canMarkDone: false,
      answerable: true,
      orderVersion: held.version,
    });
    // A question is done by answering it.
    const mark = await caseworker.send('POST', `/api/tasks/${task?.id}/done`, { version: task?.version });
    expect(mark.statusCode).toBe(409);
    const noBody = await caseworker.send('POST', `/api/orders/${o.orderId}/answer`, { version: held.version, body: '' });
    expect(noBody.json()).toMatchObject({ fields: [{ path: 'body', message: 'Skriv dit svar til udføreren.' }] });
    expect(
      (await caseworker.send('POST', `/api/orders/${o.orderId}/answer`, { version: held.version - 1, body: 'Ja.' })).statusCode,
    ).toBe(409);
    const answer = await caseworker.send('POST', `/api/orders/${o.orderId}/answer`, {
      version: held.version,
      body: 'Ja, to besøg om ugen de første fire uger.',
    });
    expect(answer.statusCode).toBe(204);
    expect((await inboxOf(caseworker)).items.some((i) => i.id === task?.id)).toBe(false);
    expect(
      (await caseworker.send('POST', `/api/orders/${o.orderId}/answer`, { version: held.version + 1, body: 'Igen' })).statusCode,
    ).toBe(409);

    const released = await orderOf(o.orderId);
    expect(released).toMatchObject({ state: 'ordered', actions: ['accept', 'decline', 'ask'] });
    expect((await journey.get(o.case.id)).order).toMatchObject({ state: 'ordered', question: null });
    expect(released.messages.map((m) => [m.fromParty, m.body])).toEqual([
      ['provider', 'Må vi starte med to besøg om ugen?'],
      ['authority', 'Ja, to besøg om ugen de første fire uger.'],
    ]);
    const answered = (await inboxOf(provider)).items.find((i) => i.orderId === o.orderId);
    expect(answered).toMatchObject({ kind: 'question_answered', summary: 'Ja, to besøg om ugen de første fire uger.' });
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, {
          version: released.version,
          startDate: '2026-12-01',
        })
      ).statusCode,
    ).toBe(204);
    // Accepting does what the answer and the new order asked for.
    expect((await inboxOf(provider)).items.some((i) => i.orderId === o.orderId && i.source === 'event')).toBe(false);
  });

  it('shows the provider the decision and the plan as provider-disclosure.ts allows, and nothing else of the case', async () => {
    const o = await journey.ordered({
      decision: {
        outcome: 'partly_granted',
        appliedFor: 'Bostøtte 5 timer om ugen.',
        refusedPart: 'Hemmeligt afslag: 2 af de 5 timer.',
        partyHearing: 'not_needed',
        partyHearingNote: 'Intern note: borgeren var indlagt.',
      },
    });
    const view = await orderOf(o.orderId);
    expect(view.decision).toMatchObject({ decidedOn: '2026-11-20', legalBasis: 'SEL § 85' });
    expect(view.decision.text).toEqual([
      expect.stringMatching(/^Delvist bevilget: .+ efter SEL § 85 \(afgørelse af 20\.11\.2026\)\.$/),
      'Omfang: 3 timer om ugen. Det svarer til borgerprofil 3.',
      'Støtten begynder den 1.12.2026.',
      'Begrundelse: Begrundelse med æøå: udredningen viser et væsentligt behov.',
    ]);
    expect(view.plan).toEqual({
      purpose: 'At mestre egen hverdag',
      services: 'Socialpædagogisk støtte',
      expectedDuration: '1 år',
    });
    const all = JSON.stringify(view);
    for (const secret of ['Hemmeligt afslag', 'Intern note', 'Fortroligt', 'Bostøtte 5 timer']) expect(all).not.toContain(secret);
  });

  it('puts the provider’s FKO status and message in the caseworker’s inbox', async () => {
    const o = await journey.ordered();
    const view = await orderOf(o.orderId);
    await provider.send('POST', `/api/provider/orders/${o.orderId}/accept`, { version: view.version, startDate: '2026-12-01' });
    const goal = (await orderOf(o.orderId)).goals[0];
    expect(
      (
        await provider.send('POST', `/api/provider/orders/${o.orderId}/goals/${goal?.id}/statuses`, {
          version: goal?.version,
          kind: 'quarterly',
          scoredOn: today,
          supportNeedCode: SUPPORT_NEED_LEVELS.find((l) => l.display === 'Moderat støttebehov')?.code,
          justification: 'Handler selv ind to gange om ugen.',
        })
      ).statusCode,
    ).toBe(201);
    await provider.send('POST', `/api/provider/orders/${o.orderId}/messages`, { body: 'Borgeren er syg i denne uge.' });
    const mine = (await inboxOf(caseworker)).items.filter((i) => i.orderId === o.orderId);
    expect(mine.map((i) => [i.kind, i.summary])).toEqual([
      ['fko_status', 'FKO-status på mål 1: Handler selv ind to gange om ugen.'],
      ['provider_message', 'Borgeren er syg i denne uge.'],
    ]);
    // The caseworker's message goes the other way.
    await caseworker.send('POST', `/api/cases/${o.case.id}/follow-up/messages`, { body: 'Tak, vi tager det på opfølgningen.' });
    expect((await inboxOf(provider)).items.find((i) => i.orderId === o.orderId)).toMatchObject({
      kind: 'authority_message',
      summary: 'Tak, vi tager det på opfølgningen.',
    });
  });
});

describe(`the team leader's inbox on ${TEST_DB}`, () => {
  it('holds the decisions of the team awaiting approval, never the leader’s own, until they are approved or sent back', async () => {
    const leader = await loginAs(app, 'team_leader', MUNICIPALITY.rksk, 'Birgitte Lund');
    const sel85 = await journey.versionOf('SEL § 85');
    const justification = 'Har brug for 1:1-støtte i alle vågne timer efter hjerneskaden.';
    /** A case in assessment with a grant of 112 hours a week (above the highest profile's 95) proposed by `by`. */
    const propose = async (by: Session) => {
      const c = await journey.assessed();
      const res = await by.send('POST', `/api/cases/${c.id}/decision`, {
        version: c.version,
        outcome: 'granted',
        serviceDescriptionVersionId: sel85,
        decidedOn: today,
        weeklyHours: 112,
        startDate: addDays(today, 14),
        reasons: 'Du har brug for støtte i alle vågne timer, jf. udredningen.',
        partyHearing: 'done',
        hoursJustification: justification,
      });
      expect(res.statusCode).toBe(200);
      return (await by.get(`/api/cases/${c.id}`)).json() as CaseDetail;
    };
    const before = await countOf(leader);
    const first = await propose(caseworker);
    const second = await propose(caseworker);
    const own = await propose(leader);

    const inbox = await inboxOf(leader);
    const waiting = inbox.items.filter((i) => i.source === 'approval');
    expect(waiting.map((i) => i.caseId)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(waiting.map((i) => i.caseId)).not.toContain(own.id);
    expect(waiting.find((i) => i.caseId === first.id)).toMatchObject({
      kind: 'approval',
      citizenName: first.citizen.name,
      journalNumber: first.journalNumber,
      summary: justification,
      orderId: null,
      due: null,
      canMarkDone: false,
      answerable: false,
      version: null,
      approval: { weeklyHours: 112, thresholdHours: 95, requestedByName: 'Maria Vestergaard' },
    });
    expect(inbox.total).toBe(before + 2);
    expect(await countOf(leader)).toBe(before + 2);
    // The caseworkers' inboxes hold no approvals; an approval is done on its case, not marked done here (404).
    for (const s of [caseworker, colleague]) expect((await inboxOf(s)).items.some((i) => i.source === 'approval')).toBe(false);
    const item = waiting.find((i) => i.caseId === first.id) as TaskItem;
    expect((await leader.send('POST', `/api/tasks/${item.id}/done`, { version: 1 })).statusCode).toBe(404);

    expect((await leader.send('POST', `/api/cases/${first.id}/decision/approve`, { version: first.version })).statusCode).toBe(
      200,
    );
    const back = await leader.send('POST', `/api/cases/${second.id}/decision/send-back`, {
      version: second.version,
      reason: 'Beskriv nattens behov.',
    });
    expect(back.statusCode).toBe(200);
    const after = await inboxOf(leader);
    expect(after.items.some((i) => i.caseId === first.id || i.caseId === second.id)).toBe(false);
    expect(await countOf(leader)).toBe(before);
  });
});
