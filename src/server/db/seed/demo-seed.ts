import { parseCpr } from '../../../shared/cpr/cpr.ts';
import type { AdminTx, Database } from '../../platform/db/database.ts';
import { DEMO_MUNICIPALITIES, DEMO_STAFF, type DemoUnit } from './demo-organisation.ts';
import { pick, seededRandom, stableUuid } from './deterministic.ts';

const FIRST_NAMES = [
  'Anne',
  'Kirsten',
  'Mette',
  'Hanne',
  'Helle',
  'Susanne',
  'Lene',
  'Maria',
  'Marianne',
  'Camilla',
  'Louise',
  'Pia',
  'Peter',
  'Jens',
  'Lars',
  'Michael',
  'Henrik',
  'Thomas',
  'Søren',
  'Jan',
  'Niels',
  'Morten',
  'Jesper',
  'Mads',
  'Frederik',
  'Emil',
  'Sofie',
  'Ida',
  'Jørgen',
  'Bjørn',
  'Åse',
  'Rikke',
];
const LAST_NAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Møller',
  'Mortensen',
  'Østergaard',
];
const STREETS = [
  'Østergade',
  'Vestergade',
  'Søndergade',
  'Nørregade',
  'Skovvej',
  'Engvej',
  'Birkevej',
  'Kirkevej',
  'Åvej',
  'Bøgevej',
];
const PLACES: Record<string, [string, string][]> = {
  '730': [
    ['8900', 'Randers C'],
    ['8920', 'Randers NV'],
    ['8930', 'Randers NØ'],
    ['8940', 'Randers SV'],
  ],
  '760': [
    ['6950', 'Ringkøbing'],
    ['6900', 'Skjern'],
    ['6960', 'Hvide Sande'],
    ['6940', 'Lem St'],
  ],
  '707': [
    ['8500', 'Grenaa'],
    ['8585', 'Glesborg'],
    ['8586', 'Ørum Djurs'],
  ],
};

/** Citizens the README and the end-to-end tests name. Their CPR numbers are substitutes (day + 60). */
export const NAMED_DEMO_CITIZENS = [
  {
    municipality: '760',
    cpr: '7403851234',
    firstName: 'Mette',
    lastName: 'Kjærsgaard',
    postal: '6950',
    city: 'Ringkøbing',
    login: true,
  },
  {
    municipality: '760',
    cpr: '6207921418',
    firstName: 'Søren',
    lastName: 'Østergård',
    postal: '6900',
    city: 'Skjern',
    login: false,
  },
  {
    municipality: '730',
    cpr: '7511721113',
    firstName: 'Jens',
    lastName: 'Åberg',
    postal: '8900',
    city: 'Randers C',
    login: true,
  },
  { municipality: '707', cpr: '8809671127', firstName: 'Anne', lastName: 'Dyrholm', postal: '8500', city: 'Grenaa', login: true },
] as const;

export const CITIZENS_PER_MUNICIPALITY = 60;

type Row = Record<string, unknown>;

async function insertRows(tx: AdminTx, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as Row);
  for (let start = 0; start < rows.length; start += 200) {
    const chunk = rows.slice(start, start + 200);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(', ')})`);
    await tx.query(`insert into ${table} (${columns.join(', ')}) values ${values.join(', ')}`, params);
  }
}

/** A substitute CPR number (erstatningspersonnummer): day of month + 60, with a century digit that fits the year. */
function substituteCpr(random: () => number, taken: Set<string>): string {
  for (;;) {
    const year = 1950 + Math.floor(random() * 56);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const seventh = year >= 2000 ? 4 : Math.floor(random() * 4);
    const serial = String(Math.floor(random() * 1000)).padStart(3, '0');
    const cpr = `${String(day + 60)}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${seventh}${serial}`;
    if (!taken.has(cpr)) {
      taken.add(cpr);
      return cpr;
    }
  }
}

function flattenUnits(units: DemoUnit[], parentKey: string | null, out: { unit: DemoUnit; parentKey: string | null }[] = []) {
  for (const unit of units) {
    out.push({ unit, parentKey });
    if (unit.children) flattenUnits(unit.children, unit.key, out);
  }
  return out;
}

/**
 * Loads the demo municipalities, organisation, staff and citizens. Deterministic (fixed ids and a seeded
 * generator) and idempotent: a municipality already present is left as it is.
 */
export async function seedDemoData(database: Database): Promise<boolean> {
  return database.adminTransaction(async (tx) => {
    const existing = await tx.query<{ code: string }>('select code from municipality');
    const present = new Set(existing.map((r) => r.code));
    let loaded = false;
    for (const m of DEMO_MUNICIPALITIES) {
      if (present.has(m.code)) continue;
      loaded = true;
      const municipalityId = stableUuid(`municipality:${m.code}`);
      await insertRows(tx, 'municipality', [
        { id: municipalityId, code: m.code, name: m.name, address: m.address, phone: m.phone, email: m.email },
      ]);
      const unitId = (key: string) => stableUuid(`unit:${m.code}:${key}`);
      await insertRows(
        tx,
        'org_unit',
        flattenUnits(m.units, null).map(({ unit, parentKey }) => ({
          id: unitId(unit.key),
          municipality_id: municipalityId,
          parent_id: parentKey ? unitId(parentKey) : null,
          kind: unit.kind,
          name: unit.name,
        })),
      );

      const random = seededRandom(Number(m.code));
      const taken = new Set<string>();
      const places = PLACES[m.code] ?? [['0000', '']];
      const named = NAMED_DEMO_CITIZENS.filter((c) => c.municipality === m.code);
      for (const c of named) taken.add(c.cpr);
      const citizens: Row[] = named.map((c) =>
        citizenRow(
          municipalityId,
          c.cpr,
          c.firstName,
          c.lastName,
          `${pick(random, STREETS)} ${1 + Math.floor(random() * 80)}`,
          c.postal,
          c.city,
        ),
      );
      while (citizens.length < CITIZENS_PER_MUNICIPALITY) {
        const [postal, city] = pick(random, places);
        citizens.push(
          citizenRow(
            municipalityId,
            substituteCpr(random, taken),
            pick(random, FIRST_NAMES),
            pick(random, LAST_NAMES),
            `${pick(random, STREETS)} ${1 + Math.floor(random() * 80)}`,
            postal,
            city,
          ),
        );
      }
      await insertRows(tx, 'citizen', citizens);

      const staff = DEMO_STAFF.filter((s) => s.municipality === m.code);
      await insertRows(tx, 'app_user', [
        ...staff.map((s) => ({
          id: stableUuid(`user:${m.code}:${s.name}`),
          municipality_id: municipalityId,
          name: s.name,
          role: s.role,
          unit_id: unitId(s.unit),
          citizen_id: null,
          oidc_subject: `demo-${m.code}-${s.name.toLowerCase().replace(/[^a-zæøå]+/g, '-')}`,
          is_demo: true,
        })),
        ...named
          .filter((c) => c.login)
          .map((c) => ({
            id: stableUuid(`user:${m.code}:citizen:${c.cpr}`),
            municipality_id: municipalityId,
            name: `${c.firstName} ${c.lastName}`,
            role: 'citizen',
            unit_id: null,
            citizen_id: stableUuid(`citizen:${municipalityId}:${c.cpr}`),
            oidc_subject: `demo-citizen-${c.cpr}`,
            is_demo: true,
          })),
      ]);
      await insertRows(
        tx,
        'app_user_offer',
        staff.flatMap((s) =>
          (s.offers ?? []).map((o) => ({
            municipality_id: municipalityId,
            user_id: stableUuid(`user:${m.code}:${s.name}`),
            unit_id: unitId(o),
          })),
        ),
      );
    }
    return loaded;
  });
}

function citizenRow(
  municipalityId: string,
  cpr: string,
  firstName: string,
  lastName: string,
  address: string,
  postal: string,
  city: string,
): Row {
  const parsed = parseCpr(cpr);
  if (!parsed.ok) throw new Error(`Demo CPR number is not valid: ${cpr}`);
  return {
    id: stableUuid(`citizen:${municipalityId}:${cpr}`),
    municipality_id: municipalityId,
    cpr,
    substitute_cpr: parsed.substitute,
    birth_date: parsed.birthDate,
    first_name: firstName,
    last_name: lastName,
    address,
    postal_code: postal,
    city,
    phone: null,
    email: null,
  };
}
