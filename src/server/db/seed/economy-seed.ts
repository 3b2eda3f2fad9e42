import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LINE_KINDS } from '../../../shared/economy/economy.schema.ts';
import type { AdminTx, Database } from '../../platform/db/database.ts';
import { seededRandom, stableUuid } from './deterministic.ts';
import { readOfferFiles, seedOffers } from './offer-seed.ts';

/**
 * Demo data of economy and capacity (issue 13): rate cards, budgets, actuals from the finance system, places sold and
 * the waiting list. Every figure a seed gives is used as given and cited (Blommevej's DKK 993 a day and DKK 400 a
 * month, seed 000; Randers' budget 2019 with every per-offer operating budget, seed 003); everything else is
 * invented, realistic and marked `invented` with a source saying so. Deterministic and idempotent: a municipality that
 * has rate cards already is left as it is.
 */
const POLICY = fileURLToPath(new URL('../../../../policy/economy/', import.meta.url));
/** Offers run by other municipalities, regions and private providers that the demo municipalities buy places in. */
export const PURCHASED_OFFERS_DIR = fileURLToPath(new URL('../../../../policy/economy/offers/', import.meta.url));

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
  /** The 2026 price; other years are derived from it (about 2.5 % a year) unless given. */
  price2026: number;
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
      price2026: 1118,
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
    { offer: 'ladegaarden', basis: 'daily', price2026: 1690, financing: 'rate', occupancyPct: 96 },
    { offer: 'hjoernestenen', basis: 'daily', price2026: 1240, financing: 'rate', occupancyPct: 92 },
    { offer: 'udslusning', basis: 'daily', price2026: 960, financing: 'rate', occupancyPct: 90 },
    { offer: 'ungeherberget', basis: 'daily', price2026: 890, financing: 'rate', occupancyPct: 90 },
    { offer: 'perron-4', basis: 'daily', price2026: 410, financing: 'frame' },
    { offer: 'mestringsvejledning', basis: 'hourly', price2026: 565, financing: 'frame' },
    { offer: 'act-team', basis: 'hourly', price2026: 640, financing: 'frame' },
    { offer: 'haandholdt-indsats', basis: 'hourly', price2026: 575, financing: 'frame' },
    { offer: 'hjemloeseindsatsen', basis: 'hourly', price2026: 560, financing: 'frame' },
    { offer: 'ekstern-fjordgaarden', basis: 'daily', price2026: 2350, financing: 'rate', occupancyPct: 95 },
    { offer: 'ekstern-skovvang', basis: 'daily', price2026: 2890, financing: 'rate', occupancyPct: 97 },
    { offer: 'ekstern-regionalt-specialtilbud', basis: 'daily', price2026: 5240, financing: 'rate', occupancyPct: 95 },
    { offer: 'ekstern-bostoette', basis: 'hourly', price2026: 595, financing: 'rate' },
  ],
  '760': [
    { offer: 'bostoetten', basis: 'profile', price2026: 480, financing: 'rate' },
    { offer: '3-paa-spring', basis: 'daily', price2026: 1780, financing: 'rate', occupancyPct: 95 },
    { offer: 'rosengaarden', basis: 'daily', price2026: 2240, financing: 'rate', occupancyPct: 96 },
    { offer: 'fredensgade', basis: 'daily', price2026: 2060, financing: 'rate', occupancyPct: 95 },
    { offer: 'brohuset', basis: 'daily', price2026: 2310, financing: 'rate', occupancyPct: 97 },
    { offer: 'engdraget', basis: 'daily', price2026: 2480, financing: 'rate', occupancyPct: 97 },
    { offer: 'groenbjerghjemmet', basis: 'daily', price2026: 2650, financing: 'rate', occupancyPct: 97 },
    { offer: 'holmehusene', basis: 'daily', price2026: 2190, financing: 'rate', occupancyPct: 97 },
    { offer: 'holmelunden', basis: 'daily', price2026: 2370, financing: 'rate', occupancyPct: 97 },
    { offer: 'langagerparken', basis: 'daily', price2026: 2120, financing: 'rate', occupancyPct: 97 },
    { offer: 'satellitten', basis: 'daily', price2026: 1980, financing: 'rate', occupancyPct: 96 },
    { offer: 'ternevej-2', basis: 'daily', price2026: 2560, financing: 'rate', occupancyPct: 97 },
    { offer: 'msm', basis: 'module', price2026: 610, financing: 'frame' },
    { offer: 'hatkjaerhus', basis: 'module', price2026: 640, financing: 'frame' },
    { offer: 'me-tri', basis: 'module', price2026: 590, financing: 'frame' },
    { offer: 'drosselvej', basis: 'module', price2026: 620, financing: 'frame' },
    { offer: 'daghjemmet', basis: 'module', price2026: 780, financing: 'frame' },
    { offer: 'skovbrynet', basis: 'module', price2026: 700, financing: 'frame' },
  ],
};

const RATE_YEARS = [2019, 2024, 2025, 2026, 2027];
/** A price in another year: 2.5 % a year from 2026, to whole kroner (hourly and module prices too). */
const priceIn = (p2026: number, year: number) => Math.round(p2026 * 1.025 ** (year - 2026));

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

/** Ringkøbing-Skjern's 2026 budget for the area (invented: the seed gives no budget). */
const RKSK_BUDGET_2026: Line[] = [
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

type SaleSeed = { offer: string; code: string; name: string; from: string; to: string | null; label: string };
const SALES: Record<string, SaleSeed[]> = {
  '730': [
    { offer: 'ladegaarden', code: '710', name: 'Favrskov Kommune', from: '2025-03-01', to: null, label: 'B.N.' },
    { offer: 'ladegaarden', code: '706', name: 'Syddjurs Kommune', from: '2026-02-15', to: '2026-11-30', label: 'K.P.' },
    { offer: 'ladegaarden', code: '791', name: 'Viborg Kommune', from: '2024-09-01', to: null, label: 'J.S.' },
    { offer: 'hjoernestenen', code: '791', name: 'Viborg Kommune', from: '2026-10-01', to: null, label: 'M.A.' },
    { offer: 'blommevej', code: '751', name: 'Aarhus Kommune', from: '2024-06-01', to: null, label: 'L.H.' },
    { offer: 'ungeherberget', code: '746', name: 'Skanderborg Kommune', from: '2026-05-01', to: null, label: 'T.M.' },
  ],
  '760': [
    { offer: 'rosengaarden', code: '657', name: 'Herning Kommune', from: '2025-09-01', to: null, label: 'A.K.' },
    { offer: 'brohuset', code: '661', name: 'Holstebro Kommune', from: '2026-01-15', to: null, label: 'P.O.' },
  ],
};

type WaitingSeed = {
  basis: string;
  offer: string | null;
  priority: 1 | 2 | 3;
  decided: string;
  needed: string;
  status: 'waiting' | 'offered' | 'accepted' | 'withdrawn';
  offered?: { offer: string; on: string; answerBy: string | null };
  closed?: string;
  start?: string;
  declines?: number;
  note: string;
};
const WAITING: Record<string, WaitingSeed[]> = {
  '730': [
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 1,
      decided: '2026-09-15',
      needed: '2026-10-01',
      status: 'waiting',
      note: 'Udskrives fra psykiatrisk afdeling; midlertidigt på Hjørnestenen.',
    },
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 3,
      decided: '2026-08-20',
      needed: '2026-09-01',
      status: 'offered',
      offered: { offer: 'blommevej', on: '2026-11-25', answerBy: '2026-12-05' },
      note: 'Ønsker at bo tæt på familien i Randers NØ.',
    },
    {
      basis: 'SEL § 107',
      offer: 'ladegaarden',
      priority: 2,
      decided: '2026-10-10',
      needed: '2026-10-15',
      status: 'waiting',
      note: 'Aktivt misbrug; kan ikke klare egen bolig.',
    },
    {
      basis: 'SEL § 107',
      offer: null,
      priority: 2,
      decided: '2026-11-02',
      needed: '2026-11-15',
      status: 'waiting',
      declines: 1,
      note: 'Afslog en plads uden for kommunen; venter på plads i Randers.',
    },
    {
      basis: 'SEL § 85',
      offer: 'ladegaarden',
      priority: 3,
      decided: '2026-06-01',
      needed: '2026-06-15',
      status: 'accepted',
      offered: { offer: 'ladegaarden', on: '2026-07-20', answerBy: null },
      closed: '2026-07-25',
      start: '2026-08-01',
      note: 'Flyttet ind på Ladebo.',
    },
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 2,
      decided: '2026-03-01',
      needed: '2026-03-15',
      status: 'accepted',
      offered: { offer: 'blommevej', on: '2026-04-15', answerBy: null },
      closed: '2026-04-20',
      start: '2026-05-01',
      note: 'Plads ledig efter fraflytning.',
    },
    {
      basis: 'SEL § 85',
      offer: 'blommevej',
      priority: 3,
      decided: '2026-05-01',
      needed: '2026-05-15',
      status: 'withdrawn',
      closed: '2026-06-30',
      note: 'Har fået egen bolig med bostøtte (SEL § 85).',
    },
  ],
  '760': [
    {
      basis: 'SEL § 107',
      offer: '3-paa-spring',
      priority: 2,
      decided: '2026-10-01',
      needed: '2026-10-15',
      status: 'waiting',
      note: 'Afklaringsforløb.',
    },
    {
      basis: 'SEL § 108',
      offer: 'brohuset',
      priority: 1,
      decided: '2026-09-01',
      needed: '2026-09-15',
      status: 'offered',
      offered: { offer: 'brohuset', on: '2026-11-20', answerBy: '2026-12-04' },
      note: 'Varigt behov for døgndækning.',
    },
  ],
};

type Ctx = { tx: AdminTx; municipalityId: string; code: string; offers: Map<string, string> };
const unitId = (code: string, key: string) => stableUuid(`unit:${code}:${key}`);

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
  // Dated like the rest of the municipality's demo staff, so a second load of the demo gives the same rows.
  const [municipality] = await c.tx.query<{ created_at: Date }>('select created_at from municipality where id = $1', [
    c.municipalityId,
  ]);
  const rows = ECONOMISTS.filter((e) => e.municipality === c.code).map((e) => ({
    id: stableUuid(`user:${c.code}:${e.name}`),
    municipality_id: c.municipalityId,
    name: e.name,
    role: 'economist',
    unit_id: unitId(c.code, e.unit),
    oidc_subject: `demo-${c.code}-${e.name.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`,
    is_demo: true,
    created_at: municipality?.created_at ?? null,
  }));
  if (rows.length === 0) return;
  const present = await c.tx.query('select 1 from app_user where municipality_id = $1 and id = $2', [
    c.municipalityId,
    rows[0]?.id,
  ]);
  if (present.length === 0) await insert(c.tx, 'app_user', rows);
}

async function seedRates(c: Ctx): Promise<void> {
  const rows: Record<string, unknown>[] = [];
  for (const r of RATES[c.code] ?? []) {
    const offerId = c.offers.get(r.offer);
    if (!offerId) continue;
    const years = new Set([...RATE_YEARS, ...(r.given ?? []).map((g) => g.year)]);
    for (const year of [...years].sort()) {
      const given = r.given?.find((g) => g.year === year);
      const price = given?.price ?? priceIn(r.price2026, year);
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
      });
    }
  }
  // Blommevej's rate changed in 2026 from 1 July (invented), to show a change of rate in the year.
  if (c.code === '730' && c.offers.get('blommevej')) {
    rows.push({
      municipality_id: c.municipalityId,
      id: stableUuid('rate:730:blommevej:2026-07'),
      offer_id: c.offers.get('blommevej'),
      rate_year: 2026,
      in_force_from: '2026-07-01',
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
    });
  }
  await insert(c.tx, 'rate_card', rows);
}

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
      })),
    );
    const groupByLine = new Map(file.lines.map((l) => [`${l.unit}|${l.kind}`, l.group]));
    await add(file.year, file.lines, file.source, false, (l) => groupId(groupByLine.get(`${l.unit}|${l.kind}`) ?? ''));
    // 2026: the 2019 lines carried forward 17 % (invented), rounded to thousands.
    await add(
      2026,
      file.lines.map((l) => ({ ...l, amount: Math.round((l.amount * 1.17) / 1000) * 1000 })),
      `${INVENTED_BUDGET}: Randers' budget 2019 (seed 003) fremskrevet 17 % til 2026`,
      true,
    );
  }
  if (c.code === '760') await add(2026, RKSK_BUDGET_2026, `${INVENTED_BUDGET}: seed 001 oplyser intet budget`, true);
  return out;
}

/**
 * Actuals as the finance system would post them (invented): each line's budget a twelfth a month with some spread,
 * the last day of each month, through November for 2026 and the whole of 2019.
 */
async function seedPostings(c: Ctx, budgets: { year: number; lines: (Line & { id: string })[] }[]): Promise<void> {
  const random = seededRandom(Number(c.code) * 31);
  const rows: Record<string, unknown>[] = [];
  for (const b of budgets) {
    const months = b.year === 2026 ? 11 : 12;
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
  const rows = (SALES[c.code] ?? []).flatMap((s, i) => {
    const offerId = c.offers.get(s.offer);
    if (!offerId) return [];
    return [
      {
        municipality_id: c.municipalityId,
        id: stableUuid(`sale:${c.code}:${i}`),
        offer_id: offerId,
        paying_municipality_code: s.code,
        paying_municipality_name: s.name,
        buyer_reference: `${s.code}-${2024 + (i % 3)}-${String(100 + i * 7)}`,
        citizen_label: s.label,
        from_date: s.from,
        to_date: s.to,
        note: 'Opdigtet salg af plads (invented).',
        invented: true,
        created_by_name: 'Demodata',
      },
    ];
  });
  await insert(c.tx, 'place_sale', rows);
}

async function seedWaitingList(c: Ctx): Promise<void> {
  const seeds = WAITING[c.code] ?? [];
  if (seeds.length === 0) return;
  // Citizens without a named role in the demo (the README's people are left for the journeys).
  const citizens = await c.tx.query<{ id: string }>(
    'select id from citizen where municipality_id = $1 order by cpr offset 10 limit $2',
    [c.municipalityId, seeds.length],
  );
  const entries: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  seeds.forEach((w, i) => {
    const citizen = citizens[i];
    if (!citizen) return;
    const id = stableUuid(`waiting:${c.code}:${i}`);
    const offerId = w.offer ? (c.offers.get(w.offer) ?? null) : null;
    const offered = w.offered ? (c.offers.get(w.offered.offer) ?? null) : null;
    entries.push({
      municipality_id: c.municipalityId,
      id,
      citizen_id: citizen.id,
      case_id: null,
      legal_basis: w.basis,
      offer_id: offerId,
      decided_on: w.decided,
      needed_from: w.needed,
      priority: w.priority,
      status: w.status,
      offered_offer_id: offered,
      offered_on: w.offered?.on ?? null,
      answer_by: w.offered?.answerBy ?? null,
      start_on: w.start ?? null,
      closed_on: w.closed ?? null,
      declines: w.declines ?? 0,
      note: w.note,
      created_by_name: 'Demodata',
    });
    const event = (kind: string, on: string, offer: string | null) =>
      events.push({
        municipality_id: c.municipalityId,
        entry_id: id,
        kind,
        occurred_on: on,
        offer_id: offer,
        note: null,
        actor_name: 'Demodata',
      });
    event('entered', w.decided, offerId);
    if (w.declines) event('declined', w.needed, null);
    if (w.offered) event('offered', w.offered.on, offered);
    if (w.status === 'accepted' && w.closed) event('accepted', w.closed, offered);
    if (w.status === 'withdrawn' && w.closed) event('withdrawn', w.closed, null);
  });
  await insert(c.tx, 'waiting_list_entry', entries);
  await insert(c.tx, 'waiting_list_event', events);
}

/**
 * Loads the economy demo data for each demo municipality present that has none yet: the offers it buys places in, its
 * economist, rate cards, budgets and actuals, places sold and the waiting list.
 */
export async function seedEconomy(database: Database): Promise<number> {
  await seedOffers(database, readOfferFiles(PURCHASED_OFFERS_DIR));
  return database.adminTransaction(async (tx) => {
    const municipalities = await tx.query<{ id: string; code: string }>('select id, code from municipality order by code');
    let loaded = 0;
    for (const m of municipalities) {
      const offers = await tx.query<{ id: string; key: string }>('select id, key from offer where municipality_id = $1', [m.id]);
      const c: Ctx = { tx, municipalityId: m.id, code: m.code, offers: new Map(offers.map((o) => [o.key, o.id])) };
      await seedEconomists(c);
      if (!RATES[m.code]) continue;
      const has = await tx.query('select 1 from rate_card where municipality_id = $1 limit 1', [m.id]);
      if (has.length > 0) continue;
      await seedRates(c);
      await seedPostings(c, await seedBudgets(c));
      await seedSales(c);
      await seedWaitingList(c);
      loaded++;
    }
    return loaded;
  });
}
