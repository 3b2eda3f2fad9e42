import { assessmentCompleteness } from '../../../../rules/assessment/completeness.ts';
import {
  ASSESSMENT_THEMES,
  FUNCTION_LEVELS,
  INFORMANTS,
  NOT_ASSESSED_LEVEL,
  SUPPORT_NEED_LEVELS,
} from '../../../../shared/assessment/ffb-terms.ts';
import { Rng } from '../random.ts';
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

/**
 * FFB conditions (tilstande) under each "Aktivitet og deltagelse" theme, from KL's FFB code system
 * (policy/standards/kl-term/CodeSystem-FFB.json, version 20240530): the assessment records the conditions it found
 * under a theme with that theme's functional level, which is what KL's FFB report carries (a theme is not a condition).
 */
const CONDITIONS_BY_THEME: Record<string, readonly string[]> = {
  // Praktiske opgaver: Købe ind, Lave mad, Gøre rent, Vaske tøj
  'eef71492-65f5-4297-aa95-3c3a6866ddef': [
    '01770afa-cd17-41fe-a966-b8895e4d55d8',
    'b947f321-7cdb-4b33-9653-f3ff800572b0',
    '8f32c948-41c4-49d7-8913-cdeede2e7fe1',
    'bd67597b-e80f-427f-8cf9-79d01eff91fc',
  ],
  // Egenomsorg: Spise, Varetage egen sundhed, Vaske sig, Pleje sin krop
  'da3f488f-1742-4d00-b247-a7d47500b36b': [
    '464a2ab6-a7df-4b3a-b74d-7873f4cfe668',
    '4a58417e-9a75-43f2-9763-66505050159f',
    '885400cc-dd71-479e-8993-3fc48fdd6710',
    'b3939f0b-43d9-4e8c-bb2e-50ff8bb7ed03',
  ],
  // Mobilitet: Færdes med transportmidler, Gå og bevæge sig
  'd1495b2c-1452-4e49-8dbe-8193af5d8823': ['eff3385d-01fa-4c9c-9850-52e179243f21', '4977ce08-df4d-4c09-8e03-c2a563862e68'],
  // Kommunikation: Samtale, Forstå meddelelser
  'c2b186f9-9c10-478e-8345-2d2c37ab4c46': ['986898d0-e2e5-4afa-9cb3-ee7aecaa0143', '9bbbffef-c404-4ea3-a927-cd22d8027e6d'],
  // Samfundsliv: Varetage økonomi, Varetage bolig, Håndtere post, Varetage beskæftigelse
  'dfbe6ff6-223b-436a-b864-8ba29bda41e2': [
    '70443014-3faf-402d-abcf-396bfad32eb9',
    'fd4b8dd3-5c4b-4257-8c13-ea045617d2f6',
    '8bef71de-55b5-47fe-b438-18ac769106b3',
    '685e8517-2f5c-4ef8-a7c4-fa2d008fdd9d',
  ],
  // Relationer: Indgå i samspil og kontakt, Varetage relationer til netværk, Deltage i sociale fællesskaber …
  '3856b434-f72e-42a5-b9d1-0cc93f48434b': [
    '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7',
    '4c082610-b122-4019-96f2-1061e287445e',
    'dcc6bb77-45af-4625-9c4d-7d7878307220',
  ],
};

/** The primary target group (FFB målgruppe, KLTargetGroupsFFB) a request for a paragraph usually comes with. */
const TARGET_GROUPS_BY_PARAGRAPH: Record<string, readonly (readonly [string, number])[]> = {
  '85': [
    ['97c355cc-84e3-46d0-ac1b-00bc627d089f', 25], // Udviklingshæmning
    ['9b3fd322-a75a-4ed8-9b74-425fa1e01c95', 20], // Autismespektrum
    ['303deb9b-84f0-49d2-ab7a-f8b98eed40a2', 15], // Angst
    ['ee5b52bd-b839-4e69-ad04-c8b33eabfbde', 15], // Depression
    ['f2ccc0c0-2a0a-49c9-9d6a-741a7cd220a3', 15], // Forandret virkelighedsopfattelse
    ['d26f97e8-99ed-46a9-94db-93340f77a950', 10], // Erhvervet hjerneskade
  ],
  '82': [
    ['303deb9b-84f0-49d2-ab7a-f8b98eed40a2', 35], // Angst
    ['ee5b52bd-b839-4e69-ad04-c8b33eabfbde', 35], // Depression
    ['16075f99-3694-4878-a48d-b2f4b515cb76', 30], // Social isolation
  ],
  '103': [
    ['97c355cc-84e3-46d0-ac1b-00bc627d089f', 50], // Udviklingshæmning
    ['9b3fd322-a75a-4ed8-9b74-425fa1e01c95', 30], // Autismespektrum
    ['1097d07f-1dba-4cc2-ae3a-399a501c2eb6', 20], // Medfødt hjerneskade
  ],
  '107': [
    ['f2ccc0c0-2a0a-49c9-9d6a-741a7cd220a3', 35], // Forandret virkelighedsopfattelse
    ['d26f97e8-99ed-46a9-94db-93340f77a950', 25], // Erhvervet hjerneskade
    ['97c355cc-84e3-46d0-ac1b-00bc627d089f', 25], // Udviklingshæmning
    ['293bf940-c075-4e3d-b5ef-6e331202e556', 15], // Hjemløshed
  ],
  '108': [
    ['97c355cc-84e3-46d0-ac1b-00bc627d089f', 50], // Udviklingshæmning
    ['f1c7ee41-21b4-4dba-9424-c874bf72b5e7', 30], // Multipel funktionsnedsættelse
    ['1097d07f-1dba-4cc2-ae3a-399a501c2eb6', 20], // Medfødt hjerneskade
  ],
};
TARGET_GROUPS_BY_PARAGRAPH['104'] = TARGET_GROUPS_BY_PARAGRAPH['103'] ?? [];

/**
 * What the assessment found, as FFB records it: one or two conditions under each theme whose function is reduced (at
 * least one condition: the theme found hardest), each at its theme's level; and the case's primary target group.
 * Drawn from the case's own numbers (not the case's running draws, so the rest of the history stays as it was).
 */
export function ffbFindings(caseId: string, paragraph: string, levels: ReadonlyMap<string, string>) {
  const rng = Rng.of(caseId, 'ffb');
  const rankOf = (level: string) => FUNCTION_LEVELS.findIndex((l) => l.code === level);
  const assessed = [...levels].filter(([theme, level]) => CONDITIONS_BY_THEME[theme] && rankOf(level) >= 0 && rankOf(level) < 5);
  const reduced = assessed.filter(([, level]) => rankOf(level) >= 1);
  const hardest = [...assessed].sort((a, b) => rankOf(b[1]) - rankOf(a[1])).slice(0, 1);
  const conditions = (reduced.length ? reduced : hardest).flatMap(([theme, level]) => {
    const under = CONDITIONS_BY_THEME[theme] ?? [];
    const first = rng.int(0, under.length - 1);
    const codes = rng.chance(0.4) && under.length > 1 ? [under[first], under[(first + 1) % under.length]] : [under[first]];
    return codes.flatMap((code) => (code ? [{ code, levelCode: level }] : []));
  });
  const groups = TARGET_GROUPS_BY_PARAGRAPH[paragraph] ?? TARGET_GROUPS_BY_PARAGRAPH['85'] ?? [];
  return { conditions, targetGroupCode: rng.weighted(groups) };
}

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
    assessed_on: s.supportNeedCode ? s.updatedAt.slice(0, 10) : null,
  });
  // The FFB conditions below the themes and the target group, as the assessment form records them (issue 15).
  const recordedOn = s.updatedAt.slice(0, 10);
  const findings = ffbFindings(sim.id, sim.plan.paragraph, s.levels);
  for (const c of findings.conditions) {
    w.add('assessment_condition', {
      id: sim.m.ids('assessment_condition').next(),
      municipality_id: sim.m.id,
      assessment_id: s.id,
      condition_code: c.code,
      level_code: c.levelCode,
      recorded_on: recordedOn,
    });
  }
  if (s.supportNeedCode) {
    w.add('case_target_group', {
      id: sim.m.ids('case_target_group').next(),
      municipality_id: sim.m.id,
      case_id: sim.id,
      code: findings.targetGroupCode,
      rank: 1,
      recorded_on: recordedOn,
    });
  }
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
