import { describe, expect, it } from 'vitest';
import { ASSESSMENT_THEMES, FUNCTION_LEVELS, SUPPORT_NEED_LEVELS } from '../../shared/assessment/ffb-terms.ts';
import { DEADLINE_NOTICE, noticeAllowed } from '../deadlines/deadline-notice.ts';
import { DEADLINE_KINDS } from '../deadlines/deadline-rules.ts';
import { CITIZEN_PROFILE_BANDS } from '../profiles/citizen-profiles.ts';
import { INTERVENTION_LADDER, type ProposalCandidate, proposeSupport, SUPPORT_NEED_CATEGORY } from './proposal-rules.ts';

const need = (display: string) => SUPPORT_NEED_LEVELS.find((l) => l.display === display)?.code ?? null;
const level = (prefix: string) => FUNCTION_LEVELS.find((l) => l.display.startsWith(prefix))?.code ?? null;
const activity = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');
/** `severe` activity themes at "Svært nedsat", the rest at "Let nedsat". */
const themes = (severe: number) =>
  activity.map((t, i) => ({ themeCode: t.code, levelCode: level(i < severe ? 'Svært' : 'Let') }));

const c = (legalBasis: string, title = legalBasis): ProposalCandidate => ({
  versionId: legalBasis,
  title,
  legalBasis,
  bands: CITIZEN_PROFILE_BANDS,
});
const all = [c('SEL § 108 / ABL § 105'), c('SEL § 107'), c('SEL § 85'), c('SEL § 104')];

describe('proposeSupport', () => {
  it.each(SUPPORT_NEED_CATEGORY)('$display → VUM category $category', ({ display, category }) => {
    expect(
      proposeSupport({ supportNeedCode: need(display), themeLevels: themes(0), dayOffer: false, candidates: all }).category,
    ).toBe(category);
  });

  it.each([
    // need, severe themes, expected step, expected service, expected profile, expected range
    ['Let støttebehov', 0, 'own_home', 'SEL § 85', '1', ['1']],
    ['Moderat støttebehov', 0, 'own_home', 'SEL § 85', '2', ['2', '3', '4']],
    ['Moderat støttebehov', 3, 'own_home', 'SEL § 85', '3', ['2', '3', '4']],
    ['Moderat støttebehov', 6, 'own_home', 'SEL § 85', '4', ['2', '3', '4']],
    ['Højt støttebehov', 0, 'own_home', 'SEL § 85', '2', ['2', '3', '4', '5', '6', '7']],
    ['Højt støttebehov', 6, 'own_home', 'SEL § 85', '7', ['2', '3', '4', '5', '6', '7']],
    ['Fuldstændigt støttebehov', 4, 'temporary_housing', 'SEL § 107', '6', ['5', '6', '7']],
  ] as const)('%s with %i severe themes → %s, %s, profile %s', (n, severe, step, service, profile, range) => {
    const p = proposeSupport({ supportNeedCode: need(n), themeLevels: themes(severe), dayOffer: false, candidates: all });
    expect(p.step).toBe(step);
    expect(p.service?.legalBasis).toBe(service);
    expect(p.profile?.code).toBe(profile);
    expect(p.profileRange).toEqual(range);
    expect(p.reasons.at(-1)?.key).toBe('proposal.reason.personDecides');
  });

  it('never proposes long-term housing first; it climbs the ladder only when a step has no service in force', () => {
    const p = proposeSupport({
      supportNeedCode: need('Fuldstændigt støttebehov'),
      themeLevels: themes(6),
      dayOffer: false,
      candidates: [c('SEL § 108 / ABL § 105')],
    });
    expect(p.step).toBe('long_term_housing');
    expect(p.reasons.map((r) => r.key)).toContain('proposal.reason.noServiceInForce');
    const own = proposeSupport({
      supportNeedCode: need('Moderat støttebehov'),
      themeLevels: themes(0),
      dayOffer: false,
      candidates: [c('SEL § 107'), c('SEL § 85')],
    });
    expect(own.step).toBe('own_home');
    expect(INTERVENTION_LADDER.map((r) => r.step)).toEqual(['own_home', 'temporary_housing', 'long_term_housing']);
  });

  it('points a citizen without a support need to the unvisited offers, and lists day offers for a day-offer case', () => {
    const none = proposeSupport({
      supportNeedCode: need('Intet støttebehov'),
      themeLevels: themes(0),
      dayOffer: false,
      candidates: all,
    });
    expect(none.step).toBe('unvisited');
    expect(none.service).toBeNull();
    const day = proposeSupport({
      supportNeedCode: need('Moderat støttebehov'),
      themeLevels: themes(0),
      dayOffer: true,
      candidates: all,
    });
    expect(day.step).toBe('day_offer');
    expect(day.alternatives.map((a) => a.legalBasis)).toEqual(['SEL § 104']);
  });

  it('proposes nothing without a support need', () => {
    const p = proposeSupport({ supportNeedCode: null, themeLevels: [], dayOffer: false, candidates: all });
    expect(p.step).toBeNull();
    expect(p.reasons[0]?.key).toBe('proposal.reason.noSupportNeed');
  });
});

describe('missed-deadline notice (retssikkerhedsloven § 3, stk. 2)', () => {
  it.each(DEADLINE_KINDS)('%s: notice only where the table says, and only while unmet', (kind) => {
    expect(noticeAllowed(kind, null)).toBe(DEADLINE_NOTICE[kind].notice);
    expect(noticeAllowed(kind, '2026-01-01')).toBe(false);
  });
});
