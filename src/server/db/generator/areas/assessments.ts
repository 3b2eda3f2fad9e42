import { assessmentCompleteness } from '../../../../rules/assessment/completeness.ts';
import {
  ASSESSMENT_THEMES,
  FUNCTION_LEVELS,
  INFORMANTS,
  NOT_ASSESSED_LEVEL,
  SUPPORT_NEED_LEVELS,
} from '../../../../shared/assessment/ffb-terms.ts';
import type { CaseSim } from './case-sim.ts';

/** The VUM assessment of a case as it stands: one per case, saved again when the case comes back for a new decision. */
export type AssessmentState = {
  id: string;
  supportNeedCode: string | null;
  /** 0 = Intet … 4 = Fuldstændigt støttebehov. */
  needRank: number;
  levels: Map<string, string>;
  version: number;
  updatedAt: string;
  complete: boolean;
};

const need = (rank: number) => SUPPORT_NEED_LEVELS[rank]?.code ?? null;
const ACTIVITY = ASSESSMENT_THEMES.filter((t) => t.group === 'activity');

/** The support need a request for a paragraph usually comes with (0 = none … 4 = complete). */
const NEED_BY_PARAGRAPH: Record<string, readonly (readonly [number, number])[]> = {
  '85': [
    [1, 25],
    [2, 45],
    [3, 25],
    [4, 5],
  ],
  '82': [
    [1, 45],
    [2, 45],
    [3, 10],
  ],
  '103': [
    [1, 20],
    [2, 50],
    [3, 30],
  ],
  '104': [
    [1, 20],
    [2, 50],
    [3, 30],
  ],
  '107': [
    [2, 20],
    [3, 55],
    [4, 25],
  ],
  '108': [
    [3, 50],
    [4, 50],
  ],
};

const WISHES = [
  'Vil gerne klare indkøb og madlavning selv.',
  'Ønsker at komme ud blandt andre.',
  'Vil have styr på økonomien.',
  'Vil gerne i gang med uddannelse.',
] as const;

function draw(sim: CaseSim): { needRank: number; levels: Map<string, string> } {
  const { rng, plan } = sim;
  const needRank = rng.weighted(NEED_BY_PARAGRAPH[plan.paragraph] ?? NEED_BY_PARAGRAPH['85'] ?? []);
  const levels = new Map<string, string>();
  for (const t of ACTIVITY) {
    // Function levels scatter around the overall need: Ingen (0) … Fuldstændig (4).
    const rank = Math.max(
      0,
      Math.min(
        4,
        needRank +
          rng.weighted([
            [-1, 25],
            [0, 50],
            [1, 25],
          ] as const),
      ),
    );
    levels.set(t.code, FUNCTION_LEVELS[rank]?.code ?? NOT_ASSESSED_LEVEL);
  }
  return { needRank, levels };
}

/**
 * The assessment (udredning): started after the receipt, saved when the caseworker has met the citizen. A case that
 * comes back (an upheld complaint, a revisitation) is assessed again. Returns false when the assessment is not done
 * by today (the case waits in assessment, perhaps half filled in).
 */
export async function assess(sim: CaseSim, first: boolean, stopAfterStart = false): Promise<boolean> {
  const { rng } = sim;
  const cw = sim.caseworker;
  let state = sim.assessment;
  if (first) {
    const on = sim.after(sim.day, 0, sim.plan.script ? 3 : 10);
    if (!on) return false;
    const at = sim.step(on);
    sim.reads(at, cw);
    sim.act('start_assessment', at);
    state = {
      id: sim.m.ids('assessment').next(),
      supportNeedCode: null,
      needRank: 0,
      levels: new Map(),
      version: 1,
      updatedAt: at.toISOString(),
      complete: false,
    };
    sim.assessment = state;
    sim.journal(at, cw, 'assessment_started', 'Udredning påbegyndt (VUM)', null);
    sim.audit(at, cw, 'update', 'case', sim.id, { change: 'assessment_started' });
    const s = state;
    sim.finalizers.push(() => writeAssessment(sim, s));
  }
  if (!state) throw new Error('generator: a case back for a new decision has no assessment');
  const drawn = draw(sim);
  const on = stopAfterStart
    ? null
    : sim.after(sim.day, first ? (sim.plan.script ? 3 : 4) : 2, first && !sim.plan.script ? 24 : 10);
  if (!on) {
    // Started, not finished: half of these have the first themes filled in.
    if (first && rng.chance(0.5)) {
      const partial = sim.after(sim.day, 1, 3);
      if (partial) {
        const some = new Map([...drawn.levels].slice(0, rng.int(2, 4)));
        save(sim, state, partial, { needRank: drawn.needRank, levels: some }, false);
      }
    }
    return false;
  }
  save(sim, state, on, drawn, true);
  return true;
}

function save(
  sim: CaseSim,
  state: AssessmentState,
  on: ReturnType<CaseSim['after']> & string,
  drawn: { needRank: number; levels: Map<string, string> },
  withNeed: boolean,
) {
  const at = sim.step(on);
  sim.reads(at, sim.caseworker);
  state.levels = drawn.levels;
  state.needRank = drawn.needRank;
  state.supportNeedCode = withNeed ? need(drawn.needRank) : null;
  state.version += 1;
  state.updatedAt = at.toISOString();
  state.complete = assessmentCompleteness(
    [...state.levels].map(([themeCode, levelCode]) => ({ themeCode, levelCode })),
    state.supportNeedCode,
  ).complete;
  sim.journal(at, sim.caseworker, 'assessment_saved', 'Udredning opdateret', null);
  sim.audit(at, sim.caseworker, 'update', 'assessment', state.id);
}

function writeAssessment(sim: CaseSim, s: AssessmentState) {
  const w = sim.g.writer;
  w.add('assessment', {
    id: s.id,
    municipality_id: sim.m.id,
    case_id: sim.id,
    support_need_code: s.supportNeedCode,
    version: s.version,
    updated_at: s.updatedAt,
  });
  let i = 0;
  for (const [theme, level] of s.levels) {
    w.add('assessment_theme', {
      municipality_id: sim.m.id,
      assessment_id: s.id,
      theme_code: theme,
      level_code: level,
      wishes: i === 0 ? sim.rng.pick(WISHES) : null,
      informant_code: INFORMANTS[i % 3]?.code ?? null,
      notes: null,
    });
    i++;
  }
}
