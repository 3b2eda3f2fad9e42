/**
 * The legal bases the seeds use, with the Danish title users see and a short text. Texts in quotes are from
 * the seeds (the paragraph as the municipality quotes it); the others are short summaries of the law.
 * Serviceloven (SEL), almenboligloven (ABL) and sundhedsloven (SL).
 */
export type LegalBasis = {
  id: string;
  law: 'SEL' | 'ABL' | 'SL';
  paragraph: string;
  title: string;
  text: string;
  source: string;
};

const SEED_001 = 'shared/seeds/001 (Ringkøbing-Skjern)';
const SEED_003 = 'shared/seeds/003 (Randers)';
const LAW = 'lovens indhold, kort gengivet';

export const LEGAL_BASES: readonly LegalBasis[] = [
  {
    id: 'SEL § 12',
    law: 'SEL',
    paragraph: '12',
    title: 'Gratis rådgivning',
    text: 'Kommunen skal sørge for gratis rådgivning til personer med nedsat fysisk eller psykisk funktionsevne eller med særlige sociale problemer; kan gives som fremskudt og anonym rådgivning.',
    source: LAW,
  },
  {
    id: 'SEL § 79',
    law: 'SEL',
    paragraph: '79',
    title: 'Generelle forebyggende og aktiverende tilbud',
    text: 'Kommunen kan iværksætte generelle tilbud af forebyggende og aktiverende karakter, fx uvisiterede caféer og væresteder.',
    source: LAW,
  },
  {
    id: 'SEL § 82',
    law: 'SEL',
    paragraph: '82',
    title: 'Forebyggende hjælp og støtte',
    text: 'Tidlige, forebyggende og tidsbegrænsede indsatser uden forudgående udredning efter § 85. I Norddjurs Kommune har indsatser efter § 82 en maksimal varighed af 6 måneder.',
    source: `${LAW}; shared/seeds/004 (Norddjurs)`,
  },
  {
    id: 'SEL § 82 a',
    law: 'SEL',
    paragraph: '82 a',
    title: 'Gruppebaseret hjælp og støtte',
    text: 'Kommunen kan tilbyde gruppebaseret hjælp og støtte, herunder socialpædagogisk støtte, til personer med nedsat funktionsevne eller særlige sociale problemer.',
    source: LAW,
  },
  {
    id: 'SEL § 82 b',
    law: 'SEL',
    paragraph: '82 b',
    title: 'Individuel tidsbegrænset socialpædagogisk støtte',
    text: 'Kommunen kan tilbyde individuel, tidsbegrænset socialpædagogisk støtte; i Ringkøbing-Skjern en del af Vendepunktet (niveau 0).',
    source: `${LAW}; ${SEED_001}`,
  },
  {
    id: 'SEL § 83',
    law: 'SEL',
    paragraph: '83',
    title: 'Personlig og praktisk hjælp',
    text: 'Hjælp til personlig pleje, praktiske opgaver i hjemmet og madservice til personer, der ikke selv kan udføre disse opgaver.',
    source: LAW,
  },
  {
    id: 'SEL § 83 a',
    law: 'SEL',
    paragraph: '83 a',
    title: 'Rehabiliteringsforløb',
    text: 'Et korterevarende og tidsafgrænset rehabiliteringsforløb, før der gives hjælp efter § 83, hvis det kan forbedre funktionsevnen.',
    source: LAW,
  },
  {
    id: 'SEL § 85',
    law: 'SEL',
    paragraph: '85',
    title: 'Socialpædagogisk støtte',
    text: '»Kommunalbestyrelsen skal tilbyde hjælp, omsorg eller støtte samt optræning og hjælp til udvikling af færdigheder til personer, der har behov herfor på grund af betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer.«',
    source: SEED_001,
  },
  {
    id: 'SEL § 95',
    law: 'SEL',
    paragraph: '95',
    title: 'Kontant tilskud til hjælp',
    text: 'Kontant tilskud til ansættelse af hjælpere til personer med betydelig og varigt nedsat funktionsevne, som ikke kan få dækket behovet efter §§ 83 og 84.',
    source: LAW,
  },
  {
    id: 'SEL § 97',
    law: 'SEL',
    paragraph: '97',
    title: 'Ledsageordning',
    text: 'Ledsagelse i op til 15 timer om måneden til personer under folkepensionsalderen, som ikke kan færdes alene på grund af betydelig og varigt nedsat funktionsevne.',
    source: LAW,
  },
  {
    id: 'SEL § 99',
    law: 'SEL',
    paragraph: '99',
    title: 'Støtte- og kontaktperson',
    text: 'Tilbud om en støtte- og kontaktperson til personer med sindslidelse, med stof- eller alkoholmisbrug, med nedsat psykisk funktionsevne eller til hjemløse.',
    source: `${LAW}; ${SEED_003}`,
  },
  {
    id: 'SEL § 101',
    law: 'SEL',
    paragraph: '101',
    title: 'Stofmisbrugsbehandling',
    text: 'Social behandling af stofmisbrug, som skal iværksættes senest 14 dage efter henvendelse.',
    source: `${LAW}; ${SEED_003}`,
  },
  {
    id: 'SEL § 101 a',
    law: 'SEL',
    paragraph: '101 a',
    title: 'Anonym ambulant stofmisbrugsbehandling',
    text: 'Anonym, ambulant behandling af personer med et forbrug af euforiserende stoffer.',
    source: `${LAW}; ${SEED_003}`,
  },
  {
    id: 'SEL § 103',
    law: 'SEL',
    paragraph: '103',
    title: 'Beskyttet beskæftigelse',
    text: '»Kommunalbestyrelsen skal tilbyde beskyttet beskæftigelse til personer under folkepensionsalderen […], som på grund af betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer ikke kan opnå eller fastholde beskæftigelse på normale vilkår på arbejdsmarkedet, og som ikke kan benytte tilbud efter anden lovgivning.«',
    source: SEED_001,
  },
  {
    id: 'SEL § 104',
    law: 'SEL',
    paragraph: '104',
    title: 'Aktivitets- og samværstilbud',
    text: '»Kommunalbestyrelsen skal tilbyde aktivitets- og samværstilbud til personer med betydelig nedsat fysisk eller psykisk funktionsevne eller med særlige sociale problemer til opretholdelse eller forbedring af personlige færdigheder eller af livsvilkårene.«',
    source: SEED_001,
  },
  {
    id: 'SEL § 107',
    law: 'SEL',
    paragraph: '107',
    title: 'Midlertidigt botilbud',
    text: '»Kommunalbestyrelsen kan tilbyde midlertidigt ophold i boformer til personer, som på grund af betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer har behov for det.«',
    source: SEED_001,
  },
  {
    id: 'SEL § 108',
    law: 'SEL',
    paragraph: '108',
    title: 'Længerevarende botilbud',
    text: '»Kommunalbestyrelsen skal tilbyde ophold i boformer, der er egnet til længerevarende ophold, til personer, som på grund af betydelig og varigt nedsat fysisk eller psykisk funktionsevne har behov for omfattende hjælp til almindelige, daglige funktioner eller pleje, omsorg eller behandling, og som ikke kan få dækket disse behov på anden vis.«',
    source: SEED_001,
  },
  {
    id: 'SEL § 110',
    law: 'SEL',
    paragraph: '110',
    title: 'Forsorgshjem og herberger',
    text: 'Midlertidigt ophold i boformer til personer med særlige sociale problemer, som ikke har eller ikke kan opholde sig i egen bolig, og som har behov for botilbud og tilbud om aktiverende støtte, omsorg og efterfølgende hjælp.',
    source: `${LAW}; ${SEED_003}`,
  },
  {
    id: 'SEL § 141',
    law: 'SEL',
    paragraph: '141',
    title: 'Handleplan',
    text: 'En handleplan for indsatsen med formålet, indsatsen, den forventede varighed og andre forhold; relevante dele gives til leverandøren (stk. 5).',
    source: LAW,
  },
  {
    id: 'ABL § 105',
    law: 'ABL',
    paragraph: '105',
    title: 'Almene ældreboliger',
    text: '»Kommunalbestyrelsen drager omsorg for, at der i nødvendigt omfang tilvejebringes almene ældreboliger, der kan udlejes til ældre og personer med handicap, som har særligt behov for sådanne boliger.«',
    source: SEED_001,
  },
  {
    id: 'SL § 141',
    law: 'SL',
    paragraph: '141',
    title: 'Alkoholbehandling',
    text: 'Kommunen skal tilbyde vederlagsfri behandling af alkoholmisbrug.',
    source: `${LAW}; ${SEED_003}`,
  },
  {
    id: 'SL § 142',
    law: 'SL',
    paragraph: '142',
    title: 'Lægelig behandling af stofmisbrug',
    text: 'Kommunen skal tilbyde vederlagsfri lægelig behandling af stofmisbrug med afhængighedsskabende lægemidler (substitutionsbehandling).',
    source: `${LAW}; ${SEED_003}`,
  },
];

export function legalBasis(id: string): LegalBasis | undefined {
  return LEGAL_BASES.find((b) => b.id === id);
}
