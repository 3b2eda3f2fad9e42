import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGES } from '../../shared/i18n/validation-messages.ts';
import {
  BAND_PROBLEM_FIELDS,
  bandFieldProblems,
  CITIZEN_PROFILE_BANDS,
  profileForWeeklyHours,
  validateBands,
} from './citizen-profiles.ts';

describe('profileForWeeklyHours across every boundary (seed 001 bands, made contiguous)', () => {
  it.each([
    [0, '1'],
    [0.5, '1'],
    [1, '1'],
    [1.01, '2'],
    [1.05, '2'], // in the printed gap 1 → 1.1
    [1.1, '2'],
    [2.5, '2'],
    [2.52, '3'], // in the printed gap 2.5 → 2.55
    [2.55, '3'],
    [4.5, '3'],
    [4.52, '4'], // in the printed gap 4.5 → 4.55
    [4.55, '4'],
    [8.5, '4'],
    [8.52, '5'],
    [8.55, '5'],
    [14, '5'], // profile 5's band is 8.55–14
    [14.05, '6'],
    [14.1, '6'],
    [22, '6'],
    [22.05, '7'],
    [22.1, '7'],
    [33, '7'],
    [33.05, '7.1'],
    [46, '7.1'],
    [46.1, '7.2'],
    [65, '7.2'],
    [65.1, '7.3'],
    [78, '7.3'],
    [78.1, '7.4'],
    [95, '7.4'],
  ])('%f hours → profile %s', (hours, code) => {
    expect(profileForWeeklyHours(hours)?.code).toBe(code);
  });

  it.each([[-0.5], [95.01], [200], [Number.NaN], [Number.POSITIVE_INFINITY]])('%f hours is outside every band', (hours) => {
    expect(profileForWeeklyHours(hours)).toBeNull();
  });

  it.each([
    ['1', 'betydelig', ['B']],
    ['3', 'meget omfattende', ['C', 'D']],
    ['5', 'massiv', ['D', 'E']],
    ['7', 'fuldstændig', ['D', 'E']],
  ])('profile %s is %s, VUM %j', (code, severity, vum) => {
    expect(CITIZEN_PROFILE_BANDS.find((b) => b.code === code)).toMatchObject({ severity, vumCategories: vum });
  });
});

describe('validateBands', () => {
  it('accepts the seed table as made contiguous', () => {
    expect(validateBands(CITIZEN_PROFILE_BANDS)).toEqual([]);
  });

  it.each([
    [
      'a gap',
      [
        { above: 0, upTo: 1 },
        { above: 1.1, upTo: 2 },
      ],
      [{ index: 1, problem: 'gap' }],
    ],
    [
      'an overlap',
      [
        { above: 0, upTo: 2 },
        { above: 1, upTo: 3 },
      ],
      [{ index: 1, problem: 'overlap' }],
    ],
    [
      'unordered bands',
      [
        { above: 2, upTo: 3 },
        { above: 0, upTo: 1 },
      ],
      [{ index: 1, problem: 'unordered' }],
    ],
    ['an empty band', [{ above: 2, upTo: 2 }], [{ index: 0, problem: 'empty' }]],
  ])('finds %s', (_label, bands, problems) => {
    expect(validateBands(bands)).toEqual(problems);
  });
});

describe('bandFieldProblems: each band problem at the field the administrator corrects', () => {
  it.each(Object.entries(BAND_PROBLEM_FIELDS))('%s has a message in Danish and English', (_problem, { key }) => {
    expect(VALIDATION_MESSAGES[key].da).toMatch(/\.$/);
    expect(VALIDATION_MESSAGES[key].en).toMatch(/\.$/);
  });

  it.each([
    [
      'a gap',
      [
        { above: 0, upTo: 1 },
        { above: 1.1, upTo: 2 },
      ],
      [['content.profileBands.1.above', 'catalogue.bands.gap']],
    ],
    [
      'an overlap',
      [
        { above: 0, upTo: 2 },
        { above: 1, upTo: 3 },
      ],
      [['content.profileBands.1.above', 'catalogue.bands.overlap']],
    ],
    [
      'unordered',
      [
        { above: 2, upTo: 3 },
        { above: 0, upTo: 1 },
      ],
      [['content.profileBands.1.above', 'catalogue.bands.unordered']],
    ],
    ['an empty band', [{ above: 2, upTo: 2 }], [['content.profileBands.0.upTo', 'catalogue.bands.empty']]],
    ['the seed table', CITIZEN_PROFILE_BANDS, []],
  ] as const)('%s', (_label, bands, expected) => {
    expect(bandFieldProblems(bands).map((p) => [p.path, p.key])).toEqual(expected);
  });
});
