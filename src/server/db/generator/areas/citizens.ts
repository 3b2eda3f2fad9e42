import { parseCpr } from '../../../../shared/cpr/cpr.ts';
import { stableUuid } from '../../seed/deterministic.ts';
import type { CitizenRef, Generation, Municipality } from '../context.ts';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, PLACES, STREETS } from '../names.ts';
import { Rng } from '../random.ts';
import { addDays, instantAt } from '../time.ts';

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

/** CPR's modulus-11 weights (CPR-kontoret, "Personnummeret i CPR"). */
const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;
const passesModulus11 = (cpr: string) => [...cpr].reduce((sum, d, i) => sum + Number(d) * (MOD11_WEIGHTS[i] ?? 0), 0) % 11 === 0;

/**
 * An invented CPR number that KL's FFB report accepts (a real date, ddmmyy-ssss) and that no one has: every number
 * CPR issued before 2007 passes the modulus-11 check, and since then numbers failing it are issued only for birth
 * dates whose modulus-11 numbers are used up (1 January of certain years). So: a birth date that is not 1 January and
 * a number that fails modulus 11. Adults 18–90 years old. (The named demo citizens keep substitute numbers.)
 */
export function inventedCpr(rng: Rng, todayYear: number, taken: Set<string>): string {
  for (;;) {
    const year = todayYear - rng.int(18, 90);
    const month = rng.int(1, 12);
    const day = Math.max(rng.int(1, 28), month === 1 ? 2 : 1);
    const seventh = year >= 2000 ? 4 : rng.int(0, 3);
    const serial = rng.int(0, 999);
    const head = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${seventh}`;
    const first = `${head}${String(serial).padStart(3, '0')}`;
    const cpr = passesModulus11(first) ? `${head}${String((serial + 1) % 1000).padStart(3, '0')}` : first;
    if (!taken.has(cpr)) {
      taken.add(cpr);
      return cpr;
    }
  }
}

/**
 * The municipality's citizens: the named demo citizens (with their log-ins) and invented ones with believable Danish
 * names, addresses in the municipality's towns and invented CPR numbers (see inventedCpr). Deterministic per size and municipality.
 */
export function generateCitizens(g: Generation, m: Municipality): CitizenRef[] {
  const rng = Rng.of(g.size.name, m.code, 'citizens');
  const taken = new Set<string>();
  const places = PLACES[m.code] ?? [[String(1000 + Number(m.code)), m.name.replace(/s? Kommune$/, '')] as const];
  const named = NAMED_DEMO_CITIZENS.filter((c) => c.municipality === m.code);
  for (const c of named) taken.add(c.cpr);
  const todayYear = Number(g.today.slice(0, 4));
  const ids = m.ids('citizen');
  const citizens: CitizenRef[] = [];
  const street = () =>
    `${rng.pick(STREETS)} ${rng.int(1, 120)}${rng.chance(0.3) ? `, ${rng.int(1, 4)}. ${rng.pick(['tv', 'th', 'mf'])}` : ''}`;
  for (const c of named) {
    citizens.push({
      id: stableUuid(`citizen:${m.id}:${c.cpr}`),
      index: citizens.length,
      cpr: c.cpr,
      firstName: c.firstName,
      lastName: c.lastName,
      address: street(),
      postalCode: c.postal,
      city: c.city,
      user: c.login
        ? {
            userId: stableUuid(`user:${m.code}:citizen:${c.cpr}`),
            name: `${c.firstName} ${c.lastName}`,
            role: 'citizen',
            unitId: null,
            unitName: null,
          }
        : null,
      named: c.firstName,
    });
  }
  while (citizens.length < m.load.citizens) {
    const female = rng.chance(0.5);
    const first = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const middle = rng.chance(0.15) ? ` ${rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)}` : '';
    const last = rng.weighted(LAST_NAMES);
    const doubleLast = rng.chance(0.1) ? `${rng.weighted(LAST_NAMES)} ` : '';
    const [postal, city] = rng.pick(places);
    citizens.push({
      id: ids.next(),
      index: citizens.length,
      cpr: inventedCpr(rng, todayYear, taken),
      firstName: `${first}${middle}`,
      lastName: `${doubleLast}${last}`,
      address: street(),
      postalCode: postal,
      city,
      user: null,
      named: null,
    });
  }
  for (const c of citizens) {
    const parsed = parseCpr(c.cpr);
    if (!parsed.ok) throw new Error(`generator: not a valid CPR number: ${c.cpr}`);
    const created = instantAt(addDays(g.historyStart, -rng.int(1, 2000)), rng.int(8 * 60, 15 * 60)).toISOString();
    g.writer.add('citizen', {
      id: c.id,
      municipality_id: m.id,
      cpr: c.cpr,
      substitute_cpr: parsed.substitute,
      birth_date: parsed.birthDate,
      first_name: c.firstName,
      last_name: c.lastName,
      address: c.address,
      postal_code: c.postalCode,
      city: c.city,
      phone: null,
      email: null,
      created_at: created,
      updated_at: created,
    });
  }
  for (const c of citizens) {
    if (!c.user) continue;
    g.writer.add('app_user', {
      id: c.user.userId,
      municipality_id: m.id,
      name: c.user.name,
      role: 'citizen',
      unit_id: null,
      citizen_id: c.id,
      oidc_subject: `demo-citizen-${c.cpr}`,
      is_demo: true,
      created_at: instantAt(g.historyStart, 8 * 60).toISOString(),
    });
  }
  return citizens;
}
