import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../src/rules/cases/case-state-machine.ts';
import { NAMED_DEMO_CITIZENS } from '../../src/server/db/seed/demo-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import { inSystem } from '../../src/server/platform/tx.ts';
import type { Page } from '../../src/shared/api/page.ts';
import type { CaseListItem, Caseload } from '../../src/shared/cases/case.schema.ts';
import { caseJourney } from '../support/case-journey.ts';
import { loginAs, MUNICIPALITY, type Session, testAppAt } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * The work list through the API on a fixed day (15 March 2027): the cases the journey decides on 20 November 2026
 * have a complaint deadline that ran out in December without a complaint, and an FKO status the provider owes.
 */
const TODAY = '2027-03-15';
let database: Database;
let app: Awaited<ReturnType<typeof testAppAt>>;
let maria: Session;
let peter: Session;
let leader: Session;
let journey: ReturnType<typeof caseJourney>;
const METTE = NAMED_DEMO_CITIZENS[0];

const list = async (s: Session, query: string) => {
  const res = await s.get(`/api/cases?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page<CaseListItem>;
};
const ids = async (s: Session, query: string) => (await list(s, `${query}&pageSize=100`)).items.map((i) => i.id);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testAppAt(database, `${TODAY}T10:00:00+01:00`);
  maria = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Maria Vestergaard');
  peter = await loginAs(app, 'caseworker', MUNICIPALITY.rksk, 'Peter Holm');
  leader = await loginAs(app, 'team_leader', MUNICIPALITY.rksk, 'Birgitte Lund');
  journey = caseJourney(app, maria);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe(`the work list counts only the municipality's deadlines on ${TEST_DB}`, () => {
  it('a case whose complaint deadline ran out without a complaint is not overdue; an unreceipted request is', async () => {
    // Refused on 20 November 2026: the receipt and the decision met, the citizen's complaint deadline ran out.
    const ordered = await journey.decided('refused', 'SEL § 85', {}, METTE.cpr);
    expect(ordered.deadlines.find((d) => d.kind === 'complaint')?.metOn).toBeNull();
    expect(ordered.deadlines.find((d) => d.kind === 'complaint')?.status).toBe('overdue');
    expect(ordered.deadlines.filter((d) => d.status === 'overdue').map((d) => d.kind)).toEqual(['complaint']);
    const late = await journey.open({ receivedOn: '2027-01-04', what: 'Hjælp til at komme ud' }, METTE.cpr);

    const mine = await list(maria, `q=${METTE.cpr}&pageSize=100`);
    const row = mine.items.find((i) => i.id === ordered.id);
    expect(row?.nextDeadline).toBeNull();
    expect(row?.legalBasis).toMatch(/§ 85/);
    expect(mine.items.find((i) => i.id === late.id)?.nextDeadline).toEqual({
      kind: 'receipt',
      dueDate: '2027-01-18',
      status: 'overdue',
    });
    expect(await ids(maria, 'due=overdue')).not.toContain(ordered.id);
    expect(await ids(maria, 'due=overdue')).toContain(late.id);
    expect(await ids(maria, 'due=none')).toContain(ordered.id);
    expect(await ids(maria, 'due=none')).not.toContain(late.id);
    // Soonest first: the overdue request comes before the case with nothing the municipality owes.
    const sorted = await ids(maria, `q=${METTE.cpr}`);
    expect(sorted.indexOf(late.id)).toBeLessThan(sorted.indexOf(ordered.id));
  });
});

describe(`work list filters, search, sorting and paging on ${TEST_DB}`, () => {
  it('filters by status and paragraph, searches by CPR, birth date and name, sorts and pages on the server', async () => {
    const decided107 = await journey.decided('refused', 'SEL § 107', {}, METTE.cpr);
    const opened = await journey.open({ receivedOn: '2027-03-10' }, METTE.cpr);

    expect(await ids(maria, 'status=refused')).toContain(decided107.id);
    expect(await ids(maria, 'status=refused')).not.toContain(opened.id);
    expect(await ids(maria, 'paragraph=107')).toContain(decided107.id);
    expect(await ids(maria, 'paragraph=85')).not.toContain(decided107.id);
    // A case with no decision has no paragraph yet.
    expect(await ids(maria, 'paragraph=107')).not.toContain(opened.id);

    for (const q of ['740385-1234', '7403851234', '740385', 'mette kjær', 'Kjærsgaard']) {
      const found = await list(maria, `q=${encodeURIComponent(q)}&pageSize=100`);
      expect(
        found.items.map((i) => i.id),
        q,
      ).toEqual(expect.arrayContaining([decided107.id, opened.id]));
      expect(
        found.items.every((i) => i.citizenName === 'Mette Kjærsgaard'),
        q,
      ).toBe(true);
    }
    // By journal number, exactly as the case shows it.
    const byJournal = await list(maria, `q=${encodeURIComponent(opened.journalNumber)}`);
    expect(byJournal.items.map((i) => i.id)).toEqual([opened.id]);
    expect(byJournal.items[0]?.journalNumber).toBe(opened.journalNumber);
    expect((await list(maria, 'q=zzzzz')).total).toBe(0);
    expect((await list(maria, `q=${encodeURIComponent('%')}`)).total).toBe(0);

    const all = await list(maria, 'pageSize=100');
    // By last name, then first name, in the database's collation (the names are compared there, not here).
    const byCitizen = (await list(maria, 'sort=citizen&dir=desc&pageSize=100')).items;
    const names = await inSystem(database, (tx) =>
      tx
        .selectFrom('citizen')
        .select(['last_name', 'first_name'])
        .where('cpr', 'in', [...new Set(byCitizen.map((i) => i.cpr.replace('-', '')))])
        .orderBy('last_name', 'desc')
        .orderBy('first_name', 'desc')
        .execute(),
    );
    const expected = names.map((n) => `${n.first_name} ${n.last_name}`);
    expect([...new Set(byCitizen.map((i) => i.citizenName))]).toEqual([...new Set(expected)]);
    const byOpened = (await list(maria, 'sort=opened&dir=asc&pageSize=100')).items.map((i) => i.openedOn);
    expect(byOpened).toEqual([...byOpened].sort());
    const stage = (await list(maria, 'sort=status&dir=desc&pageSize=100')).items.map((i) =>
      CASE_STATUSES.indexOf(i.status as (typeof CASE_STATUSES)[number]),
    );
    expect(stage).toEqual([...stage].sort((a, b) => b - a));
    const byDeadline = (await list(maria, 'pageSize=100')).items.map((i) => i.nextDeadline?.dueDate ?? '9999');
    expect(byDeadline).toEqual([...byDeadline].sort());

    const page1 = await list(maria, 'pageSize=5&page=1');
    const page2 = await list(maria, 'pageSize=5&page=2');
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBe(all.total);
    expect(page2.items.map((i) => i.id)).not.toEqual(expect.arrayContaining([page1.items[0]?.id]));

    for (const bad of ['sort=title', 'dir=up', 'status=closed', 'paragraph=999', 'due=someday', 'pageSize=1000']) {
      const res = await maria.get(`/api/cases?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('logs each search with its criterion', async () => {
    await list(maria, `q=${METTE.cpr}&status=ordered`);
    const rows = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'criterion'])
        .where('actor_user_id', '=', maria.userId)
        .where('action', '=', 'search')
        .orderBy('id', 'desc')
        .limit(1)
        .execute(),
    );
    expect(rows[0]?.criterion).toBe(`cases:mine:all status=ordered q=${METTE.cpr}`);
  });
});

describe(`the team leader's list, caseload and reassigning on ${TEST_DB}`, () => {
  it('shows the team with the caseworker column and the caseload per caseworker, matching the lists', async () => {
    const team = await list(leader, 'scope=team&pageSize=100');
    const names = new Set(team.items.map((i) => i.caseworker?.name));
    const byCaseworker = (await list(leader, 'scope=team&sort=caseworker&pageSize=100')).items.map((i) => i.caseworker?.name);
    expect(byCaseworker.indexOf('Peter Holm')).toBeGreaterThan(byCaseworker.lastIndexOf('Maria Vestergaard'));
    expect(names).toContain('Maria Vestergaard');
    expect(names).toContain('Peter Holm');
    const load = (await leader.get('/api/cases/caseload')).json() as Caseload;
    expect(load.items.map((i) => i.name)).toEqual(expect.arrayContaining(['Maria Vestergaard', 'Peter Holm']));
    expect(load.items.every((i) => ['caseworker', 'team_leader'].includes(i.role))).toBe(true);
    const mariaLoad = load.items.find((i) => i.name === 'Maria Vestergaard');
    const mariaId = mariaLoad?.id ?? '';
    expect(mariaLoad?.open).toBe((await list(leader, `scope=team&caseworkerId=${mariaId}`)).total);
    expect(mariaLoad?.open).toBe((await list(maria, 'scope=mine')).total);
    expect(mariaLoad?.overdue).toBe((await list(maria, 'due=overdue')).total);
    expect(load.items.reduce((n, i) => n + i.open, 0)).toBe(team.total);

    // A caseworker sees neither the team nor the caseload.
    expect((await maria.get('/api/cases?scope=team')).statusCode).toBe(403);
    expect((await maria.get('/api/cases/caseload')).statusCode).toBe(403);
  });

  it('pages the team by next deadline as one ordered list: due first (both directions), then the cases with none', async () => {
    // Sorted by deadline, the list is read from the open deadlines in due order, then the cases with none (issue 11);
    // every other sort reads the full query. Both must agree on each case's next deadline and on the order.
    const first = await list(leader, 'scope=team&sort=opened&pageSize=100');
    const all = { total: first.total, items: [...first.items] };
    for (let page = 2; page <= Math.ceil(first.total / 100); page++) {
      all.items.push(...(await list(leader, `scope=team&sort=opened&pageSize=100&page=${page}`)).items);
    }
    const next = new Map(all.items.map((i) => [i.id, i.nextDeadline?.dueDate ?? null]));
    expect(all.total).toBeGreaterThan(10);
    expect([...next.values()].filter((d) => d === null).length).toBeGreaterThan(0);
    for (const dir of ['asc', 'desc'] as const) {
      const paged: CaseListItem[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 30); page++) {
        const p = await list(leader, `scope=team&sort=deadline&dir=${dir}&pageSize=30&page=${page}`);
        expect(p.total).toBe(all.total);
        paged.push(...p.items);
      }
      const expected = [...all.items].sort((a, b) => {
        const x = a.nextDeadline?.dueDate ?? null;
        const y = b.nextDeadline?.dueDate ?? null;
        if (x !== y) return x === null ? 1 : y === null ? -1 : (x < y ? -1 : 1) * (dir === 'asc' ? 1 : -1);
        return a.id < b.id ? -1 : 1;
      });
      expect(paged.map((i) => i.id)).toEqual(expected.map((i) => i.id));
      expect(paged.map((i) => i.nextDeadline)).toEqual(expected.map((i) => i.nextDeadline));
    }
    // A due window counts and shows only cases whose next deadline falls in it.
    const overdue = await list(leader, 'scope=team&due=overdue&pageSize=100');
    expect(overdue.total).toBe(all.items.filter((i) => i.nextDeadline?.status === 'overdue').length);
    expect(overdue.items.every((i) => i.nextDeadline?.status === 'overdue')).toBe(true);
    const none = await list(leader, 'scope=team&due=none&pageSize=100');
    expect(none.total).toBe([...next.values()].filter((d) => d === null).length);
  }, 90_000);

  it('reassigns a case (journal, audit, the citizen’s page), refuses a stale version and a caseworker outside the team', async () => {
    const c = await journey.open({ receivedOn: '2027-03-01', what: 'Støtte til økonomi' }, METTE.cpr);
    const load = (await leader.get('/api/cases/caseload')).json() as Caseload;
    const peterId = load.items.find((i) => i.name === 'Peter Holm')?.id ?? '';
    const before = (await list(leader, `scope=team&q=${METTE.cpr}&pageSize=100`)).items.find((i) => i.id === c.id);
    expect(before?.caseworker?.name).toBe('Maria Vestergaard');

    // A caseworker cannot reassign (a refused by-id route answers 404, telling nothing of the case).
    expect(
      (await maria.send('POST', `/api/cases/${c.id}/caseworker`, { caseworkerId: peterId, version: c.version })).statusCode,
    ).toBe(404);

    const res = await leader.send('POST', `/api/cases/${c.id}/caseworker`, { caseworkerId: peterId, version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ids(peter, `q=${METTE.cpr}`)).toContain(c.id);
    expect(await ids(maria, `q=${METTE.cpr}`)).not.toContain(c.id);

    // The same (now stale) version again: 409, and nothing changes.
    const stale = await leader.send('POST', `/api/cases/${c.id}/caseworker`, { caseworkerId: maria.userId, version: c.version });
    expect(stale.statusCode).toBe(409);
    expect(await ids(peter, `q=${METTE.cpr}`)).toContain(c.id);

    // Someone outside the team (the provider's staff member, the administrator) is refused at the field.
    const provider = await loginAs(app, 'provider_staff', MUNICIPALITY.rksk);
    const outside = await leader.send('POST', `/api/cases/${c.id}/caseworker`, {
      caseworkerId: provider.userId,
      version: (res.json() as { version: number }).version,
    });
    expect(outside.statusCode).toBe(400);
    expect(JSON.stringify(outside.json())).toContain('caseworkerId');

    const detail = (await peter.get(`/api/cases/${c.id}`)).json() as {
      events: { kind: string; subject: string; body: string }[];
    };
    expect(detail.events.find((e) => e.kind === 'reassigned')).toMatchObject({
      subject: 'Sagen er flyttet til Peter Holm',
      body: 'Fra Maria Vestergaard til Peter Holm.',
    });
    const audit = await inSystem(database, (tx) =>
      tx
        .selectFrom('audit_log')
        .select(['action', 'record_type', 'details', 'purpose'])
        .where('record_id', '=', c.id)
        .where('action', '=', 'update')
        .execute(),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'update',
        record_type: 'case',
        // A team leader acts in supervision (the purpose follows the role: platform/audit purposeFor).
        purpose: 'supervision',
        details: { change: 'caseworker', from: maria.userId, to: peterId },
      }),
    ]);

    const citizen = await loginAs(app, 'citizen', MUNICIPALITY.rksk, 'Mette Kjærsgaard');
    const overview = (await citizen.get('/api/me/overview')).json() as { cases: { id: string; caseworkerName: string }[] };
    expect(overview.cases.find((x) => x.id === c.id)?.caseworkerName).toBe('Peter Holm');
  });
});
