import { ageOn } from '../../../../rules/agreements/goal-measures.ts';
import { addDays } from '../../../../rules/calendar/date-arithmetic.ts';
import type { StayOutcome } from '../../../../shared/agreements/agreements.schema.ts';
import { parseCpr } from '../../../../shared/cpr/cpr.ts';
import type { PlainDate } from '../../../../shared/plain-date.ts';
import type { CitizenRef, Generation, Municipality } from '../context.ts';
import { Rng } from '../random.ts';
import { instantAt } from '../time.ts';

/**
 * Shelter stays (SEL § 110) over the history, so the agreement's shelter goals are measured from registered stays:
 * Hjørnestenen's 18 places (seed 003, afsnit 2.2.7) filled bed by bed with stays of realistic length (about one in
 * seven over 120 days, seed 003's baseline 14 %), a fifth of them young people of 18–24, and Randers citizens' stays
 * at other municipalities' shelters (seed 003, note 9). A stay that has not ended by today has no departure.
 */
const SHELTERS: Record<string, { key: string; places: number }[]> = { '730': [{ key: 'hjoernestenen', places: 18 }] };
const ELSEWHERE = ['Forsorgshjem i Aarhus Kommune', 'Herberg i Viborg Kommune', 'Forsorgshjem i Aalborg Kommune'];

const ADULT_OUTCOMES: readonly (readonly [StayOutcome, number])[] = [
  ['own_home', 24],
  ['housing_offer', 12],
  ['transitional_home', 7],
  ['other_shelter', 10],
  ['hospital_or_treatment', 8],
  ['prison', 5],
  ['family_or_friends', 13],
  ['street', 13],
  ['unknown', 7],
  ['died', 1],
];
const YOUNG_OUTCOMES: readonly (readonly [StayOutcome, number])[] = [
  ['own_home', 24],
  ['transitional_home', 16],
  ['housing_offer', 6],
  ['family_or_friends', 22],
  ['other_shelter', 10],
  ['street', 12],
  ['unknown', 10],
];

function stayLength(rng: Rng): number {
  return rng.weighted([
    [rng.int(1, 30), 58],
    [rng.int(31, 120), 28],
    [rng.int(121, 320), 14],
  ] as const);
}

export function generateShelterStays(g: Generation, m: Municipality): void {
  const shelters = (SHELTERS[m.code] ?? []).flatMap((s) => {
    const offer = m.offers.find((o) => o.key === s.key);
    return offer ? [{ offer, places: s.places }] : [];
  });
  if (shelters.length === 0) return;
  const rng = Rng.of(g.size.name, m.code, 'shelter');
  const people = m.citizens
    .filter((c) => !c.named)
    .map((c) => {
      const parsed = parseCpr(c.cpr);
      return { c, birth: (parsed.ok ? parsed.birthDate : '1970-01-01') as PlainDate };
    });
  const busyUntil = new Map<string, PlainDate>();
  const registrar = m.caseworkers[0] ?? m.teamLeaders[0];
  // Young people are drawn from those of 18–24 on the day (few of the demo's citizens are), adults from everyone.
  const pickCitizen = (on: PlainDate, young: boolean): { c: CitizenRef; birth: PlainDate } | null => {
    const pool = young ? people.filter((p) => ageOn(p.birth, on) >= 18 && ageOn(p.birth, on) <= 24) : people;
    if (pool.length === 0) return null;
    for (let attempt = 0; attempt < 12; attempt++) {
      const p = rng.pick(pool);
      const age = ageOn(p.birth, on);
      if (young ? age < 18 || age > 24 : age < 25) continue;
      if ((busyUntil.get(p.c.id) ?? ('0000-01-01' as PlainDate)) >= on) continue;
      return p;
    }
    return null;
  };
  const add = (offerId: string | null, name: string, arrivedOn: PlainDate, length: number, young: boolean) => {
    const p = pickCitizen(arrivedOn, young) ?? (young ? pickCitizen(arrivedOn, false) : null);
    if (!p) return;
    const leftOn = addDays(arrivedOn, length);
    const ended = leftOn < g.today;
    busyUntil.set(p.c.id, ended ? leftOn : ('9999-12-31' as PlainDate));
    g.writer.add('shelter_stay', {
      id: m.ids('shelter_stay').next(),
      municipality_id: m.id,
      citizen_id: p.c.id,
      offer_id: offerId,
      shelter_name: name,
      arrived_on: arrivedOn,
      left_on: ended ? leftOn : null,
      outcome: ended ? rng.weighted(young && ageOn(p.birth, arrivedOn) <= 24 ? YOUNG_OUTCOMES : ADULT_OUTCOMES) : null,
      registered_by_name: registrar?.name ?? 'Demodata',
      created_at: instantAt(arrivedOn, rng.int(9 * 60, 22 * 60)).toISOString(),
    });
  };
  for (const { offer, places } of shelters) {
    for (let bed = 0; bed < places; bed++) {
      let day = addDays(m.historyStart, rng.int(0, 20));
      while (day < g.today) {
        const length = stayLength(rng);
        add(offer.id, offer.name, day, length, rng.chance(0.2));
        day = addDays(day, length + rng.int(0, 6));
      }
    }
  }
  // Randers citizens at other municipalities' shelters: a few a month.
  for (let day = m.historyStart; day < g.today; day = addDays(day, rng.int(5, 14)))
    add(null, rng.pick(ELSEWHERE), day, stayLength(rng), rng.chance(0.15));
}
