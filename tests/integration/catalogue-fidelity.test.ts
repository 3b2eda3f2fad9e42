import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURCHASED_OFFERS_DIR } from '../../src/server/db/generator/areas/economy.ts';
import { readCatalogueFiles, seedCatalogue } from '../../src/server/db/seed/catalogue-seed.ts';
import { readOfferFiles, seedOffers } from '../../src/server/db/seed/offer-seed.ts';
import type { Database } from '../../src/server/platform/db/database.ts';
import type { ServiceDescriptionDetail } from '../../src/shared/catalogue/catalogue.schema.ts';
import type { Intervention } from '../../src/shared/catalogue/intervention.schema.ts';
import type { OfferDetail } from '../../src/shared/catalogue/offer.schema.ts';
import { testApp } from '../support/test-app.ts';
import { openTestDatabase, TEST_DB } from '../support/test-db.ts';

/**
 * Facts checked against the seed documents in shared/seeds, through the public API: the transcription, the
 * loader and the catalogue together. Each row names where in the seed the fact stands.
 */
let database: Database;
let app: Awaited<ReturnType<typeof testApp>>;
const docs = new Map<string, ServiceDescriptionDetail>();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  const list = (await app.inject({ method: 'GET', url: '/api/public/catalogue/service-descriptions?pageSize=100' })).json() as {
    items: { id: string; municipalityCode: string; key: string }[];
  };
  for (const item of list.items) {
    const detail = (await app.inject({ method: 'GET', url: `/api/public/catalogue/service-descriptions/${item.id}` })).json();
    docs.set(`${item.municipalityCode}/${item.key}`, detail as ServiceDescriptionDetail);
  }
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const band = (ref: string, code: string) => {
  const b = doc(ref).content.profileBands.find((x) => x.code === code);
  return b && { code: b.code, above: b.above, upTo: b.upTo, severity: b.severity, vum: b.vumCategories ?? [] };
};

function doc(ref: string) {
  const d = docs.get(ref);
  if (!d?.shownVersion) throw new Error(`${ref} is not in the catalogue, or has no version in force`);
  return { ...d, content: d.shownVersion.content };
}

describe(`catalogue fidelity to the seeds on ${TEST_DB}`, () => {
  it('loads every transcribed file, and loading again changes nothing (idempotent)', async () => {
    expect(docs.size).toBe(readCatalogueFiles().length);
    expect(await seedCatalogue(database)).toBe(0);
  });

  it.each([
    ['001 § 85: the legal basis', () => doc('760/sel-85').legalBasis, 'SEL § 85'],
    ['001 § 85: 16 numbered exclusions', () => doc('760/sel-85').content.notCovered.length, 16],
    ['001 § 85: exclusion 7 is extra cleaning', () => doc('760/sel-85').content.notCovered[6], 'Støtte til ekstra rengøring.'],
    [
      '001 § 85: exclusion 9 is cooking from scratch',
      () => doc('760/sel-85').content.notCovered[8],
      'Støtte til madlavning fra bunden.',
    ],
    [
      '001 § 85: exclusion 15 is shopping where online shopping is possible',
      () => doc('760/sel-85').content.notCovered[14],
      'Støtte til indkøb, hvor nethandel er mulig.',
    ],
    [
      '001 § 85: exclusion 16 is walks for their own sake',
      () => doc('760/sel-85').content.notCovered[15],
      'Gåture, hvor formålet kun er en gåtur.',
    ],
    [
      '001 § 85: typical tasks in 7 areas',
      () => doc('760/sel-85').content.typicalTasks.map((t) => t.area),
      ['Mobilitet', 'Egenomsorg', 'Kommunikation', 'Praktiske opgaver', 'Samfundsliv', 'Relationer', 'Sundhed'],
    ],
    [
      '001 § 85: KRAM under health',
      () => doc('760/sel-85').content.typicalTasks[6]?.tasks[0]?.includes('KRAM = kost, rygning, alkohol, motion'),
      true,
    ],
    [
      '001 § 85: four weeks’ continuation after a stop decision',
      () => doc('760/sel-85').content.remarks.includes('bostøtte i fire uger fra afgørelsesdatoen'),
      true,
    ],
    ['001 § 85: night support by phone only', () => doc('760/sel-85').content.delivery.includes('nat (kun telefonisk)'), true],
    [
      '001 § 85: no free choice of provider',
      () => doc('760/sel-85').content.delivery.includes('ikke frit valg af leverandør'),
      true,
    ],
    ['001 § 85: target group 18+', () => doc('760/sel-85').content.targetGroup.includes('personer over 18 år'), true],
    ['001 § 85: FFB ydelse', () => doc('760/sel-85').ffbDisplay, 'Socialpædagogisk støtte'],
    [
      '001 profiles: profile 5 is 8.55–14 hours (above 8.5, up to 14)',
      () => band('760/sel-85', '5'),
      { code: '5', above: 8.5, upTo: 14, severity: 'massiv', vum: ['D', 'E'] },
    ],
    [
      '001 profiles: profile 1 is 0–1 hours, betydelig',
      () => band('760/sel-85', '1'),
      { code: '1', above: 0, upTo: 1, severity: 'betydelig', vum: ['B'] },
    ],
    [
      '001 profiles: the last supplement 7.4 reaches 95 hours',
      () => band('760/sel-85', '7.4'),
      { code: '7.4', above: 78, upTo: 95, severity: 'individuelt tillæg', vum: [] },
    ],
    ['001 profiles: 7 profiles and 4 supplements', () => doc('760/sel-85').content.profileBands.length, 11],
    ['001 § 107: the legal basis', () => doc('760/sel-107').legalBasis, 'SEL § 107'],
    [
      '001 § 107: a clarification period of at most three years',
      () => doc('760/sel-107').content.scope.includes('afklaringsperiode for borgeren på max tre år'),
      true,
    ],
    [
      '001 § 107: usually granted before long-term housing',
      () => doc('760/sel-107').content.remarks.includes('inden et længerevarende botilbud bevilges'),
      true,
    ],
    ['001 § 107: own payment', () => doc('760/sel-107').content.remarks.includes('egenbetaling'), true],
    [
      '001 § 107: escort to 1–2 self-chosen leisure activities a month',
      () => doc('760/sel-107').content.remarks.includes('1 – 2 selvvalgte fritidsaktiviteter pr. måned'),
      true,
    ],
    [
      '001 § 107: only offers registered on Tilbudsportalen',
      () => doc('760/sel-107').content.delivery.includes('registreret på Tilbudsportalen'),
      true,
    ],
    ['001 § 107: 24-hour staff', () => doc('760/sel-107').content.targetGroup.includes('døgndækket personale'), true],
    [
      '001 § 107: places at Å-Center Syd and Center for Socialpsykiatri',
      () => doc('760/sel-107').content.places.includes('Rosengården og Fredensgade'),
      true,
    ],
    ['001 § 107: 16 exclusions', () => doc('760/sel-107').content.notCovered.length, 16],
    ['001 § 107: FFB ydelse', () => doc('760/sel-107').ffbDisplay, 'Midlertidigt ophold'],
    ['004: six quality standards from Norddjurs', () => [...docs.keys()].filter((k) => k.startsWith('707/')).length, 6],
    [
      '004: administration every 14 days, in groups',
      () => doc('707/stoette-til-administration').content.guidelineTime.includes('hver 14. dag og i grupper'),
      true,
    ],
    [
      '004: shopping once a week, in groups',
      () => doc('707/stoette-til-indkoeb-og-kost').content.guidelineTime.includes('1 gang ugentligt og i grupper'),
      true,
    ],
    [
      '004: support under § 82 lasts at most 6 months',
      () =>
        doc('707/stoette-til-personlig-pleje').content.duration.includes(
          'Indsatser efter §82 har dog en maksimal varighed af 6 måneder',
        ),
      true,
    ],
    [
      '004: support ends when goals are met',
      () => doc('707/stoette-til-praktiske-opgaver').content.duration.startsWith('Indsatsen ophører, når målene vurderes opnået'),
      true,
    ],
    [
      '004: 4 days a year of holiday or trips for citizens in housing offers',
      () => doc('707/stoette-til-kontakt-og-samvaer').content.activities.some((a) => a.includes('svarende til 4 dage')),
      true,
    ],
    [
      '004: approved by Voksen- og Plejeudvalget',
      () => doc('707/stoette-til-uddannelse-og-beskaeftigelse').shownVersion?.approvedByBody,
      'Voksen- og Plejeudvalget',
    ],
    [
      '004: approved on 29 June 2023',
      () => doc('707/stoette-til-administration').shownVersion?.approvedAt?.slice(0, 10),
      '2023-06-29',
    ],
    [
      '004: administration maps to FFB »Støtte til administration«',
      () => doc('707/stoette-til-administration').ffbDisplay,
      'Støtte til administration',
    ],
    ['004: personal care has three quality goals', () => doc('707/stoette-til-personlig-pleje').content.qualityGoals.length, 3],
    ['004: the kind is quality standard', () => doc('707/stoette-til-indkoeb-og-kost').kind, 'quality_standard'],
    [
      '001 § 108: legal basis SEL § 108 with ABL § 105 in the text',
      () => doc('760/sel-108').content.legalBasisText.includes('Almenboligloven § 105'),
      true,
    ],
    [
      '001 § 108: free choice if on Tilbudsportalen and not considerably more expensive',
      () => doc('760/sel-108').content.remarks.includes('må ikke være væsentlig dyrere'),
      true,
    ],
    ['001 § 108: focus on citizens over 65', () => doc('760/sel-108').content.targetGroup.includes('borgere over 65 år'), true],
    ['001 § 108: FFB ydelse', () => doc('760/sel-108').ffbDisplay, 'Længerevarende ophold'],
    [
      '001 ATA hours exclude driving and administration',
      () => doc('760/sel-85').content.resourceAllocation.includes('ATA timer er ikke: køretid, administrativ tid'),
      true,
    ],
    [
      '001 extra hours when an APV shows 2 staff are needed',
      () => doc('760/sel-85').content.resourceAllocation.includes('behov for 2 medarbejdere'),
      true,
    ],
    [
      '001 base budget in housing includes night watch',
      () => doc('760/sel-85').content.resourceAllocation.includes('rengøring i servicearealer, nattevagt'),
      true,
    ],
    [
      '001 profile 7 describes two staff in some situations',
      () =>
        doc('760/sel-108')
          .content.profileBands.find((b) => b.code === '7')
          ?.description?.includes('støtte af to personer'),
      true,
    ],
    [
      '001 supplements: 1:1 in all or many waking hours',
      () =>
        doc('760/sel-85')
          .content.profileBands.find((b) => b.code === '7.2')
          ?.description?.includes('1:1 i alle eller mange af de vågne timer'),
      true,
    ],
    ['001 § 103: the legal basis', () => doc('760/sel-103').legalBasis, 'SEL § 103'],
    [
      '001 § 103: the citizen pays transport within 10 km',
      () => doc('760/sel-103').content.remarks.includes('inden for en afstand af 10 kilometer'),
      true,
    ],
    [
      '001 § 103: transport capped at 30 % of earnings after tax',
      () => doc('760/sel-103').content.remarks.includes('30 pct. af vedkommendes indtjening'),
      true,
    ],
    [
      '001 § 103: not combinable with a skånejob',
      () => doc('760/sel-103').content.remarks.includes('ikke muligt samtidigt at have et skånejob'),
      true,
    ],
    ['001 § 103: under state pension age', () => doc('760/sel-103').content.remarks.includes('under folkepensionsalderen'), true],
    [
      '001 § 103: modules 1–4, module 5 on extra need, 46 weeks',
      () =>
        ['op til 4 moduler', 'Modul 5 er fem dage', '46 ugers åbning'].every((t) => doc('760/sel-103').content.scope.includes(t)),
      true,
    ],
    ['001 § 103: three profiles', () => doc('760/sel-103').content.describedProfiles.map((p) => p.code), ['1', '2', '3']],
    [
      '001 § 104: Center Bakkehuset only full-time places of 27 hours a week',
      () => doc('760/sel-104').content.scope.includes('Center Bakkehuset tilbydes kun heltidspladser på 27 timer pr. uge'),
      true,
    ],
    [
      '001 § 104: transport paid by the day offer, weekdays, shortest route',
      () => doc('760/sel-104').content.remarks.includes('Der køres kun på hverdage, altid til og fra korteste afstand'),
      true,
    ],
    ['001 § 104: six activity types', () => doc('760/sel-104').content.typicalTasks[0]?.tasks.length, 6],
    ['001 § 104: three profiles', () => doc('760/sel-104').content.describedProfiles.length, 3],
    [
      '001 § 104: § 97 escort is not part of the offer',
      () => doc('760/sel-104').content.notCovered[0],
      'Ledsagerordning SEL § 97 er ikke en del af aktivitets- og samværstilbud.',
    ],
    [
      '001 level 0: Vendepunktet (SEL §§ 12 and 82 b), cafés (§ 79), klippekort',
      () => doc('760/niveau-0').content.typicalTasks[0]?.tasks,
      ['Vendepunktet (SEL §§ 12 og 82 b).', 'Uvisiterede cafeer (SEL § 79).', 'Klippekort (før og efter SEL § 85).'],
    ],
  ] as const)('%s', (_fact, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});

describe(`offers fidelity to the seeds on ${TEST_DB}`, () => {
  const offers = new Map<string, OfferDetail>();
  beforeAll(async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/public/catalogue/offers?pageSize=100' })).json() as {
      items: { id: string; municipalityCode: string; key: string }[];
      total: number;
    };
    // The catalogue's own offers and the offers the demo municipalities buy places in (the generator's economy area).
    expect(list.total).toBe(readOfferFiles().length + readOfferFiles(PURCHASED_OFFERS_DIR).length);
    for (const item of list.items) {
      offers.set(
        `${item.municipalityCode}/${item.key}`,
        (await app.inject({ method: 'GET', url: `/api/public/catalogue/offers/${item.id}` })).json() as OfferDetail,
      );
    }
  });
  const offer = (ref: string) => {
    const o = offers.get(ref);
    if (!o) throw new Error(`no offer ${ref}`);
    return o;
  };

  it('loads every offer file once (idempotent)', async () => {
    expect(offers.size).toBe(readOfferFiles().length + readOfferFiles(PURCHASED_OFFERS_DIR).length);
    expect(await seedOffers(database)).toBe(0);
    expect(await seedOffers(database, readOfferFiles(PURCHASED_OFFERS_DIR))).toBe(0);
  });

  it.each([
    [
      'FFB: every offer has an FFB or local code but Rusmiddelcenter Randers (FFB has no type for ambulant treatment)',
      () => [...offers.values()].filter((o) => o.ffbCode === null).map((o) => o.key),
      ['rusmiddelcenter-randers'],
    ],
    [
      'FFB: SEL § 110 offers of Kirkens Korshær carry the local code',
      () =>
        [...offers.values()]
          .filter((o) => o.centerName === 'Kirkens Korshærs Institutionstilbud')
          .every((o) => o.ffbCode === 'local:sel-110'),
      true,
    ],
    [
      '000 Blommevej: rate DKK 993 per day',
      () => [offer('730/blommevej').rateDkk, offer('730/blommevej').rateUnit],
      [993, 'day'],
    ],
    ['000 Blommevej: 10 places', () => offer('730/blommevej').places, 10],
    ['000 Blommevej: staffing 2:10', () => offer('730/blommevej').staffing, '2:10'],
    ['000 Blommevej: SEL § 85 support in ABL § 105 homes', () => offer('730/blommevej').legalBases, ['SEL § 85', 'ABL § 105']],
    ['000 Blommevej: center', () => offer('730/blommevej').centerName, 'Center for socialt udsatte'],
    ['000 Blommevej: the DKK 400 a month package', () => offer('730/blommevej').content.packages[0]?.priceDkk, 400],
    [
      '000 Blommevej: staff present 8–20 in the common house',
      () =>
        offer('730/blommevej').content.baseService.includes('Daglig personaletilgængelighed fra kl.8.00-20.00 (Fælleshuset).'),
      true,
    ],
    [
      '000 Blommevej: daily medicine administration',
      () => offer('730/blommevej').content.baseService.includes('Daglig medicinadministration.'),
      true,
    ],
    [
      '000 Blommevej: 13 methods, ICM first, SMART sub-goals last',
      () => [
        offer('730/blommevej').content.methods.length,
        offer('730/blommevej').content.methods[0],
        offer('730/blommevej').content.methods.at(-1),
      ],
      [13, 'Individuel Case Management (ICM)', 'Delmålsarbejde efter SMART-mål principperne'],
    ],
    ['000 Blommevej: three exclusions', () => offer('730/blommevej').content.exclusions.length, 3],
    ['000 Blommevej: home help under § 83 by agreement', () => offer('730/blommevej').content.addOns[1]?.includes('§ 83'), true],
    [
      '000 Blommevej: 2–3 contacts a week usually',
      () => offer('730/blommevej').content.serviceContent.includes('oftest er der aftalt 2-3 kontakter pr. uge'),
      true,
    ],
    [
      '000 Blommevej: revisit when delivery deviates substantially',
      () => offer('730/blommevej').content.documentation.includes('afviger væsentligt fra de bevilgede ydelser'),
      true,
    ],
    [
      '000 Blommevej: documentation against goals and the § 141 plan',
      () => offer('730/blommevej').content.documentation.includes('§ 141 handleplan'),
      true,
    ],
    ['000 Blommevej: updated January 2020', () => offer('730/blommevej').content.updated, 'Opdateret januar 2020'],
    [
      '003 Perron 4: unvisited, SEL § 104, 15 homes under ABL § 105',
      () => [offer('730/perron-4').legalBases, offer('730/perron-4').places],
      [['SEL § 104', 'ABL § 105'], 15],
    ],
    ['003 Perron 4: nurse clinic', () => offer('730/perron-4').content.description.includes('sygeplejeklinik'), true],
    [
      '003 outreach support-contact person under SEL § 99, a local code',
      () => [offer('730/opsoegende-indsats').legalBases, offer('730/opsoegende-indsats').ffbDisplay],
      [['SEL § 99'], 'Støtte- og kontaktperson'],
    ],
    [
      '003 mestringsvejledning under SEL § 85 with ICM and CTI',
      () => [offer('730/mestringsvejledning').legalBases, offer('730/mestringsvejledning').content.methods],
      [['SEL § 85'], ['Intensive Case Management (ICM)', 'Critical Time Intervention (CTI)']],
    ],
    [
      '003 Hjørnestenen: shelter with 18 places under SEL § 110, self-governing',
      () => [offer('730/hjoernestenen').places, offer('730/hjoernestenen').legalBases, offer('730/hjoernestenen').owner],
      [18, ['SEL § 110'], 'self_governing'],
    ],
    ['003 Udslusning: 4 places', () => offer('730/udslusning').places, 4],
    ['003 Ungeherberget: 12 flats', () => offer('730/ungeherberget').places, 12],
    ['003 Slotsgården: open weekdays 8–14.30', () => offer('730/slotsgaarden').openingHours, 'Åbent hverdage fra kl. 8-14.30'],
    [
      '003 Kirkens Korshær: operating agreement under SEL § 110',
      () => offer('730/hjoernestenen').operatingAgreement?.includes('driftsoverenskomst med Randers Kommune efter SEL § 110'),
      true,
    ],
    [
      '003 Ladegården: 27 homes, §§ 85 and 107',
      () => [offer('730/ladegaarden').places, offer('730/ladegaarden').legalBases],
      [27, ['SEL § 85', 'SEL § 107']],
    ],
    [
      '003 Ladegården: 19 flats, 2 temporary, Ladebo 6',
      () => offer('730/ladegaarden').placesNote,
      '27 boliger: 19 lejligheder (SEL § 85), 2 midlertidige boliger (SEL § 107) og Ladebo med 6 boliger (SEL § 85).',
    ],
    [
      '003 Rusmiddelcenter: SL § 141, SEL §§ 101, 101 a, 107, 110, SL § 142',
      () => offer('730/rusmiddelcenter-randers').legalBases,
      ['SL § 141', 'SEL § 101', 'SEL § 101 a', 'SEL § 107', 'SEL § 110', 'SL § 142'],
    ],
    [
      '003 håndholdt indsats: young people 15–21',
      () => offer('730/haandholdt-indsats').content.description.includes('mellem 15-21 år'),
      true,
    ],
    [
      '001 Daghjemmet (Center Bakkehuset): full-time places of 27 hours',
      () => offer('760/daghjemmet').openingHours,
      'Heltidspladser på 27 timer pr. uge; 46 ugers åbning om året.',
    ],
    [
      '001 § 108 housing: ten offers (eight long-term only, and Rosengården and Fredensgade)',
      () => [...offers.values()].filter((o) => o.municipalityCode === '760' && o.legalBases.includes('SEL § 108')).length,
      10,
    ],
    [
      '001 § 107 housing: 3 på spring, Rosengården, Fredensgade',
      () =>
        [...offers.values()]
          .filter((o) => o.municipalityCode === '760' && o.legalBases.includes('SEL § 107'))
          .map((o) => o.name)
          .sort(),
      ['3 på spring', 'Fredensgade', 'Rosengården'],
    ],
    [
      '001 § 103: MSM, Hatkjærhus, Me-Tri, Drosselvej',
      () =>
        [...offers.values()]
          .filter((o) => o.legalBases.includes('SEL § 103'))
          .map((o) => o.name)
          .sort(),
      ['Drosselvej', 'Hatkjærhus', 'MSM', 'Me-Tri'],
    ],
  ] as const)('%s', (_fact, actual, expected) => {
    expect(actual()).toEqual(expected);
  });
});

describe(`catalogue export on ${TEST_DB}`, () => {
  it('exports the whole public catalogue as one JSON document', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/public/catalogue/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('visitator-katalog.json');
    const body = res.json() as {
      ffb: { version: string }[];
      legalBases: { id: string }[];
      serviceDescriptions: { key: string; approvedVersions: { number: number }[] }[];
      offers: { key: string }[];
    };
    expect(body.ffb).toEqual([{ url: 'urn:oid:1.2.208.176.2.22', version: '20240530' }]);
    expect(body.legalBases.map((b) => b.id)).toContain('SEL § 85');
    expect(body.serviceDescriptions).toHaveLength(readCatalogueFiles().length);
    expect(body.serviceDescriptions.every((d) => d.approvedVersions.length >= 1)).toBe(true);
    expect(body.offers.map((o) => o.key)).toContain('blommevej');
  });
});

describe(`catalogue search on ${TEST_DB}`, () => {
  const titles = async (query: string) =>
    (
      (await app.inject({ method: 'GET', url: `/api/public/catalogue/service-descriptions?pageSize=100&${query}` })).json() as {
        items: { title: string }[];
      }
    ).items
      .map((i) => i.title)
      .sort();

  it.each([
    ['municipality=707', 6],
    ['municipality=760', 6],
    [`legalBasis=${encodeURIComponent('SEL § 85')}&municipality=760`, 1],
    [`targetGroup=${encodeURIComponent('døgndækket personale')}`, 2],
    [`q=${encodeURIComponent('støtte til')}`, 6],
  ])('%s finds %i', async (query, count) => {
    expect(await titles(query)).toHaveLength(count);
  });

  it('finds by an FFB ydelse and everything below it in the FFB tree', async () => {
    const codes = (
      await app.inject({
        method: 'GET',
        url: `/api/public/catalogue/ffb-codes?q=${encodeURIComponent('Socialpædagogisk støtte')}&root=${encodeURIComponent('Social indsats')}`,
      })
    ).json() as {
      items: { code: string; display: string }[];
    };
    const code = codes.items.find((c) => c.display === 'Socialpædagogisk støtte')?.code ?? '';
    const found = await titles(`ffb=${code}`);
    expect(found).toContain('Socialpædagogisk støtte');
    expect(found).toContain('Støtte til administration');
    expect(found).not.toContain('Midlertidigt botilbud');
  });
});

describe('interventions catalogue fidelity to seed 002', () => {
  let all: Intervention[] = [];
  beforeAll(async () => {
    all = (
      (await app.inject({ method: 'GET', url: '/api/public/catalogue/interventions?pageSize=100' })).json() as {
        items: Intervention[];
      }
    ).items;
  });
  const one = (key: string) => {
    const i = all.find((x) => x.key === key);
    if (!i) throw new Error(`no intervention ${key}`);
    return i;
  };

  it('holds the ten case descriptions', () => {
    expect(all).toHaveLength(10);
  });

  it.each([
    ['fyrtaarnet', 'Thisted Kommune', 'Alternative boformer', ['SEL § 83 a', 'SEL § 83']],
    ['ladegaarden', 'Randers Kommune', 'Alternative boformer', ['SEL § 108', 'SEL § 103', 'SEL § 95']],
    ['sygeafdelingen', 'Holstebro Kommune', 'Alternative boformer', ['SEL § 110']],
    ['samvaerstilbud-aeldre', 'Aabenraa Kommune', 'Samværstilbud', ['SEL § 104']],
    ['dagbehandling', 'Ringsted Kommune', 'Samværstilbud', ['SEL § 101', 'SL § 142']],
    ['udsatte-teamet', 'Odder Kommune', 'Brobyggende indsatser', []],
    ['gadesygeplejerske', 'Svendborg Kommune', 'Brobyggende indsatser', ['SEL § 99']],
    ['sundhedsteamet', 'Københavns Kommune', 'Brobyggende indsatser', ['SEL § 110']],
    ['team-4', 'Brøndby Kommune', 'Fokuserede hjemmeplejeteams', ['SEL § 83']],
    ['gruppe-17', 'Rødovre Kommune', 'Fokuserede hjemmeplejeteams', ['SEL § 83']],
  ] as const)('%s: %s, %s, %j', (key, municipality, category, legalBases) => {
    expect(one(key)).toMatchObject({ municipality, category, legalBases });
  });

  it.each([
    ['fyrtaarnet', { clarificationPlaces: 2, permanentPlaces: 6 }],
    ['ladegaarden', { homes: 27 }],
    ['sygeafdelingen', { places: 14, stayDaysMin: 7, stayDaysMax: 14 }],
    ['samvaerstilbud-aeldre', { citizens: 28 }],
    ['gadesygeplejerske', { citizens: 120 }],
    ['sundhedsteamet', { patientsPerYear: 300 }],
    ['team-4', { citizens: 28 }],
    ['gruppe-17', { staff: 18 }],
    ['dagbehandling', { phases: 3 }],
  ] as const)('%s figures %j', (key, figures) => {
    expect(one(key).figures).toMatchObject(figures);
  });

  it('filters by category and legal basis', async () => {
    const res = (
      await app.inject({
        method: 'GET',
        url: `/api/public/catalogue/interventions?legalBasis=${encodeURIComponent('SEL § 110')}`,
      })
    ).json() as {
      items: Intervention[];
    };
    expect(res.items.map((i) => i.key).sort()).toEqual(['sundhedsteamet', 'sygeafdelingen']);
  });
});

describe(`comparison of two municipalities on ${TEST_DB}`, () => {
  const compare = async (query: string) =>
    (await app.inject({ method: 'GET', url: `/api/public/catalogue/compare?${query}` })).json() as ServiceDescriptionDetail[];

  it.each([
    ['paragraph=85&a=760&b=707', { '760': ['Socialpædagogisk støtte'], '707': 6 }],
    ['paragraph=107&a=760&b=707', { '760': ['Midlertidigt botilbud'], '707': 0 }],
    ['paragraph=85&a=730&b=707', { '730': ['Længerevarende botilbud uden døgndækning'], '707': 6 }],
  ] as const)('%s', async (query, expected) => {
    const docs = await compare(query);
    for (const [code, want] of Object.entries(expected)) {
      const mine = docs.filter((d) => d.municipalityCode === code);
      if (typeof want === 'number') expect(mine).toHaveLength(want);
      else expect(mine.map((d) => d.title)).toEqual(want);
    }
    expect(docs.every((d) => d.shownVersion?.phase === 'in_force')).toBe(true);
  });

  it('refuses a paragraph that is not one', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/public/catalogue/compare?paragraph=x&a=760&b=707' })).statusCode).toBe(
      400,
    );
  });
});
