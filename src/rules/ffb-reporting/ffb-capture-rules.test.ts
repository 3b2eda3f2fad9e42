import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conditionIssues, goalIssues, serviceIssues, supportNeedIssues, targetGroupIssues } from './ffb-capture-rules.ts';
import type { CodeIndex } from './ffb-value-sets.ts';

function indexOf(file: string): CodeIndex {
  const index = new Map<string, string | null>();
  type C = { code: string; concept?: C[] };
  const walk = (cs: C[], parent: string | null) => {
    for (const c of cs) {
      index.set(c.code, parent);
      walk(c.concept ?? [], c.code);
    }
  };
  walk((JSON.parse(readFileSync(file, 'utf8')) as { concept: C[] }).concept, null);
  return index;
}
const codes = indexOf('policy/standards/kl-term/CodeSystem-FFB.json');

const SAMSPIL = '3f9da5ac-9686-4eeb-b517-b46e17fcb1d7';
const KOEBE_IND = '01770afa-cd17-41fe-a966-b8895e4d55d8';
const BEVIDSTHED = '4934e45a-0f93-4c23-a767-2b681378700b';
const RELATIONER = '3856b434-f72e-42a5-b9d1-0cc93f48434b';
const MODERAT = '5bdde847-2837-416b-ab63-bbff8b7aa531';
const LET_STOETTE = 'dd628e73-d6c9-4837-a2b8-aa62d73bd6ae';
const FASTHOLDE = '10752a63-00b4-4958-b7f4-9f3a18f74266';
const UDVIKLING = '5cfc9530-a193-4f66-9981-3b980ee9ea7b';
const SELVMORD = '5e95db73-4d16-4084-93a3-595c0650b160';

describe('FFB conditions at entry', () => {
  it.each([
    ['an A&D condition with a level', [{ code: SAMSPIL, levelCode: MODERAT }], []],
    ['another condition without one', [{ code: BEVIDSTHED, levelCode: null }], []],
    [
      'an A&D condition without a level',
      [{ code: SAMSPIL, levelCode: null }],
      ['conditions.0.levelCode ffb.condition.levelRequired'],
    ],
    [
      'a level on a condition outside A&D',
      [{ code: BEVIDSTHED, levelCode: MODERAT }],
      ['conditions.0.levelCode ffb.condition.levelForbidden'],
    ],
    ['a theme, not a condition', [{ code: RELATIONER, levelCode: MODERAT }], ['conditions.0.code ffb.condition.unknown']],
    ['an unknown code', [{ code: 'x', levelCode: null }], ['conditions.0.code ffb.condition.unknown']],
    ['a support need as level', [{ code: SAMSPIL, levelCode: LET_STOETTE }], ['conditions.0.levelCode ffb.level.unknown']],
    [
      'the same condition twice',
      [
        { code: SAMSPIL, levelCode: MODERAT },
        { code: SAMSPIL, levelCode: MODERAT },
      ],
      ['conditions.1.code ffb.condition.duplicate'],
    ],
  ] as const)('%s', (_n, input, expected) => {
    expect(conditionIssues(input, codes).map((i) => `${i.path} ${i.key}`)).toEqual(expected);
  });
});

describe('FFB target groups, goals, support need and services at entry', () => {
  it.each([
    [
      'one primary and a secondary',
      [
        { code: UDVIKLING, rank: 1 as const },
        { code: SELVMORD, rank: 2 as const },
      ],
      [],
    ],
    [
      'two primaries',
      [
        { code: UDVIKLING, rank: 1 as const },
        { code: SELVMORD, rank: 1 as const },
      ],
      ['targetGroups.1.rank ffb.targetGroup.onePrimary'],
    ],
    ['a condition as target group', [{ code: SAMSPIL, rank: 1 as const }], ['targetGroups.0.code ffb.targetGroup.unknown']],
  ])('target groups: %s', (_n, input, expected) => {
    expect(targetGroupIssues(input, codes).map((i) => `${i.path} ${i.key}`)).toEqual(expected);
  });

  const goal = {
    primaryConditionCode: SAMSPIL,
    secondaryConditionCodes: [KOEBE_IND],
    targetLevelCode: MODERAT,
    goalTypeCode: FASTHOLDE,
  };
  it.each([
    ['a goal on assessed A&D conditions', goal, []],
    [
      'a primary condition outside A&D',
      { ...goal, primaryConditionCode: BEVIDSTHED },
      ['goals.0.primaryConditionCode ffb.goal.condition'],
    ],
    [
      'a secondary condition not assessed',
      { ...goal, secondaryConditionCodes: ['eff3385d-01fa-4c9c-9850-52e179243f21'] },
      ['goals.0.secondaryConditionCodes.0 ffb.goal.notAssessed'],
    ],
    [
      'a support need as expected level',
      { ...goal, targetLevelCode: LET_STOETTE },
      ['goals.0.targetLevelCode ffb.goal.targetLevel'],
    ],
    ['a level as goal type', { ...goal, goalTypeCode: MODERAT }, ['goals.0.goalTypeCode ffb.goal.type']],
  ])('goals: %s', (_n, input, expected) => {
    expect(goalIssues([input], new Set([SAMSPIL, KOEBE_IND, BEVIDSTHED]), codes).map((i) => `${i.path} ${i.key}`)).toEqual(
      expected,
    );
  });

  it.each([
    [LET_STOETTE, []],
    [null, []],
    [MODERAT, ['supportNeedCode ffb.supportNeed.unknown']],
  ])('support need %s', (code, expected) => {
    expect(supportNeedIssues(code, codes).map((i) => `${i.path} ${i.key}`)).toEqual(expected);
  });

  it.each([
    ['638f44df-6bf2-47f8-9935-b8fdc83e5bf5', []],
    ['1f0ff82b-3243-422f-9651-1d00fd2dcd61', ['services.0 ffb.service.unknown']],
  ])('service %s', (code, expected) => {
    expect(serviceIssues([code], codes).map((i) => `${i.path} ${i.key}`)).toEqual(expected);
  });
});
