import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreementFiles, seedAgreements } from '../../src/server/db/seed/agreements-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import type { Agreement, AgreementSummary, Goal } from '../../src/shared/agreements/agreements.schema.ts';
import { loginAs, MUNICIPALITY, testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * Seed 003 (Randers, aftale 2019-2020 for Center for Særlig Social Indsats), afsnit 3.1 and 3.2, goal by goal, read
 * back through the API: the transcription, the loader and the read together. The table below is typed from the
 * document, apart from the transcription file, so a slip in either shows.
 */
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
let csi: Agreement;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  const analyst = await loginAs(app, 'analyst', MUNICIPALITY.randers);
  const list = (await analyst.get('/api/agreements')).json() as AgreementSummary[];
  const summary = list.find((a) => a.unitName === 'Center for Særlig Social Indsats' && a.periodFrom === '2019-01-01');
  if (!summary) throw new Error('the CSI agreement 2019-2020 is not loaded');
  csi = (await analyst.get(`/api/agreements/${summary.id}`)).json() as Agreement;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

type Row = [
  string, // where in seed 003
  Goal['level'],
  Goal['theme'],
  string, // the start of the goal as printed
  number | null, // baseline value
  string | null, // baseline period
  number | null, // baseline N
  string | null, // what N counts
  number | null, // target as printed
  number | null, // change in percentage points as printed
  number | null, // target year
];

const GOALS: Row[] = [
  ['3.1 Mestring, nationalt', 'national', 'mastery', 'Færre borgere skal være hjemløse.', 86, '2017', null, null, 75, null, 2022],
  [
    '3.1 Mestring, center: personlig mestring',
    'center',
    'mastery',
    'Andelen af mål, hvor borgere fastholder eller opnår større personlig mestring',
    60,
    '2017',
    47,
    'mål',
    63,
    3,
    2020,
  ],
  [
    '3.1 Mestring, center: unge fra Hjørnestenen',
    'center',
    'mastery',
    'Andelen af unge, der afslutter ophold på herberget Hjørnestenen med en boligløsning',
    43,
    '2017',
    37,
    'unge',
    50,
    7,
    2020,
  ],
  [
    '3.1 Mestring, center: ophold over 120 dage',
    'center',
    'mastery',
    'Borgere med opholdstid på forsorgshjem udover 120 dage',
    14,
    '2017',
    203,
    'ophold',
    12,
    2,
    2020,
  ],
  [
    '3.1 Uddannelse, nationalt: 18-21-årige',
    'national',
    'education_employment',
    'Flere 18-21-årige, der har modtaget en social foranstaltning',
    45,
    '2017/2018',
    null,
    null,
    52,
    null,
    2022,
  ],
  [
    '3.1 Uddannelse, nationalt: social indsats',
    'national',
    'education_employment',
    'Flere personer, som får en social indsats som følge af sociale problemer',
    33,
    '2017/2018',
    null,
    null,
    40,
    null,
    2022,
  ],
  [
    '3.1 Uddannelse, center: beskæftigelse',
    'center',
    'education_employment',
    'Andelen af borgere, der i løbet af det seneste år har været i beskæftigelse',
    33,
    '2017',
    851,
    'borgere',
    37,
    4,
    2020,
  ],
  [
    '3.1 Sundhed, nationalt: alkoholbehandling',
    'national',
    'health',
    'Flere personer i offentlig alkoholbehandling skal afslutte et behandlingsforløb',
    36,
    null,
    null,
    null,
    47,
    null,
    null,
  ],
  [
    '3.1 Sundhed, nationalt: stofmisbrug',
    'national',
    'health',
    'Flere af de personer, der afslutter et behandlingsforløb for stofmisbrug',
    54,
    null,
    null,
    null,
    57,
    null,
    2022,
  ],
  [
    '3.1 Sundhed, center: sundhedsforhold',
    'center',
    'health',
    'Andelen af mål, hvor borgere fastholder eller opnår større mestring af sundhedsforhold',
    45,
    '2017',
    31,
    'mål',
    48,
    3,
    2020,
  ],
  [
    '3.1 Sundhed, center: alkohol',
    'center',
    'health',
    'Andelen af borgere med alkoholproblemer',
    47,
    'dec. 2017-maj 2018',
    106,
    'borgere',
    50,
    3,
    2020,
  ],
  [
    '3.1 Sundhed, center: stoffer',
    'center',
    'health',
    'Andelen af borgere med stofproblemer',
    57,
    'dec. 2017-maj 2018',
    98,
    'borgere',
    60,
    3,
    2020,
  ],
  [
    '3.1 Socialt liv, nationalt: frivillig indsats',
    'national',
    'social_life',
    'Flere mennesker, som står uden for arbejdsmarkedet',
    30,
    '2017',
    null,
    null,
    33,
    null,
    null,
  ],
  [
    '3.1 Socialt liv, center: socialt liv (N=8)',
    'center',
    'social_life',
    'Andelen af mål, hvor borgere fastholder eller opnår større mestring af socialt liv',
    50,
    '2017',
    8,
    'mål',
    53,
    3,
    2020,
  ],
  [
    '3.2.1 Tilbudsmål 1',
    'offer',
    'health',
    '15 borgere tilknyttet Rusmiddelcenterets fremskudte indsats',
    null,
    null,
    null,
    null,
    15,
    null,
    2020,
  ],
  [
    '3.2.2 Tilbudsmål 2',
    'offer',
    'education_employment',
    '10 % af de unge opnår uddannelse',
    null,
    null,
    null,
    null,
    10,
    null,
    2020,
  ],
  [
    '3.2.3 Tilbudsmål 3',
    'offer',
    'social_life',
    'Flere borgere deltager i meningsfulde fællesskaber.',
    null,
    null,
    null,
    null,
    null,
    null,
    2020,
  ],
  [
    '3.2.4 Tilbudsmål 4',
    'offer',
    'mastery',
    'Andelen af mål, hvor borgere opnår større personlig mestring øges med 3 procentpoint.',
    null,
    null,
    null,
    null,
    null,
    3,
    2020,
  ],
  [
    '3.2.5 Tilbudsmål 5',
    'offer',
    'social_life',
    'Flere borgere oplever at deltage i meningsfulde fællesskaber.',
    null,
    null,
    null,
    null,
    null,
    null,
    2020,
  ],
];

/** The offers each offer goal names in its heading (seed 003, 3.2.1–3.2.5). */
const SHARED_BY: Record<string, string[]> = {
  '3.2.1 Tilbudsmål 1': ['Botilbuddet Blommevej', 'Kirkens Korshærs Institutionstilbud', 'Ladegården', 'Rusmiddelcenter Randers'],
  '3.2.2 Tilbudsmål 2': ['Håndholdt indsats for sårbare unge', 'Kirkens Korshærs Institutionstilbud'],
  '3.2.3 Tilbudsmål 3': ['Kirkens Korshærs Institutionstilbud'],
  '3.2.4 Tilbudsmål 4': ['Botilbuddet Blommevej', 'Mestringsvejledning'],
  '3.2.5 Tilbudsmål 5': ['Ladegården'],
};

const goalLike = (start: string) => {
  const g = csi.goals.find((x) => x.title.startsWith(start));
  if (!g) throw new Error(`no goal starting »${start}«`);
  return g;
};

describe(`seed 003 fidelity: the CSI agreement 2019-2020 on ${TEST_DB}`, () => {
  it('is the center’s agreement for 2019-2020 with 6 national, 8 center and 5 offer goals, in the document’s order', () => {
    expect(csi).toMatchObject({
      unitName: 'Center for Særlig Social Indsats',
      periodFrom: '2019-01-01',
      periodTo: '2020-12-31',
      invented: false,
    });
    expect(csi.goals.map((g) => g.level).join(',')).toBe(
      'national,center,center,center,national,national,center,national,national,center,center,center,national,center,offer,offer,offer,offer,offer',
    );
    expect(csi.goals.map((g) => csi.goals.indexOf(g) + 1)).toEqual(csi.goals.map((g) => g.position));
  });

  it.each(GOALS)('%s', (ref, level, theme, start, baseline, period, n, nLabel, target, pp, year) => {
    const g = goalLike(start);
    expect({
      level: g.level,
      theme: g.theme,
      baselineValue: g.baselineValue,
      baselinePeriod: g.baselinePeriod,
      baselineN: g.baselineN,
      baselineNLabel: g.baselineNLabel,
      targetValue: g.targetValue,
      targetChangePp: g.targetChangePp,
      targetYear: g.targetYear,
      invented: g.invented,
    }).toEqual({
      level,
      theme,
      baselineValue: baseline,
      baselinePeriod: period,
      baselineN: n,
      baselineNLabel: nLabel,
      targetValue: target,
      targetChangePp: pp,
      targetYear: year,
      invented: false,
    });
    expect(g.sourceRef).toMatch(/seed 003/);
    if (SHARED_BY[ref]) expect(g.units.map((u) => u.name.replace(/ \(.*\)$/, '')).sort()).toEqual(SHARED_BY[ref]);
    else expect(g.units.length).toBeLessThanOrEqual(1);
  });

  it('a printed target and its percentage points agree with the baseline (60 + 3 = 63, 14 − 2 = 12 …)', () => {
    for (const g of csi.goals.filter((x) => x.targetChangePp !== null && x.baselineValue !== null))
      expect(g.target).toBe((g.baselineValue as number) + (g.direction === 'increase' ? 1 : -1) * (g.targetChangePp as number));
    expect(goalLike('Andelen af mål, hvor borgere opnår større personlig mestring').target).toBeNull();
  });

  it('the goals measured from the cases name their measure; national goals come from outside sources', () => {
    expect(goalLike('Andelen af mål, hvor borgere fastholder eller opnår større personlig mestring').measureKey).toBe(
      'fko_keep_or_gain',
    );
    expect(goalLike('Andelen af unge, der afslutter ophold').measureKey).toBe('shelter_youth_housing');
    expect(goalLike('Borgere med opholdstid').measureKey).toBe('shelter_long_stays');
    expect(goalLike('Andelen af mål, hvor borgere opnår større personlig mestring').measureKey).toBe('fko_gain');
    expect(csi.goals.filter((g) => g.level === 'national').every((g) => g.measureKey === null)).toBe(true);
    expect(goalLike('Færre borgere').dataSource).toMatch(/VIVE/);
    expect(goalLike('Borgere med opholdstid').definition).toMatch(/andre kommuner/);
  });

  it('loads every transcribed file once: loading again changes nothing', async () => {
    expect(readAgreementFiles().length).toBeGreaterThanOrEqual(2);
    expect(await seedAgreements(database)).toBe(0);
  });
});
