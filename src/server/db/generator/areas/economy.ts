import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { addDays, addMonths } from '../../../../rules/calendar/date-arithmetic.ts';
import { isWorkingDay } from '../../../../rules/calendar/working-days.ts';
import { LINE_KINDS } from '../../../../shared/economy/economy.schema.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import type { AdminTx, Database } from '../../../platform/db/database.ts';
import { seededRandom, stableUuid } from '../../seed/deterministic.ts';
import { readOfferFiles, seedOffers } from '../../seed/offer-seed.ts';
import { instantAt } from '../time.ts';

/**
 * The generator's economy and capacity area (issue 13): the offers the demo municipalities buy places in, their
 * economists, rate cards, budgets, actuals from the finance system, places sold and the waiting list, dated from
 * "today" like the rest of the history, so the waiting times, the sales and the year's actuals never age. Every figure
 * a seed gives is used as given and cited (Blommevej's DKK 993 a day and DKK 400 a month in 2020, seed 000; Randers'
 * budget 2019 with every per-offer operating budget, seed 003); everything else is invented, realistic and marked
 * `invented` with a source saying so. The same "today" gives the same rows.
 */
const POLICY = fileURLToPath(new URL('../../../../../policy/economy/', import.meta.url));
/** Offers run by other municipalities, regions and private providers that the demo municipalities buy places in. */
export const PURCHASED_OFFERS_DIR = fileURLToPath(new URL('../../../../../policy/economy/offers/', import.meta.url));

/** The economists (økonomi og centerledelse), one per demo municipality, on the demo log-in page. */
const ECONOMISTS: { municipality: string; name: string; unit: string }[] = [
  { municipality: '730', name: 'Louise Kjeldsen', unit: 'csi' },
  { municipality: '760', name: 'Henrik Bak', unit: 'rksk-myndighed' },
  { municipality: '707', name: 'Pia Lund', unit: 'nd-myndighed' },
];

const INVENTED_RATE =
  'Opdigtet til demoen (invented): seeds 001 og 003 oplyser ikke takster for dette tilbud; niveauet er sat realistisk for tilbudstypen.';
const INVENTED_BUDGET = 'Opdigtet til demoen (invented)';

type Basis = 'daily' | 'hourly' | 'module' | 'profile';
type RateSeed = {
  offer: string;
  basis: Basis;
  /** The price in the current year; other years are derived from it (2.5 % a year) unless given. */
  price: number;
  financing: 'rate' | 'frame';
  occupancyPct?: number;
  addOns?: { label: string; amount: number; per: 'day' | 'week' | 'month' | 'year'; paidBy: 'citizen' | 'buyer' }[];
  /** Prices a seed gives, by year, with their source. */
  given?: { year: number; price: number; source: string }[];
};

const BLOMMEVEJ_PACKAGE = {
  label: 'Vask, rengøringsmidler, frugt, morgenmad, kørsel til behandling, kaffe/te og saft',
  amount: 400,
  per: 'month' as const,
  paidBy: 'citizen' as const,
};

/**
 * Profile prices per week for SEL § 85 at Ringkøbing-Skjern's Bostøtten: the profile's upper hour band × an invented
 * hourly price, so a change of the bands moves a grant's price (the what-if shows it).
 */
const RKSK_PROFILE_HOURS: [string, number][] = [
  ['1', 1],
  ['2', 2.5],
  ['3', 4.5],
  ['4', 8.5],
  ['5', 14],
  ['6', 22],
  ['7', 33],
  ['7.1', 46],
  ['7.2', 65],
  ['7.3', 78],
  ['7.4', 95],
];

const RATES: Record<string, RateSeed[]> = {
  '730': [
    {
      offer: 'blommevej',
      basis: 'daily',
      price: 1118,
      financing: 'rate',
      occupancyPct: 95,
      addOns: [BLOMMEVEJ_PACKAGE],
      given: [
        {
          year: 2020,
          price: 993,
          source:
            'Randers Kommune, Ydelsesbeskrivelse for Blommevej (shared/seeds/000), opdateret januar 2020: »Takst 993,- pr. døgn«; pakke 400 kr. pr. måned',
        },
      ],
    },
    { offer: 'ladegaarden', basis: 'daily', price: 1690, financing: 'rate', occupancyPct: 96 },
    { offer: 'hjoernestenen', basis: 'daily', price: 1240, financing: 'rate', occupancyPct: 92 },
    { offer: 'udslusning', basis: 'daily', price: 960, financing: 'rate', occupancyPct: 90 },
    { offer: 'ungeherberget', basis: 'daily', price: 890, financing: 'rate', occupancyPct: 90 },
    { offer: 'perron-4', basis: 'daily', price: 410, financing: 'frame' },
    { offer: 'mestringsvejledning', basis: 'hourly', price: 565, financing: 'frame' },
    { offer: 'act-team', basis: 'hourly', price: 640, financing: 'frame' },
    { offer: 'haandholdt-indsats', basis: 'hourly', price: 575, financing: 'frame' },
    { offer: 'hjemloeseindsatsen', basis: 'hourly', price: 560, financing: 'frame' },
    { offer: 'ekstern-fjordgaarden', basis: 'daily', price: 2350, financing: 'rate', occupancyPct: 95 },
    { offer: 'ekstern-skovvang', basis: 'daily', price: 2890, financing: 'rate', occupancyPct: 97 },
    { offer: 'ekstern-regionalt-specialtilbud', basis: 'daily', price: 5240, financing: 'rate', occupancyPct: 95 },
    { offer: 'ekstern-bostoette', basis: 'hourly', price: 595, financing: 'rate' },
  ],
  '760': [
    { offer: 'bostoetten', basis: 'profile', price: 480, financing: 'rate' },
    { offer: '3-paa-spring', basis: 'daily', price: 1780, financing: 'rate', occupancyPct: 95 },
    { offer: 'rosengaarden', basis: 'daily', price: 2240, financing: 'rate', occupancyPct: 96 },
    { offer: 'fredensgade', basis: 'daily', price: 2060, financing: 'rate', occupancyPct: 95 },
    { offer: 'brohuset', basis: 'daily', price: 2310, financing: 'rate', occupancyPct: 97 },
    { offer: 'engdraget', basis: 'daily', price: 2480, financing: 'rate', occupancyPct: 97 },
    { offer: 'groenbjerghjemmet', basis: 'daily', price: 2650, financing: 'rate', occupancyPct: 97 },
    { offer: 'holmehusene', basis: 'daily', price: 2190, financing: 'rate', occupancyPct: 97 },
    { offer: 'holmelunden', basis: 'daily', price: 2370, financing: 'rate', occupancyPct: 97 },
    { offer: 'langagerparken', basis: 'daily', price: 2120, financing: 'rate', occupancyPct: 97 },
    { offer: 'satellitten', basis: 'daily', price: 1980, financing: 'rate', occupancyPct: 96 },
    { offer: 'ternevej-2', basis: 'daily', price: 2560, financing: 'rate', occupancyPct: 97 },
    { offer: 'msm', basis: 'module', price: 610, financing: 'frame' },
    { offer: 'hatkjaerhus', basis: 'module', price: 640, financing: 'frame' },
    { offer: 'me-tri', basis: 'module', price: 590, financing: 'frame' },
    { offer: 'drosselvej', basis: 'module', price: 620, financing: 'frame' },
    { offer: 'daghjemmet', basis: 'module', price: 780, financing: 'frame' },
    { offer: 'skovbrynet', basis: 'module', price: 700, financing: 'frame' },
  ],
};

/** Rate cards for Randers' budget year 2019 (seed 003), the last two years, this year and the next. */
const rateYears = (thisYear: number) => [2019, thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
/** A price in another year: 2.5 % a year from this year's, to whole kroner (hourly and module prices too). */
const priceIn = (price: number, year: number, thisYear: number) => Math.round(price * 1.025 ** (year - thisYear));

const budgetFileSchema = z.object({
  municipalityCode: z.string(),
  year: z.number().int(),
  source: z.string(),
  note: z.string(),
  groups: z.array(z.object({ label: z.string(), parent: z.string().nullable(), printed: z.number() })),
  lines: z.array(
    z.object({
      unit: z.string(),
      kind: z.enum(LINE_KINDS),
      offer: z.string().optional(),
      label: z.string(),
      amount: z.number(),
      group: z.string(),
    }),
  ),
});

type Line = { unit: string; kind: (typeof LINE_KINDS)[number]; offer?: string; label: string; amount: number };

/** Ringkøbing-Skjern's budget for the area this year (invented: the seed gives no budget). */
const RKSK_BUDGET: Line[] = [
  { unit: 'rksk-myndighed', kind: 'purchase_external', label: 'Ekstern køb', amount: 28_500_000 },
  { unit: 'rksk-myndighed', kind: 'purchase_internal', label: 'Intern køb', amount: 61_200_000 },
  { unit: 'rksk-myndighed', kind: 'refund', label: 'Refusion (SEL § 176)', amount: -7_800_000 },
  { unit: 'rksk-myndighed', kind: 'sale', label: 'Salg af pladser', amount: -14_600_000 },
  { unit: 'rksk-myndighed', kind: 'other_authority', label: 'Øvrige myndighedskonti inkl. egenbetaling', amount: -4_100_000 },
  { unit: 'skelbaek', kind: 'operating', label: 'Skelbæk Centret', amount: 24_300_000 },
  { unit: 'aa-center-syd', kind: 'operating', label: 'Å-Center Syd', amount: 19_800_000 },
  { unit: 'bakkehuset', kind: 'operating', label: 'Center Bakkehuset', amount: 9_600_000 },
  { unit: 'socialpsykiatri', kind: 'operating', label: 'Center for Socialpsykiatri', amount: 31_200_000 },
];

/**
 * Places sold to other municipalities: from the 1st (or `day`) of the month `monthsAgo` months before this one; one
 * ended at the end of last month.
 */
type SaleSeed = {
  offer: string;
  code: string;
  name: string;
  monthsAgo: number;
  day?: number;
  endedLastMonth?: boolean;
  label: string;
};
const SALES: Record<string, SaleSeed[]> = {
  '730': [
    { offer: 'ladegaarden', code: '710', name: 'Favrskov Kommune', monthsAgo: 21, label: 'B.N.' },
    { offer: 'ladegaarden', code: '706', name: 'Syddjurs Kommune', monthsAgo: 10, day: 15, endedLastMonth: true, label: 'K.P.' },
    { offer: 'ladegaarden', code: '791', name: 'Viborg Kommune', monthsAgo: 27, label: 'J.S.' },
    { offer: 'hjoernestenen', code: '791', name: 'Viborg Kommune', monthsAgo: 2, label: 'M.A.' },
    { offer: 'blommevej', code: '751', name: 'Aarhus Kommune', monthsAgo: 30, label: 'L.H.' },
    { offer: 'ungeherberget', code: '746', name: 'Skanderborg Kommune', monthsAgo: 7, label: 'T.M.' },
  ],
  '760': [
    { offer: 'rosengaarden', code: '657', name: 'Herning Kommune', monthsAgo: 15, label: 'A.K.' },
    { offer: 'brohuset', code: '661', name: 'Holstebro Kommune', monthsAgo: 11, day: 15, label: 'P.O.' },
  ],
};

/**
 * The waiting list, in days before today (decisions, offers and answers on the working day on or before; an answer
 * is due `answerIn` days after today). Randers: two waiting for Blommevej, one offered a place there awaiting the
 * answer, one who declined a place elsewhere, two placed and one withdrawn; Ringkøbing-Skjern: one waiting, one offered.
 */
type WaitingSeed = {
  basis: string;
  offer: string | null;
  priority: 1 | 2 | 3;
  decided: number;
  needed: number;
  status: 'waiting' | 'offered' | 'accepted' | 'withdrawn';
  offered?: { offer: string; daysAgo: number; answerIn: number | null };
  closed?: number;
  start?: number;
  declines?: number;
  note: string;
};
const WAITING: Record<string, WaitingSeed[]> = {
  '730': [
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 1,
      decided: 77,
      needed: 61,
      status: 'waiting',
      note: 'Udskrives fra psykiatrisk afdeling; midlertidigt på Hjørnestenen.',
    },
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 3,
      decided: 103,
      needed: 91,
      status: 'offered',
      offered: { offer: 'blommevej', daysAgo: 6, answerIn: 4 },
      note: 'Ønsker at bo tæt på familien i Randers NØ.',
    },
    {
      basis: 'SEL § 107',
      offer: 'ladegaarden',
      priority: 2,
      decided: 52,
      needed: 47,
      status: 'waiting',
      note: 'Aktivt misbrug; kan ikke klare egen bolig.',
    },
    {
      basis: 'SEL § 107',
      offer: null,
      priority: 2,
      decided: 29,
      needed: 16,
      status: 'waiting',
      declines: 1,
      note: 'Afslog en plads uden for kommunen; venter på plads i Randers.',
    },
    {
      basis: 'SEL § 85',
      offer: 'ladegaarden',
      priority: 3,
      decided: 183,
      needed: 169,
      status: 'accepted',
      offered: { offer: 'ladegaarden', daysAgo: 134, answerIn: null },
      closed: 129,
      start: 122,
      note: 'Flyttet ind på Ladebo.',
    },
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 2,
      decided: 275,
      needed: 261,
      status: 'accepted',
      offered: { offer: 'blommevej', daysAgo: 230, answerIn: null },
      closed: 225,
      start: 214,
      note: 'Plads ledig efter fraflytning.',
    },
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 3,
      decided: 214,
      needed: 200,
      status: 'withdrawn',
      closed: 154,
      note: 'Har fået egen bolig med bostøtte (SEL § 85).',
    },
  ],
  '760': [
    {
      basis: 'SEL § 107',
      offer: '3-paa-spring',
      priority: 2,
      decided: 61,
      needed: 47,
      status: 'waiting',
      note: 'Afklaringsforløb.',
    },
    {
      basis: 'SEL § 108',
      offer: 'brohuset',
      priority: 1,
      decided: 91,
      needed: 77,
      status: 'offered',
      offered: { offer: 'brohuset', daysAgo: 11, answerIn: 3 },
      note: 'Varigt behov for døgndækning.',
    },
  ],
};

/** The working day on or before `date` (a decision, an offer or an answer is given on a working day). */
function onOrBeforeWorkingDay(date: PlainDate): PlainDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

type Ctx = {
  tx: AdminTx;
  municipalityId: string;
  code: string;
  offers: Map<string, string>;
  today: PlainDate;
  thisYear: number;
  /** When the demo data was loaded: the municipality's own created_at (deterministic, like the rest of its staff). */
  loadedAt: Date;
};
const unitId = (code: string, key: string) => stableUuid(`unit:${code}:${key}`);
/** A date's Danish morning, for the rows a person made that day. */
const morningOf = (date: PlainDate) => instantAt(date, 9 * 60);

async function insert(tx: AdminTx, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const columns = Object.keys(chunk[0] ?? {});
    if (columns.length === 0) return;
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
    await tx.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, params);
  }
}

async function seedEconomists(c: Ctx): Promise<void> {
  const rows = ECONOMISTS.filter((e) => e.municipality === c.code).map((e) => ({
    id: stableUuid(`user:${c.code}:${e.name}`),
    municipality_id: c.municipalityId,
    name: e.name,
    role: 'economist',
    unit_id: unitId(c.code, e.unit),
    oidc_subject: `demo-${c.code}-${e.name.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`,
    is_demo: true,
    created_at: c.loadedAt,
  }));
  await insert(c.tx, 'app_user', rows);
}

async function seedRates(c: Ctx): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const r of RATES[c.code] ?? []) {
    const offerId = c.offers.get(r.offer);
    if (!offerId) continue;
    const years = new Set([...rateYears(c.thisYear), ...(r.given ?? []).map((g) => g.year)]);
    for (const year of [...years].sort()) {
      const given = r.given?.find((g) => g.year === year);
      const price = given?.price ?? priceIn(r.price, year, c.thisYear);
      const column = { daily: 'daily_rate', hourly: 'hourly_rate', module: 'module_day_rate', profile: null }[r.basis];
      rows.push({
        municipality_id: c.municipalityId,
        id: stableUuid(`rate:${c.code}:${r.offer}:${year}`),
        offer_id: offerId,
        rate_year: year,
        in_force_from: `${year}-01-01`,
        in_force_to: null,
        pricing_basis: r.basis,
        daily_rate: column === 'daily_rate' ? price : null,
        hourly_rate: column === 'hourly_rate' ? price : null,
        module_day_rate: column === 'module_day_rate' ? price : null,
        profile_prices: JSON.stringify(
          r.basis === 'profile'
            ? RKSK_PROFILE_HOURS.map(([code, hours]) => ({ code, weeklyPrice: Math.round(hours * price) }))
            : [],
        ),
        add_ons: JSON.stringify(r.addOns ?? []),
        occupancy_pct: r.occupancyPct ?? null,
        financing: r.financing,
        source: given?.source ?? INVENTED_RATE,
        invented: !given,
        note: r.basis === 'profile' ? 'Ugepris pr. borgerprofil = profilens øvre timetal × timepris (opdigtet).' : null,
        created_by_name: 'Demodata',
        created_at: c.loadedAt,
      });
    }
  }
  // Blommevej's rate changes this year from 1 July (invented), to show a change of rate within a year.
  const blommevej = c.offers.get('blommevej');
  if (c.code === '730' && blommevej) {
    rows.push({
      municipality_id: c.municipalityId,
      id: stableUuid(`rate:730:blommevej:${c.thisYear}-07`),
      offer_id: blommevej,
      rate_year: c.thisYear,
      in_force_from: `${c.thisYear}-07-01`,
      in_force_to: null,
      pricing_basis: 'daily',
      daily_rate: 1142,
      hourly_rate: null,
      module_day_rate: null,
      profile_prices: '[]',
      add_ons: JSON.stringify([BLOMMEVEJ_PACKAGE]),
      occupancy_pct: 95,
      financing: 'rate',
      source: `${INVENTED_RATE} Takstændring i året fra 1. juli (efter revisitation af normeringen).`,
      invented: true,
      note: null,
      created_by_name: 'Demodata',
      created_at: c.loadedAt,
    });
  }
  await insert(c.tx, 'rate_card', rows);
}

/** Randers' 2019 lines carried forward to this year at 2.25 % a year (invented), rounded to thousands. */
const CARRY_FORWARD = 1.0225;

async function seedBudgets(c: Ctx): Promise<{ year: number; lines: (Line & { id: string })[] }[]> {
  const out: { year: number; lines: (Line & { id: string })[] }[] = [];
  const add = async (year: number, lines: Line[], source: string, invented: boolean, groupOf?: (l: Line) => string | null) => {
    const rows = lines.map((l) => ({
      municipality_id: c.municipalityId,
      id: stableUuid(`budget:${c.code}:${year}:${l.unit}:${l.kind}:${l.offer ?? ''}`),
      budget_year: year,
      unit_id: unitId(c.code, l.unit),
      line_kind: l.kind,
      offer_id: l.offer ? (c.offers.get(l.offer) ?? null) : null,
      group_id: groupOf?.(l) ?? null,
      label: l.label,
      amount: l.amount,
      source,
      invented,
      updated_by_name: 'Demodata',
      updated_at: c.loadedAt,
    }));
    await insert(c.tx, 'budget_line', rows);
    out.push({ year, lines: lines.map((l, i) => ({ ...l, id: rows[i]?.id ?? '' })) });
  };
  if (c.code === '730') {
    const file = budgetFileSchema.parse(JSON.parse(readFileSync(`${POLICY}730-randers/budget-2019.json`, 'utf8')));
    const groupId = (label: string) => stableUuid(`budget-group:730:${file.year}:${label}`);
    await insert(
      c.tx,
      'budget_group',
      file.groups.map((g, position) => ({
        municipality_id: c.municipalityId,
        id: groupId(g.label),
        budget_year: file.year,
        parent_id: g.parent ? groupId(g.parent) : null,
        label: g.label,
        printed_amount: g.printed,
        position,
        source: file.source,
        created_at: c.loadedAt,
      })),
    );
    const groupByLine = new Map(file.lines.map((l) => [`${l.unit}|${l.kind}`, l.group]));
    await add(file.year, file.lines, file.source, false, (l) => groupId(groupByLine.get(`${l.unit}|${l.kind}`) ?? ''));
    const factor = CARRY_FORWARD ** (c.thisYear - file.year);
    await add(
      c.thisYear,
      file.lines.map((l) => ({ ...l, amount: Math.round((l.amount * factor) / 1000) * 1000 })),
      `${INVENTED_BUDGET}: Randers' budget ${file.year} (seed 003) fremskrevet 2,25 % om året til ${c.thisYear}`,
      true,
    );
  }
  if (c.code === '760') await add(c.thisYear, RKSK_BUDGET, `${INVENTED_BUDGET}: seed 001 oplyser intet budget`, true);
  return out;
}

/**
 * Actuals as the finance system would post them (invented): each line's budget a twelfth a month with some spread, on
 * the last day of each month: every month of a past year, this year's months that have ended.
 */
async function seedPostings(c: Ctx, budgets: { year: number; lines: (Line & { id: string })[] }[]): Promise<void> {
  const random = seededRandom(Number(c.code) * 31);
  const rows: Record<string, unknown>[] = [];
  for (const b of budgets) {
    const months = b.year < c.thisYear ? 12 : Number(c.today.slice(5, 7)) - 1;
    b.lines.forEach((l, i) => {
      // Operating runs slightly over, purchases a little more over, income a little short: a realistic picture.
      const drift = l.kind === 'operating' ? 1.03 : l.kind === 'purchase_external' ? 1.06 : l.amount < 0 ? 0.95 : 1.0;
      for (let m = 1; m <= months; m++) {
        const spread = 0.9 + random() * 0.2;
        const last = new Date(Date.UTC(b.year, m, 0)).getUTCDate();
        rows.push({
          municipality_id: c.municipalityId,
          id: stableUuid(`posting:${c.code}:${b.year}:${i}:${m}`),
          budget_year: b.year,
          voucher: `${b.year}-${String(i + 1).padStart(3, '0')}-${String(m).padStart(2, '0')}`,
          posted_on: `${b.year}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`,
          unit_id: unitId(c.code, l.unit),
          line_kind: l.kind,
          offer_id: l.offer ? (c.offers.get(l.offer) ?? null) : null,
          amount: Math.round(((l.amount * drift) / 12) * spread * 100) / 100,
          text: `${l.label} – ${String(m).padStart(2, '0')}/${b.year} (opdigtet)`,
          invented: true,
        });
      }
    });
  }
  await insert(c.tx, 'budget_posting', rows);
}

async function seedSales(c: Ctx): Promise<void> {
  const firstOfMonth = `${c.today.slice(0, 8)}01` as PlainDate;
  const rows = (SALES[c.code] ?? []).flatMap((s, i) => {
    const offerId = c.offers.get(s.offer);
    if (!offerId) return [];
    const from = addDays(addMonths(firstOfMonth, -s.monthsAgo), (s.day ?? 1) - 1);
    return [
      {
        municipality_id: c.municipalityId,
        id: stableUuid(`sale:${c.code}:${i}`),
        offer_id: offerId,
        paying_municipality_code: s.code,
        paying_municipality_name: s.name,
        buyer_reference: `${s.code}-${from.slice(0, 4)}-${String(100 + i * 7)}`,
        citizen_label: s.label,
        from_date: from,
        to_date: s.endedLastMonth ? addDays(firstOfMonth, -1) : null,
        note: 'Opdigtet salg af plads (invented).',
        invented: true,
        created_by_name: 'Demodata',
        created_at: c.loadedAt,
      },
    ];
  });
  await insert(c.tx, 'place_sale', rows);
}

async function seedWaitingList(c: Ctx): Promise<void> {
  const seeds = WAITING[c.code] ?? [];
  if (seeds.length === 0) return;
  // Citizens without a part in the README (the named citizens' cases are the journeys').
  const citizens = (
    await c.tx.query<{ id: string }>('select id from citizen where municipality_id = $1 order by cpr offset 10 limit $2', [
      c.municipalityId,
      seeds.length,
    ])
  ).map((r) => r.id);
  const entries: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  const ago = (days: number) => onOrBeforeWorkingDay(addDays(c.today, -days));
  seeds.forEach((w, i) => {
    const citizen = citizens[i];
    if (!citizen) return;
    const id = stableUuid(`waiting:${c.code}:${i}`);
    const offerId = w.offer ? (c.offers.get(w.offer) ?? null) : null;
    const offered = w.offered ? (c.offers.get(w.offered.offer) ?? null) : null;
    const decided = ago(w.decided);
    const offeredOn = w.offered ? ago(w.offered.daysAgo) : null;
    const closed = w.closed === undefined ? null : ago(w.closed);
    entries.push({
      municipality_id: c.municipalityId,
      id,
      citizen_id: citizen,
      case_id: null,
      legal_basis: w.basis,
      offer_id: offerId,
      decided_on: decided,
      needed_from: addDays(c.today, -w.needed),
      priority: w.priority,
      status: w.status,
      offered_offer_id: offered,
      offered_on: offeredOn,
      answer_by: w.offered?.answerIn ? onOrBeforeWorkingDay(addDays(c.today, w.offered.answerIn)) : null,
      start_on: w.start === undefined ? null : addDays(c.today, -w.start),
      closed_on: closed,
      declines: w.declines ?? 0,
      note: w.note,
      created_by_name: 'Demodata',
      created_at: morningOf(decided),
    });
    const event = (kind: string, on: PlainDate, offer: string | null) =>
      events.push({
        municipality_id: c.municipalityId,
        entry_id: id,
        kind,
        occurred_on: on,
        offer_id: offer,
        note: null,
        actor_name: 'Demodata',
        created_at: morningOf(on),
      });
    event('entered', decided, offerId);
    if (w.declines) event('declined', addDays(c.today, -w.needed), null);
    if (offeredOn) event('offered', offeredOn, offered);
    if (w.status === 'accepted' && closed) event('accepted', closed, offered);
    if (w.status === 'withdrawn' && closed) event('withdrawn', closed, null);
  });
  await insert(c.tx, 'waiting_list_entry', entries);
  await insert(c.tx, 'waiting_list_event', events);
}

/** The economy's tables came with migration 0020; the tenant-keys upgrade test loads the demo into a database at 0011. */
export async function hasEconomyTables(database: Database): Promise<boolean> {
  const rows = await database.adminTransaction((tx) =>
    tx.query<{ t: string | null }>(`select to_regclass('rate_card')::text as t`),
  );
  return Boolean(rows[0]?.t);
}

/** The offers the demo municipalities buy places in (after the generated history: no generated case is placed there). */
export function seedPurchasedOffers(database: Database): Promise<unknown> {
  return seedOffers(database, readOfferFiles(PURCHASED_OFFERS_DIR));
}

/**
 * A generated municipality's economy: its economist, rate cards, budgets and actuals, places sold and the waiting
 * list, as of `today`.
 */
export async function generateEconomy(tx: AdminTx, code: string, today: PlainDate): Promise<void> {
  const [municipality] = await tx.query<{ id: string; created_at: Date }>(
    'select id, created_at from municipality where code = $1',
    [code],
  );
  if (!municipality) return;
  const m = { id: municipality.id, code };
  const offers = await tx.query<{ id: string; key: string }>('select id, key from offer where municipality_id = $1', [m.id]);
  const c: Ctx = {
    tx,
    municipalityId: m.id,
    code: m.code,
    offers: new Map(offers.map((o) => [o.key, o.id])),
    today,
    thisYear: Number(today.slice(0, 4)),
    loadedAt: municipality.created_at,
  };
  await seedEconomists(c);
  if (!RATES[m.code]) return;
  await seedRates(c);
  await seedPostings(c, await seedBudgets(c));
  await seedSales(c);
  await seedWaitingList(c);
}
