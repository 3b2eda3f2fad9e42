import { ASSESSMENT_THEMES, FUNCTION_LEVELS, SUPPORT_NEED_LEVELS } from '../../shared/assessment/ffb-terms.ts';
import { mentionsParagraph } from '../../shared/catalogue/paragraphs.ts';
import { CITIZEN_PROFILE_BANDS } from '../profiles/citizen-profiles.ts';

/**
 * The proposal (indstilling): a suggested citizen profile and the least intrusive suitable service, with the reasons
 * spelled out. It only suggests; a person decides (issue 4). Pure: the candidates and the assessment are arguments.
 */
export type VumCategory = 'A' | 'B' | 'C' | 'D' | 'E';

/**
 * FFB overall support need → VUM category. Inference (docs/GLOSSARY.md): the five FFB levels read in order onto
 * the seed's categories A–E (seed 001 "Borgerprofiler": A is the unvisited level, E the heaviest).
 */
export const SUPPORT_NEED_CATEGORY: readonly { display: string; category: VumCategory }[] = [
  { display: 'Intet støttebehov', category: 'A' },
  { display: 'Let støttebehov', category: 'B' },
  { display: 'Moderat støttebehov', category: 'C' },
  { display: 'Højt støttebehov', category: 'D' },
  { display: 'Fuldstændigt støttebehov', category: 'E' },
];

export type LadderStep = 'own_home' | 'temporary_housing' | 'long_term_housing';

/**
 * The intervention ladder (indsatstrappen), least intrusive first (seed 001, "Tidlige forebyggende indsatser og
 * indsatstrappe": support in the citizen's own home is the lowest visited step; SEL § 107 is usually granted before
 * long-term housing under SEL § 108 / ABL § 105).
 */
export const INTERVENTION_LADDER: readonly { step: LadderStep; paragraphs: readonly string[]; source: string }[] = [
  { step: 'own_home', paragraphs: ['85'], source: 'Seed 001: "som udgangspunkt i borgerens eget hjem" (SEL § 85)' },
  {
    step: 'temporary_housing',
    paragraphs: ['107'],
    source: 'Seed 001: midlertidigt botilbud (SEL § 107) bevilges som regel før længerevarende botilbud',
  },
  {
    step: 'long_term_housing',
    paragraphs: ['108', '105'],
    source: 'Seed 001: længerevarende botilbud (SEL § 108 / ABL § 105) ved betydelig og varig nedsat funktionsevne',
  },
];

/** Levels that count as severe for placing the citizen within the category's profile range. */
const SEVERE_LEVELS = new Set(FUNCTION_LEVELS.filter((l) => /^(Svært|Fuldstændig) nedsat/.test(l.display)).map((l) => l.code));

export type ProposalCandidate = {
  versionId: string;
  title: string;
  legalBasis: string;
  bands: readonly { code: string; above: number; upTo: number; severity?: string; vumCategories?: readonly VumCategory[] }[];
};

export type ProposalReason = { key: string; params?: Record<string, string | number> };

export type Proposal = {
  category: VumCategory | null;
  step: LadderStep | 'unvisited' | 'day_offer' | null;
  profile: { code: string; above: number; upTo: number; severity: string | null } | null;
  profileRange: string[];
  service: ProposalCandidate | null;
  alternatives: ProposalCandidate[];
  reasons: ProposalReason[];
};

export function proposeSupport(input: {
  supportNeedCode: string | null;
  themeLevels: readonly { themeCode: string; levelCode: string | null }[];
  dayOffer: boolean;
  candidates: readonly ProposalCandidate[];
}): Proposal {
  const need = SUPPORT_NEED_LEVELS.find((l) => l.code === input.supportNeedCode);
  const category = SUPPORT_NEED_CATEGORY.find((c) => c.display === need?.display)?.category ?? null;
  const reasons: ProposalReason[] = [];
  const empty = { profile: null, profileRange: [], service: null, alternatives: [] };
  if (!need || !category) {
    return { category: null, step: null, ...empty, reasons: [{ key: 'proposal.reason.noSupportNeed' }] };
  }
  reasons.push({ key: 'proposal.reason.category', params: { need: need.display, category } });

  if (input.dayOffer) {
    const dayOffers = input.candidates.filter(
      (c) => mentionsParagraph(c.legalBasis, '103') || mentionsParagraph(c.legalBasis, '104'),
    );
    return {
      category,
      step: 'day_offer',
      ...empty,
      alternatives: dayOffers,
      reasons: [...reasons, { key: 'proposal.reason.dayOffer' }, { key: 'proposal.reason.personDecides' }],
    };
  }
  if (category === 'A') {
    return {
      category,
      step: 'unvisited',
      ...empty,
      reasons: [...reasons, { key: 'proposal.reason.unvisited' }, { key: 'proposal.reason.personDecides' }],
    };
  }

  // The lowest step that suits: own home, unless the support need is complete (E), where the seed's next step is a
  // temporary stay with 24-hour staff; long-term housing is never proposed before a temporary stay.
  const wanted: LadderStep = category === 'E' ? 'temporary_housing' : 'own_home';
  const start = INTERVENTION_LADDER.findIndex((r) => r.step === wanted);
  let chosen: { step: LadderStep; candidate: ProposalCandidate } | null = null;
  for (const rung of INTERVENTION_LADDER.slice(start)) {
    const candidate = input.candidates.find((c) => rung.paragraphs.some((p) => mentionsParagraph(c.legalBasis, p)));
    if (candidate) {
      chosen = { step: rung.step, candidate };
      break;
    }
    reasons.push({ key: 'proposal.reason.noServiceInForce', params: { paragraph: rung.paragraphs.join('/') } });
  }
  reasons.push({ key: wanted === 'own_home' ? 'proposal.reason.ladder.ownHome' : 'proposal.reason.ladder.temporary' });

  const bands = chosen?.candidate.bands.length ? chosen.candidate.bands : CITIZEN_PROFILE_BANDS;
  const range = bands.filter((b) => b.vumCategories?.includes(category));
  const activity = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');
  const severe = activity.filter((t) =>
    input.themeLevels.some((l) => l.themeCode === t.code && l.levelCode !== null && SEVERE_LEVELS.has(l.levelCode)),
  ).length;
  const index = range.length ? Math.round((severe / activity.length) * (range.length - 1)) : -1;
  const band = range[index];
  if (band) {
    reasons.push({
      key: 'proposal.reason.profile',
      params: { severe, of: activity.length, code: band.code, range: range.map((b) => b.code).join(', ') },
    });
  } else {
    reasons.push({ key: 'proposal.reason.noProfile', params: { category } });
  }
  reasons.push({ key: 'proposal.reason.personDecides' });
  return {
    category,
    step: chosen?.step ?? null,
    profile: band ? { code: band.code, above: band.above, upTo: band.upTo, severity: band.severity ?? null } : null,
    profileRange: range.map((b) => b.code),
    service: chosen?.candidate ?? null,
    alternatives: input.candidates.filter((c) => c !== chosen?.candidate),
    reasons,
  };
}
