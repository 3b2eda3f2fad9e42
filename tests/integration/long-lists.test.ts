import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES_PER_CASE } from '../../src/server/modules/case-file/case-file.repository.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import { type Page, TOTAL_CAP } from '../../src/shared/api/page.ts';
import {
  CASE_DEADLINES_SHOWN,
  CASE_DOCUMENTS_SHOWN,
  CASE_EVENTS_SHOWN,
  type CaseDetail,
  caseDetailSchema,
} from '../../src/shared/cases/case.schema.ts';
import type { CaseDocument } from '../../src/shared/cases/document.schema.ts';
import { CITIZEN_CASES_PAGE_SIZE, type CitizenCase, type CitizenDetail } from '../../src/shared/citizens/citizen.schema.ts';
import {
  FOLLOW_UPS_SHOWN,
  type FollowUpEntry,
  ORDER_JOURNAL_SHOWN,
  type OrderJournalEntry,
  type ProviderOrder,
} from '../../src/shared/follow-up/follow-up.schema.ts';
import { MY_CASES_PAGE_SIZE, type MyOverview } from '../../src/shared/self-service/self-service.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { pdfText } from '../support/pdf-text.ts';
import { loginAs, MUNICIPALITY, type Session, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * Lists that used to end silently (issue 11): a citizen's overview showed at most 100 cases, a case at most 1,000
 * journal entries and 200 deadlines. Each now says how many there are and pages the rest, audited like the page.
 */
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let caseworker: Session;
let c: CaseDetail;

const EVENTS = CASE_EVENTS_SHOWN + 45;
const MET_DEADLINES = CASE_DEADLINES_SHOWN + 10;
const MESSAGES = MESSAGES_PER_CASE + 10;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  caseworker = await loginAs(app, 'caseworker');
  const journey = caseJourney(app, caseworker);
  c = await journey.open();
  // A long history, written as the journal and the deadline rules would have written it over the years.
  await database.adminTransaction(async (tx) => {
    await tx.query(
      `insert into case_event (municipality_id, case_id, kind, subject, body, actor_name, actor_role)
       select municipality_id, id, 'note', 'Notat ' || g, null, 'Maria', 'caseworker'
       from case_file, generate_series(1, $2::int) g where id = $1`,
      [c.id, EVENTS],
    );
    await tx.query(
      `insert into case_deadline (municipality_id, case_id, kind, from_date, due_date, ends_at_time, rule_version, source, met_on)
       select municipality_id, id, 'fko_status', date '2010-01-01' + g * 7, date '2010-01-08' + g * 7, '23:59', 'test', 'test',
              date '2010-01-08' + g * 7
       from case_file, generate_series(1, $2::int) g where id = $1`,
      [c.id, MET_DEADLINES],
    );
    await tx.query(
      `insert into case_message (municipality_id, case_id, channel, from_party, author_name, body)
       select municipality_id, id, 'citizen', 'citizen', 'Mette', 'Besked ' || g
       from case_file, generate_series(1, $2::int) g where id = $1`,
      [c.id, MESSAGES],
    );
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const auditRows = (requestId: string) =>
  inSystem(database, (tx) =>
    tx.selectFrom('audit_log').select(['action', 'record_id', 'details']).where('request_id', '=', requestId).execute(),
  );

describe(`long lists are paged, not cut, on ${TEST_DB}`, () => {
  it('the case page carries the newest journal entries and every open deadline, and says how many there are', async () => {
    const res = await caseworker.get(`/api/cases/${c.id}`);
    const detail = caseDetailSchema.parse(res.json());
    const total = detail.eventsTotal;
    expect(total).toBeGreaterThanOrEqual(EVENTS);
    expect(detail.events).toHaveLength(CASE_EVENTS_SHOWN);
    // The newest, oldest first: the last is the last written.
    const ids = detail.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(detail.events.at(-1)?.subject).toBe(`Notat ${EVENTS}`);
    expect(detail.deadlinesTotal).toBe(c.deadlines.length + MET_DEADLINES);
    expect(detail.deadlines).toHaveLength(CASE_DEADLINES_SHOWN);
    // The open deadlines (the receipt and the decision) are never the ones left out.
    const open = c.deadlines.filter((d) => d.metOn === null).map((d) => d.kind);
    expect(open.length).toBeGreaterThan(0);
    expect(detail.deadlines.filter((d) => d.metOn === null).map((d) => d.kind)).toEqual(open);
    const due = detail.deadlines.map((d) => d.dueDate);
    expect(due).toEqual([...due].sort());
  });

  it('shows the newest messages of a long conversation, oldest first (it showed the oldest 200 and hid the newest)', async () => {
    const shown = (await caseworker.get(`/api/cases/${c.id}`)).json() as CaseDetail;
    const bodies = shown.messages.map((m) => m.body);
    expect(bodies).toHaveLength(MESSAGES_PER_CASE);
    expect(bodies.at(-1)).toBe(`Besked ${MESSAGES}`);
    expect(bodies[0]).toBe(`Besked ${MESSAGES - MESSAGES_PER_CASE + 1}`);
  });

  it('pages the whole journal, newest first, and audits each page as a read of the case', async () => {
    const seen: number[] = [];
    let total = 0;
    for (let page = 1; ; page++) {
      const res = await caseworker.get(`/api/cases/${c.id}/events?page=${page}&pageSize=100`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Page<CaseDetail['events'][number]>;
      total = body.total;
      if (page === 1) {
        expect(body.items[0]?.subject).toBe(`Notat ${EVENTS}`);
        expect(await auditRows(String(res.headers['x-request-id']))).toEqual([
          { action: 'read', record_id: c.id, details: { part: 'journal', page: 1 } },
        ]);
      }
      if (!body.items.length) break;
      seen.push(...body.items.map((e) => e.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('pages every deadline in force by due date', async () => {
    const first = (await caseworker.get(`/api/cases/${c.id}/deadlines?page=1&pageSize=100`)).json() as Page<
      CaseDetail['deadlines'][number]
    >;
    expect(first.total).toBe(c.deadlines.length + MET_DEADLINES);
    const pages = Math.ceil(first.total / 100);
    const all = [...first.items];
    for (let page = 2; page <= pages; page++) {
      all.push(...((await caseworker.get(`/api/cases/${c.id}/deadlines?page=${page}&pageSize=100`)).json() as Page<never>).items);
    }
    expect(all).toHaveLength(first.total);
    const due = all.map((d) => (d as { dueDate: string }).dueDate);
    expect(due).toEqual([...due].sort());
  });

  it('the printed case has the whole journal', async () => {
    const res = await caseworker.get(`/api/cases/${c.id}/export?purpose=case_meeting`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    // The oldest entries, far outside the case page's newest 200, and the newest.
    for (const n of [1, 2, EVENTS]) expect(text).toContain(`Notat ${n} `);
  });

  it('the citizen overview shows the first page of cases with their number, and the rest page by page', async () => {
    const journey = caseJourney(app, caseworker);
    for (let i = 0; i < CITIZEN_CASES_PAGE_SIZE + 2; i++) await journey.open({ title: `Sag ${i}` });
    const citizenId = c.citizen.id;
    const detail = (await caseworker.get(`/api/citizens/${citizenId}`)).json() as CitizenDetail;
    expect(detail.casesTotal).toBeGreaterThanOrEqual(CITIZEN_CASES_PAGE_SIZE + 3);
    expect(detail.cases).toHaveLength(CITIZEN_CASES_PAGE_SIZE);
    const all: CitizenCase[] = [];
    for (let page = 1; page <= Math.ceil(detail.casesTotal / 10); page++) {
      const res = await caseworker.get(`/api/citizens/${citizenId}/cases?page=${page}&pageSize=10`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Page<CitizenCase>;
      expect(body.total).toBe(detail.casesTotal);
      all.push(...body.items);
    }
    expect(all.map((k) => k.id)).toHaveLength(detail.casesTotal);
    expect(new Set(all.map((k) => k.id)).size).toBe(detail.casesTotal);
    expect(all.slice(0, CITIZEN_CASES_PAGE_SIZE).map((k) => k.id)).toEqual(detail.cases.map((k) => k.id));
    const opened = all.map((k) => k.openedOn);
    expect(opened).toEqual([...opened].sort().reverse());
  });

  it('pages the provider’s journal on an order, newest first, for the provider and the authority, audited', async () => {
    const provider = await loginAs(app, 'provider_staff');
    const journey = caseJourney(app, caseworker);
    const ours = await journey.ordered();
    const other = await journey.ordered({
      basis: 'SEL § 107',
      offerKey: 'fredensgade',
      decision: { weeklyHours: 20, timeLimitUntil: '2029-01-01' },
    });
    const view = (await provider.get(`/api/provider/orders/${ours.orderId}`)).json() as ProviderOrder;
    const entries = ORDER_JOURNAL_SHOWN + 15;
    await database.adminTransaction(async (tx) => {
      await tx.query(
        `insert into order_journal (municipality_id, order_id, goal_id, written_on, body, author_name)
         select o.municipality_id, o.id, $2, date '2020-01-01' + g, 'Dagbog ' || g, 'Rasmus'
         from case_order o, generate_series(1, $3::int) g where o.id = $1`,
        [ours.orderId, view.goals[0]?.id, entries],
      );
    });
    const carried = (await provider.get(`/api/provider/orders/${ours.orderId}`)).json() as ProviderOrder;
    expect(carried.journal).toHaveLength(ORDER_JOURNAL_SHOWN);
    expect(carried.journalTotal).toBe(entries);
    expect(carried.journal[0]?.body).toBe(`Dagbog ${entries}`);

    const read: string[] = [];
    for (let page = 1; page <= Math.ceil(entries / 20); page++) {
      const res = await provider.get(`/api/provider/orders/${ours.orderId}/journal?page=${page}&pageSize=20`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Page<OrderJournalEntry>;
      expect(body.total).toBe(entries);
      read.push(...body.items.map((j) => j.body));
      if (page === 2) {
        expect(await auditRows(String(res.headers['x-request-id']))).toEqual([
          { action: 'read', record_id: ours.orderId, details: { part: 'journal', page: 2 } },
        ]);
      }
    }
    expect(read).toEqual(Array.from({ length: entries }, (_, i) => `Dagbog ${entries - i}`));
    // The authority reads the same pages from the case's follow-up.
    const authority = await caseworker.get(`/api/orders/${ours.orderId}/journal?page=4&pageSize=20`);
    expect((authority.json() as Page<OrderJournalEntry>).items.map((j) => j.body)).toEqual(read.slice(60));
    // Only the staff at the ordered offer, and only through their own route; another municipality sees nothing.
    expect((await provider.get(`/api/provider/orders/${other.orderId}/journal`)).statusCode).toBe(404);
    // A by-id route refused answers 404, so the refused caller learns nothing of the order.
    expect((await provider.get(`/api/orders/${ours.orderId}/journal`)).statusCode).toBe(404);
    const elsewhere = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await elsewhere.get(`/api/orders/${ours.orderId}/journal`)).statusCode).toBe(404);
  });

  it('pages a case’s follow-ups, newest first (the view carries the newest 50), audited; 404 elsewhere', async () => {
    const journey = caseJourney(app, caseworker);
    const ordered = await journey.ordered();
    const held = FOLLOW_UPS_SHOWN + 15;
    await database.adminTransaction(async (tx) => {
      await tx.query(
        `insert into follow_up (municipality_id, case_id, order_id, held_on, outcome, note, held_by_name)
         select o.municipality_id, o.case_id, o.id, date '2020-01-01' + g, 'continue', 'Opfølgning ' || g, 'Maria'
         from case_order o, generate_series(1, $2::int) g where o.id = $1`,
        [ordered.orderId, held],
      );
    });
    const caseId = ordered.case.id;
    const view = (await caseworker.get(`/api/cases/${caseId}/follow-up`)).json() as {
      followUps: FollowUpEntry[];
      followUpsTotal: number;
    };
    expect(view.followUps).toHaveLength(FOLLOW_UPS_SHOWN);
    expect(view.followUpsTotal).toBe(held);
    expect(view.followUps[0]?.note).toBe(`Opfølgning ${held}`);
    const read: string[] = [];
    for (let page = 1; page <= Math.ceil(held / 20); page++) {
      const res = await caseworker.get(`/api/cases/${caseId}/follow-ups?page=${page}&pageSize=20`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Page<FollowUpEntry>;
      expect(body.total).toBe(held);
      read.push(...body.items.map((f) => f.note));
      if (page === 2) {
        expect(await auditRows(String(res.headers['x-request-id']))).toEqual([
          { action: 'read', record_id: caseId, details: { part: 'follow-ups', page: 2 } },
        ]);
      }
    }
    expect(read).toEqual(Array.from({ length: held }, (_, i) => `Opfølgning ${held - i}`));
    const elsewhere = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await elsewhere.get(`/api/cases/${caseId}/follow-ups`)).statusCode).toBe(404);
    const provider = await loginAs(app, 'provider_staff');
    expect((await provider.get(`/api/cases/${caseId}/follow-ups`)).statusCode).toBe(404);
  });

  it('the case page carries its newest documents and their number; the rest page by kind, newest first, audited', async () => {
    const journey = caseJourney(app, caseworker);
    const k = await journey.open({ title: 'Mange breve' });
    const before = caseDetailSchema.parse((await caseworker.get(`/api/cases/${k.id}`)).json()).documentsTotal;
    const letters = CASE_DOCUMENTS_SHOWN + 25;
    await database.adminTransaction(async (tx) => {
      // Letters journalised over the years, one a day, each with its text (no stored PDF: made on first read).
      await tx.query(
        `insert into case_document (municipality_id, case_id, kind, title, journalised_on, letter, created_at)
         select municipality_id, id, 'receipt_letter', 'Brev ' || g, date '2020-01-01' + g, '{}'::jsonb,
                timestamptz '2020-01-01' + g * interval '1 day'
         from case_file, generate_series(1, $2::int) g where id = $1`,
        [k.id, letters],
      );
    });
    const detail = caseDetailSchema.parse((await caseworker.get(`/api/cases/${k.id}`)).json());
    expect(detail.documentsTotal).toBe(before + letters);
    expect(detail.documents).toHaveLength(CASE_DOCUMENTS_SHOWN);
    // The newest, as they happened: the last is the case's own latest document, the oldest letters are left to paging.
    expect(detail.documents.map((d) => d.title)).not.toContain('Brev 1');
    expect(detail.documents.map((d) => d.title)).toContain(`Brev ${letters}`);
    const read: string[] = [];
    for (let page = 1; page <= Math.ceil((before + letters) / 50); page++) {
      const res = await caseworker.get(`/api/cases/${k.id}/documents?kind=letter&page=${page}&pageSize=50`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Page<CaseDocument>;
      expect(body.total).toBe(before + letters);
      read.push(...body.items.map((d) => d.title));
      if (page === 2) {
        expect(await auditRows(String(res.headers['x-request-id']))).toEqual([
          { action: 'read', record_id: k.id, details: { page: 2, kind: 'letter' } },
        ]);
      }
    }
    expect(read.filter((x) => x.startsWith('Brev '))).toEqual(Array.from({ length: letters }, (_, i) => `Brev ${letters - i}`));
    const uploads = (await caseworker.get(`/api/cases/${k.id}/documents?kind=upload`)).json() as Page<CaseDocument>;
    expect(uploads).toMatchObject({ items: [], total: 0 });
    const elsewhere = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await elsewhere.get(`/api/cases/${k.id}/documents`)).statusCode).toBe(404);
    expect((await caseworker.get(`/api/cases/${k.id}/documents?pageSize=1000`)).statusCode).toBe(400);
  });

  it('the citizen’s own page (/mig) pages their cases, newest first, audited (it showed at most 50 and stopped)', async () => {
    const citizen = await loginAs(app, 'citizen');
    const first = (await citizen.get('/api/me/overview')).json() as MyOverview;
    const extra = MY_CASES_PAGE_SIZE + 5;
    await database.adminTransaction(async (tx) => {
      await tx.query(
        `insert into case_file (municipality_id, citizen_id, caseworker_id, status, title, opened_on, journal_number)
         select u.municipality_id, u.citizen_id, null, 'request_received', 'Egen sag ' || g, date '2015-01-01' + g, 'MIG-' || g
         from app_user u, generate_series(1, $2::int) g where u.id = $1`,
        [citizen.userId, extra],
      );
    });
    const total = first.casesTotal + extra;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / MY_CASES_PAGE_SIZE); page++) {
      const res = await citizen.get(`/api/me/overview?page=${page}`);
      expect(res.statusCode).toBe(200);
      const o = res.json() as MyOverview;
      expect(o).toMatchObject({ casesTotal: total, page, pageSize: MY_CASES_PAGE_SIZE });
      expect(o.cases.length).toBe(Math.min(MY_CASES_PAGE_SIZE, total - (page - 1) * MY_CASES_PAGE_SIZE));
      seen.push(...o.cases.map((c) => c.id));
      if (page === 2) {
        expect(await auditRows(String(res.headers['x-request-id']))).toEqual([
          // The citizen's own record (their citizen id), with the page.
          { action: 'read', record_id: expect.any(String), details: { page: 2 } },
        ]);
      }
    }
    expect(new Set(seen).size).toBe(total);
    // The oldest come last: the extra cases were opened years before the demo's.
    const last = (await citizen.get(`/api/me/overview?page=${Math.ceil(total / MY_CASES_PAGE_SIZE)}`)).json() as MyOverview;
    expect(last.cases.at(-1)?.title).toBe('Egen sag 1');
    // Staff have no own page; a page size above the cap is refused at the field.
    expect((await caseworker.get('/api/me/overview')).statusCode).toBe(403);
    expect((await citizen.get('/api/me/overview?pageSize=1000')).statusCode).toBe(400);
  });

  it('orders the citizen’s cases opened on the same day newest registered first, not at random (/mig)', async () => {
    const citizen = await loginAs(app, 'citizen');
    // Three cases opened on the day of the citizen's newest case, registered one after the other after every other.
    await database.adminTransaction(async (tx) => {
      await tx.query(
        `insert into case_file (municipality_id, citizen_id, caseworker_id, status, title, opened_on, journal_number, created_at)
         select u.municipality_id, u.citizen_id, null, 'request_received', 'Samme dag ' || g,
                (select max(c.opened_on) from case_file c where c.citizen_id = u.citizen_id), 'SAMME-' || g,
                now() + make_interval(secs => g)
         from app_user u, generate_series(1, 3) g where u.id = $1`,
        [citizen.userId],
      );
    });
    const o = (await citizen.get('/api/me/overview')).json() as MyOverview;
    expect(o.cases.slice(0, 3).map((c) => c.title)).toEqual(['Samme dag 3', 'Samme dag 2', 'Samme dag 1']);
  });

  it('counts a team leader’s whole list only up to the cap past the page, and says there are more (audited as such)', async () => {
    const leader = await loginAs(app, 'team_leader', MUNICIPALITY.rksk, 'Birgitte Lund');
    const before = (await leader.get('/api/cases?scope=team&due=all')).json() as Page<unknown>;
    expect(before.totalCapped).toBe(false);
    // More open cases in the team than the cap, held by the caseworker (of the leader's unit), for a citizen of their own.
    const extra = TOTAL_CAP + 50 - before.total;
    await database.adminTransaction(async (tx) => {
      await tx.query(
        `with p as (
           insert into citizen (municipality_id, cpr, substitute_cpr, birth_date, first_name, last_name)
           select municipality_id, '0101999999', true, date '1999-01-01', 'Mange', 'Sagsen' from case_file where id = $1
           returning municipality_id, id)
         insert into case_file (municipality_id, citizen_id, caseworker_id, status, title, opened_on, journal_number)
         select p.municipality_id, p.id, c.caseworker_id, 'request_received', 'Sag ' || g, date '2026-01-01', 'LANG-' || g
         from p, case_file c, generate_series(1, $2::int) g where c.id = $1`,
        [c.id, extra],
      );
    });
    const first = await leader.get('/api/cases?scope=team&due=all');
    const page1 = first.json() as Page<unknown>;
    expect(page1).toMatchObject({ total: TOTAL_CAP, totalCapped: true, page: 1 });
    expect(page1.items).toHaveLength(20);
    expect(await auditRows(String(first.headers['x-request-id']))).toEqual([
      { action: 'search', record_id: null, details: { hits: TOTAL_CAP, hitsCapped: true } },
    ]);
    // The cap moves with the page: further on there are still more than the page reaches.
    const page3 = (await leader.get('/api/cases?scope=team&due=all&page=3')).json() as Page<unknown>;
    expect(page3).toMatchObject({ total: 40 + TOTAL_CAP, totalCapped: true, page: 3 });
    // Near the end the count is exact again.
    const last = Math.ceil((TOTAL_CAP + 50) / 100);
    const end = (await leader.get(`/api/cases?scope=team&due=all&pageSize=100&page=${last}`)).json() as Page<unknown>;
    expect(end).toMatchObject({ total: TOTAL_CAP + 50, totalCapped: false });
    expect(end.items).toHaveLength(TOTAL_CAP + 50 - (last - 1) * 100);
  });

  it('refuses another municipality’s citizen and case (404), and a page size above the cap (400)', async () => {
    const other = await loginAs(app, 'caseworker', MUNICIPALITY.randers);
    expect((await other.get(`/api/citizens/${c.citizen.id}/cases`)).statusCode).toBe(404);
    expect((await other.get(`/api/cases/${c.id}/events`)).statusCode).toBe(404);
    expect((await other.get(`/api/cases/${c.id}/deadlines`)).statusCode).toBe(404);
    const tooMany = await caseworker.get(`/api/cases/${c.id}/events?pageSize=1000`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'pageSize' }] });
  });
});
