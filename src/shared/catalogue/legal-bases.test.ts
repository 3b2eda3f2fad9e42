import { describe, expect, it } from 'vitest';
import { LEGAL_BASES, legalBasis } from './legal-bases.ts';

/** The paragraphs issue 3 names: every one is in the table with a Danish title and a text. */
const REQUIRED = [
  ...[
    '12',
    '79',
    '82',
    '82 a',
    '82 b',
    '83',
    '83 a',
    '85',
    '95',
    '97',
    '99',
    '101',
    '101 a',
    '103',
    '104',
    '107',
    '108',
    '110',
    '141',
  ].map((p) => `SEL § ${p}`),
  'ABL § 105',
  'SL § 141',
  'SL § 142',
];

describe('legal bases', () => {
  it.each(REQUIRED)('%s has a title, a text and a source', (id) => {
    const b = legalBasis(id);
    expect(b?.title.length).toBeGreaterThan(3);
    expect(b?.text.length).toBeGreaterThan(20);
    expect(b?.source.length).toBeGreaterThan(5);
  });

  it('has no paragraph twice', () => {
    expect(new Set(LEGAL_BASES.map((b) => b.id)).size).toBe(LEGAL_BASES.length);
  });

  it.each([
    ['SEL § 85', 'Socialpædagogisk støtte'],
    ['SEL § 107', 'Midlertidigt botilbud'],
    ['SEL § 108', 'Længerevarende botilbud'],
    ['SEL § 110', 'Forsorgshjem og herberger'],
  ])('%s is titled %s', (id, title) => {
    expect(legalBasis(id)?.title).toBe(title);
  });
});
