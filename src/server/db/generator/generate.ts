import { fileURLToPath } from 'node:url';
import { addDays } from '../../../rules/calendar/date-arithmetic.ts';
import type { PlainDate } from '../../../shared/plain-date.ts';
import type { AdminTx, Database } from '../../platform/db/database.ts';
import { CATALOGUE_DIR, seedCatalogue } from '../seed/catalogue-seed.ts';
import { OFFERS_DIR, seedOffers } from '../seed/offer-seed.ts';
import { fingerprintOf, SEED_DIR, seedUnlessUnchanged } from '../seed/seed-state.ts';
import { AuditTrail } from './areas/audit.ts';
import { type CaseScript, CaseSim } from './areas/case-sim.ts';
import { drawPlan, runCase } from './areas/cases.ts';
import { generateCitizens } from './areas/citizens.ts';
import { generateEconomy, hasEconomyTables, seedPurchasedOffers } from './areas/economy.ts';
import { LetterDesk } from './areas/letters.ts';
import { createDemoOrganisation, createExtraMunicipalities, generateStaff, loadMunicipality } from './areas/organisation.ts';
import { generateShelterStays } from './areas/shelter.ts';
import type { CitizenRef, Generation, Identities, Municipality } from './context.ts';
import { Rng } from './random.ts';
import { type GeneratorSize, type MunicipalityLoad, SIZES, type SizeName } from './sizes.ts';
import { instantAt } from './time.ts';
import { RowWriter, type TableName } from './writer.ts';

/**
 * What the named demo citizens' cases show on a fresh start (README, "Try it"; the end-to-end journeys add cases of
 * their own beside these):
 * - Mette Kjærsgaard: housing support (§ 85) at Bostøtten running for most of a year, with goals, FKO statuses, hours,
 *   journal and messages; and a recent application for a day offer (§ 104) under way.
 * - Søren Østergård: a refused § 107 application, the complaint maintained and forwarded, Ankestyrelsen confirmed,
 *   the case closed; no order at any offer (a provider may not see him).
 * - Jens Åberg (Randers): housing support at Botilbuddet Blommevej. Anne Dyrholm (Norddjurs): support at Bostøtte Grenaa.
 */
const SCRIPTS: Record<string, CaseScript[]> = {
  Mette: [
    {
      paragraph: '85',
      openedDaysAgo: 330,
      outcome: 'granted',
      offerKey: 'bostoetten',
      complaint: 'none',
      citizenMessages: true,
      keepRunning: true,
    },
    { paragraph: '104', openedDaysAgo: 24, complaint: 'none' },
  ],
  Søren: [{ paragraph: '107', openedDaysAgo: 420, outcome: 'refused', complaint: 'maintained_confirmed' }],
  Jens: [
    { paragraph: '85', openedDaysAgo: 260, outcome: 'granted', offerKey: 'blommevej', complaint: 'none', keepRunning: true },
  ],
  Anne: [
    { paragraph: '85', openedDaysAgo: 100, outcome: 'granted', offerKey: 'nd-bostoette', complaint: 'none', keepRunning: true },
  ],
};

/**
 * Every demo caseworker also gets one case at each point a working day meets: a request whose receipt is soon due
 * and one whose receipt is overdue, a receipt just sent, assessments with the decision deadline overdue and soon
 * due, a decision not yet ordered, a complaint in reconsideration and one with Ankestyrelsen, support whose delivered
 * hours fall short, support with an FKO status overdue, a new order the provider holds with a question, one it
 * has yet to accept, and a grant above the highest citizen profile waiting for the team leader's approval (so each
 * demo team leader's inbox holds their team's proposals). The rest of the history is drawn at random, so these
 * guarantee the stages on any day the demo is generated.
 */
const COVERAGE: CaseScript[] = [
  { paragraph: '85', openedDaysAgo: 11, stage: 'request_received' },
  { paragraph: '85', openedDaysAgo: 22, stage: 'request_received' },
  { paragraph: '85', openedDaysAgo: 8, stage: 'receipt_sent' },
  { paragraph: '85', openedDaysAgo: 110, stage: 'assessment' },
  { paragraph: '85', openedDaysAgo: 88, stage: 'assessment' },
  { paragraph: '85', openedDaysAgo: 50, outcome: 'granted', stage: 'decided', complaint: 'none' },
  { paragraph: '85', openedDaysAgo: 60, outcome: 'refused', complaint: 'in_reconsideration' },
  { paragraph: '85', openedDaysAgo: 170, outcome: 'refused', complaint: 'forwarded_pending' },
  { paragraph: '85', openedDaysAgo: 260, outcome: 'granted', complaint: 'none', keepRunning: true, deviating: true },
  { paragraph: '85', openedDaysAgo: 330, outcome: 'granted', complaint: 'none', keepRunning: true, fkoOverdue: true },
  { paragraph: '85', openedDaysAgo: 45, outcome: 'granted', complaint: 'none', keepRunning: true, orderQuestion: true },
  { paragraph: '85', openedDaysAgo: 30, outcome: 'granted', complaint: 'none', keepRunning: true, awaitingAcceptance: true },
  { paragraph: '85', openedDaysAgo: 38, outcome: 'granted', complaint: 'none', awaitingApproval: true },
];

/** The generator's code (its areas), part of what the organisation seed's fingerprint covers. */
const GENERATOR_DIR = fileURLToPath(new URL('./', import.meta.url));

/** Times a stage of the generation for the start-up log (platform/startup-timer.ts); by default it only runs it. */
export type StageTimer = <T>(stage: string, fn: () => Promise<T>) => Promise<T>;

export type GenerateReport = {
  size: SizeName;
  today: PlainDate;
  municipalities: string[];
  rows: Partial<Record<TableName, number>>;
  /** Per table, the milliseconds its COPYs took (wall: the database's work and the wait for it). */
  copyMs: Partial<Record<TableName, number>>;
  letters: { onRead: number; rendered: number; shared: number };
  ms: number;
};

async function identities(tx: AdminTx): Promise<Identities> {
  const [r] = await tx.query<Identities>(
    `select (select coalesce(max(id), 0) from case_event)::int as case_event,
            (select coalesce(max(id), 0) from case_message)::int as case_message,
            (select coalesce(max(id), 0) from order_journal)::int as order_journal,
            (select coalesce(max(id), 0) from audit_log)::int as audit_log`,
  );
  if (!r) throw new Error('generator: could not read identities');
  return r;
}

async function schemaOf(tx: AdminTx): Promise<Generation['schema']> {
  const [r] = await tx.query<Generation['schema']>(
    `select to_regclass('public.task') is not null as tasks,
            to_regclass('public.decision_approval') is not null as approvals,
            exists (select 1 from pg_attribute where attrelid = 'public.case_document'::regclass
                     and attname = 'content' and not attnotnull) as "lettersOnRead"`,
  );
  return r ?? { tasks: false, approvals: false, lettersOnRead: false };
}

/** Who looks after a citizen: the same caseworker for all their cases; the named citizens the README's caseworker. */
function caseworkerOf(m: Municipality, c: CitizenRef) {
  const list = m.caseworkers.length ? m.caseworkers : m.teamLeaders;
  const cw = c.named ? list[0] : list[c.index % list.length];
  if (!cw) throw new Error(`generator: no caseworker in ${m.code}`);
  return cw;
}

async function generateMunicipality(g: Generation, m: Municipality, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  generateStaff(g, m);
  m.citizens = generateCitizens(g, m);
  const named = m.citizens.filter((c) => c.named);
  const others = m.citizens.filter((c) => !c.named);
  const scripted = named.flatMap((c) => (SCRIPTS[c.named ?? ''] ?? []).map((script) => ({ citizen: c, script })));
  for (const cw of m.caseworkers.filter((a) => a.demo)) {
    const theirs = others.filter((c) => caseworkerOf(m, c) === cw);
    COVERAGE.forEach((script, i) => {
      const citizen = theirs[i];
      const fits = (g.schema.tasks || !script.orderQuestion) && (g.schema.approvals || !script.awaitingApproval);
      if (citizen && fits) scripted.push({ citizen, script });
    });
  }
  const total = m.load.cases;
  for (let i = 0; i < total; i++) {
    const rng = Rng.of(g.size.name, m.code, 'case', i);
    const fixed = scripted[i];
    const citizen =
      fixed?.citizen ?? others[i - scripted.length] ?? others[rng.int(0, others.length - 1)] ?? (m.citizens[0] as CitizenRef);
    const plan = drawPlan(g, m, rng, fixed?.script ?? null);
    const sim = new CaseSim(g, m, rng, citizen, caseworkerOf(m, citizen), plan);
    await runCase(sim);
    sim.finish();
    await g.writer.maybeFlush();
    if (i > 0 && i % 10_000 === 0)
      log(`  ${m.code}: ${i} of ${total} cases (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  generateShelterStays(g, m);
  await g.writer.flush();
  const target = m.load.auditRows;
  if (target !== null) g.audit.padTo(g, m, target);
}

/**
 * The generator: one deterministic history for a size, up to "today". It creates the demo municipalities (and, for
 * the national size, more), loads the catalogue and offers, and gives every municipality it created citizens, staff,
 * two (or, for the benchmarks, four) years of cases in every stage, and the audit log of it all, as valid hash
 * chains; then the economy of those it created (areas/economy.ts). The same size and the same "today" give the same
 * rows. A municipality that already has citizens is left alone, so `npm start` generates once.
 */
export async function generate(
  database: Database,
  options: { size: SizeName | GeneratorSize; today: PlainDate; log?: (line: string) => void; time?: StageTimer },
): Promise<GenerateReport> {
  const started = performance.now();
  const size = typeof options.size === 'string' ? SIZES[options.size] : options.size;
  const log = options.log ?? (() => {});
  const time: StageTimer = options.time ?? ((_stage, fn) => fn());
  const historyStart = addDays(options.today, -size.historyDays);
  // Idempotent, and skipped when neither the policy files nor the code that loads them changed since the last start.
  await time('organisation, catalogue and offers', () =>
    seedUnlessUnchanged(
      database,
      'demo-organisation',
      fingerprintOf([GENERATOR_DIR, SEED_DIR, CATALOGUE_DIR, OFFERS_DIR]),
      async () => {
        await database.adminTransaction((tx) => createDemoOrganisation(tx, instantAt(historyStart, 8 * 60).toISOString()));
        await seedCatalogue(database);
        await seedOffers(database);
      },
    ),
  );
  const extra = size.extraMunicipalities;
  const extraCodes = extra
    ? await database.adminTransaction((tx) =>
        createExtraMunicipalities(tx, extra.count, instantAt(historyStart, 8 * 60).toISOString()),
      )
    : [];
  const empty = await database.adminTransaction((tx) =>
    tx.query<{ code: string }>(
      'select m.code from municipality m where not exists (select 1 from citizen c where c.municipality_id = m.id) order by m.code',
    ),
  );
  /** The national size's other municipalities share its totals evenly (the remainder to the first ones). */
  const loadOf = (code: string): MunicipalityLoad | undefined => {
    const own = size.load[code];
    if (own || !extra) return own;
    const i = extraCodes.indexOf(code);
    if (i < 0) return undefined;
    const share = (total: number) => Math.floor(total / extra.count) + (i < total % extra.count ? 1 : 0);
    return { citizens: share(extra.citizens), cases: share(extra.cases), auditRows: null };
  };
  const codes = empty.map((r) => r.code).filter((code) => loadOf(code));
  const letters = new LetterDesk(size.letters);
  const rows: Partial<Record<TableName, number>> = {};
  const copyMs: Partial<Record<TableName, number>> = {};
  await time('demo history (cases, letters, audit)', generateAll);
  // Economy and capacity (rate cards, budgets, actuals, places bought and sold, the waiting list) on the generated
  // municipalities, after their cases: the offers bought from others take no generated case.
  if (codes.length > 0 && (await hasEconomyTables(database))) {
    await time('demo economy', async () => {
      await seedPurchasedOffers(database);
      for (const code of codes) await database.adminTransaction((tx) => generateEconomy(tx, code, options.today));
    });
  }
  // The planner's statistics of the whole data set before anyone uses it (PostgreSQL: autovacuum would get there
  // minutes later, and a benchmark started at once would measure plans made for empty tables).
  if (codes.length > 0 && database.kind === 'postgres') await database.adminTransaction((tx) => tx.exec('analyze'));
  return {
    size: size.name,
    today: options.today,
    municipalities: codes,
    rows,
    copyMs,
    letters: { ...letters.rendered },
    ms: Math.round(performance.now() - started),
  };

  async function generateAll() {
    for (const code of codes) {
      const load = loadOf(code);
      if (!load) continue;
      await database.adminTransaction(async (tx) => {
        const g: Generation = {
          size,
          today: options.today,
          historyStart,
          writer: database.kind === 'pglite' ? new RowWriter(tx, 100_000) : new RowWriter(tx, 20_000, /* analyse */ true),
          audit: new AuditTrail(),
          letters,
          identities: await identities(tx),
          schema: await schemaOf(tx),
        };
        // Before migration 0036 a letter needs its PDF when it is journalised.
        letters.renderNow = !g.schema.lettersOnRead;
        const m = await loadMunicipality(tx, code, load, `${size.name}:${options.today}`);
        // No case before the municipality's service levels are in force: a decision needs the version in force.
        const firstInForce = m.versions.map((v) => v.inForceFrom).sort()[0];
        const earliest = firstInForce ? addDays(firstInForce, 30) : historyStart;
        m.historyStart = earliest > historyStart ? earliest : historyStart;
        const t0 = performance.now();
        await generateMunicipality(g, m, log);
        const auditRows = await g.audit.write(g, tx, m);
        await g.writer.resetIdentities();
        for (const [table, n] of g.writer.written) rows[table] = (rows[table] ?? 0) + n;
        for (const [table, ms] of g.writer.copyMs) copyMs[table] = Math.round((copyMs[table] ?? 0) + ms);
        log(
          `${m.name}: ${m.citizens.length} citizens, ${load.cases} cases, ${auditRows} audit rows in ${Math.round(performance.now() - t0)} ms`,
        );
      });
    }
  }
}
