/**
 * The demo municipalities, with their centers and offers as the seed documents name them
 * (shared/seeds 000 and 003 for Randers, 001 for Ringkøbing-Skjern, 004 for Norddjurs).
 * Units marked `invented` are not in a seed; they make the demo usable and are named as such in the README.
 */
export type DemoUnit = {
  key: string;
  kind: 'center' | 'authority' | 'department' | 'offer';
  name: string;
  invented?: true;
  children?: DemoUnit[];
};

export type DemoMunicipality = {
  code: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  /** The municipality's journal-number format (src/rules/cases/journal-number.ts); invented for the demo. */
  journalNumberFormat: string;
  units: DemoUnit[];
};

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  {
    code: '730',
    name: 'Randers Kommune',
    address: 'Laksetorvet 1, 8900 Randers C',
    phone: '89 15 15 15',
    email: 'randers.kommune@randers.dk',
    journalNumberFormat: '27.24.00-P19-{seq}-{yy}',
    units: [
      {
        key: 'csi',
        kind: 'center',
        name: 'Center for Særlig Social Indsats',
        children: [
          { key: 'csi-myndighed', kind: 'authority', name: 'Myndighedsafdelingen' },
          { key: 'rusmiddelcenter', kind: 'department', name: 'Rusmiddelcenter Randers' },
          { key: 'blommevej', kind: 'offer', name: 'Botilbuddet Blommevej' },
          { key: 'perron4', kind: 'offer', name: 'Perron 4' },
          { key: 'opsoegende', kind: 'offer', name: 'Opsøgende støtte- og kontaktperson' },
          { key: 'mestring', kind: 'offer', name: 'Mestringsvejledning' },
          { key: 'act', kind: 'offer', name: 'ACT-team' },
          { key: 'cafe-rusfri', kind: 'offer', name: 'Café Rusfri' },
          { key: 'haandholdt', kind: 'offer', name: 'Håndholdt indsats for sårbare unge' },
          { key: 'hjemloese', kind: 'offer', name: 'Hjemløseindsatsen' },
          { key: 'ladegaarden', kind: 'offer', name: 'Ladegården' },
          // Seed 003's budget 2019 has a common line for "Bosteder, cafeer og opsøgende arbejde" and an operating
          // budget for the housing offer Åbo, which its text does not otherwise describe.
          { key: 'bosteder', kind: 'department', name: 'Bosteder, caféer og opsøgende arbejde' },
          { key: 'aabo', kind: 'offer', name: 'Åbo' },
          {
            key: 'kki',
            kind: 'department',
            name: 'Kirkens Korshærs Institutionstilbud (selvejende, driftsoverenskomst)',
            children: [
              { key: 'hjoernestenen', kind: 'offer', name: 'Hjørnestenen' },
              { key: 'udslusning', kind: 'offer', name: 'Udslusning' },
              { key: 'slotsgaarden', kind: 'offer', name: 'Slotsgården' },
              { key: 'ungeherberget', kind: 'offer', name: 'Ungeherberget' },
            ],
          },
        ],
      },
      { key: 'cpi', kind: 'center', name: 'Center for Psykiatriindsats' },
      { key: 'chi', kind: 'center', name: 'Center for Handicapindsats' },
      { key: 'cbu', kind: 'center', name: 'Center for Indsats vedrørende Børn og Unge samt Autisme og Undervisning' },
    ],
  },
  {
    code: '760',
    name: 'Ringkøbing-Skjern Kommune',
    address: 'Ved Fjorden 6, 6950 Ringkøbing',
    phone: '99 74 24 24',
    email: 'post@rksk.dk',
    journalNumberFormat: '27.24.00-P19-{seq}-{yy}',
    units: [
      { key: 'rksk-myndighed', kind: 'authority', name: 'Myndighed, Handicap og Psykiatri', invented: true },
      {
        key: 'skelbaek',
        kind: 'center',
        name: 'Skelbæk Centret (Område Nord)',
        children: [
          { key: 'msm', kind: 'offer', name: 'MSM' },
          { key: 'hatkjaerhus', kind: 'offer', name: 'Hatkjærhus' },
        ],
      },
      {
        key: 'aa-center-syd',
        kind: 'center',
        name: 'Å-Center Syd (Område Syd)',
        children: [
          { key: 'me-tri', kind: 'offer', name: 'Me-Tri' },
          { key: 'skovbrynet', kind: 'offer', name: 'Skovbrynet' },
        ],
      },
      {
        key: 'bakkehuset',
        kind: 'center',
        name: 'Center Bakkehuset (Område Syd)',
        children: [{ key: 'daghjemmet', kind: 'offer', name: 'Daghjemmet' }],
      },
      {
        key: 'socialpsykiatri',
        kind: 'center',
        name: 'Center for Socialpsykiatri (Område Psykiatri)',
        children: [
          { key: 'drosselvej', kind: 'offer', name: 'Drosselvej' },
          { key: 'rosengaarden', kind: 'offer', name: 'Rosengården' },
          { key: 'bostoetten', kind: 'offer', name: 'Bostøtten i Socialpsykiatrien', invented: true },
          { key: 'vendepunktet', kind: 'offer', name: 'Vendepunktet' },
        ],
      },
    ],
  },
  {
    code: '707',
    name: 'Norddjurs Kommune',
    address: 'Torvet 3, 8500 Grenaa',
    phone: '89 59 10 00',
    email: 'post@norddjurs.dk',
    journalNumberFormat: '{yyyy}-{seq}',
    units: [
      { key: 'nd-myndighed', kind: 'authority', name: 'Visitation, Voksen', invented: true },
      {
        key: 'nd-stoette',
        kind: 'center',
        name: 'Socialpædagogisk Støtte',
        invented: true,
        children: [
          { key: 'nd-bostoette', kind: 'offer', name: 'Bostøtte Grenaa', invented: true },
          { key: 'nd-gruppe', kind: 'offer', name: 'Gruppeforløb og værksteder', invented: true },
        ],
      },
    ],
  },
];

type Role = 'caseworker' | 'provider_staff' | 'team_leader' | 'administrator' | 'analyst';

/**
 * Invented staff: every role in every municipality, so each can be tried from the demo log-in page. The economists come
 * with the generator's economy area (generator/areas/economy.ts): their role is migration 0020's, and these seeds
 * still load at 0011.
 */
export const DEMO_STAFF: { municipality: string; name: string; role: Role; unit: string; offers?: string[] }[] = [
  { municipality: '730', name: 'Sofie Kragh', role: 'caseworker', unit: 'csi-myndighed' },
  { municipality: '730', name: 'Anders Bech', role: 'caseworker', unit: 'csi-myndighed' },
  { municipality: '730', name: 'Hanne Dalgaard', role: 'team_leader', unit: 'csi-myndighed' },
  { municipality: '730', name: 'Jonas Mikkelsen', role: 'provider_staff', unit: 'blommevej', offers: ['blommevej'] },
  { municipality: '730', name: 'Lise Toft', role: 'administrator', unit: 'csi' },
  // A second administrator per municipality: a catalogue version is approved by someone other than its preparer.
  { municipality: '730', name: 'Mads Kirkegaard', role: 'administrator', unit: 'csi' },
  { municipality: '730', name: 'Kasper Friis', role: 'analyst', unit: 'csi' },
  { municipality: '760', name: 'Maria Vestergaard', role: 'caseworker', unit: 'rksk-myndighed' },
  { municipality: '760', name: 'Peter Holm', role: 'caseworker', unit: 'rksk-myndighed' },
  { municipality: '760', name: 'Birgitte Lund', role: 'team_leader', unit: 'rksk-myndighed' },
  {
    municipality: '760',
    name: 'Rasmus Kjær',
    role: 'provider_staff',
    unit: 'drosselvej',
    offers: ['drosselvej', 'rosengaarden', 'bostoetten'],
  },
  { municipality: '760', name: 'Camilla Brandt', role: 'administrator', unit: 'rksk-myndighed' },
  { municipality: '760', name: 'Jens Holm', role: 'administrator', unit: 'rksk-myndighed' },
  { municipality: '760', name: 'Thomas Ravn', role: 'analyst', unit: 'rksk-myndighed' },
  { municipality: '707', name: 'Karen Bruun', role: 'caseworker', unit: 'nd-myndighed' },
  { municipality: '707', name: 'Mikkel Due', role: 'team_leader', unit: 'nd-myndighed' },
  { municipality: '707', name: 'Nanna Skov', role: 'provider_staff', unit: 'nd-bostoette', offers: ['nd-bostoette'] },
  { municipality: '707', name: 'Ole Thorsen', role: 'administrator', unit: 'nd-myndighed' },
  { municipality: '707', name: 'Sofie Lykke', role: 'administrator', unit: 'nd-myndighed' },
  { municipality: '707', name: 'Ida Winther', role: 'analyst', unit: 'nd-myndighed' },
];
