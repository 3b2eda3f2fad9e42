import { describe, expect, it } from 'vitest';
import { mentionsParagraph, paragraphsOf } from './paragraphs.ts';

describe('paragraphsOf', () => {
  it.each([
    ['SEL § 85', ['85']],
    ['SEL §§ 82 og 85', ['82', '85']],
    ['SEL §§ 12, 79, 82 b', ['12', '79', '82 b']],
    ['SEL § 101 a', ['101 a']],
    ['ABL § 105', ['105']],
    ['Serviceloven', []],
  ])('%s → %j', (text, paragraphs) => {
    expect(paragraphsOf(text)).toEqual(paragraphs);
  });

  it.each([
    ['SEL §§ 82 og 85', '85', true],
    ['SEL § 85', '85', true],
    ['SEL § 108', '85', false],
    ['SEL §§ 12, 79, 82 b', '82', false],
  ])('%s mentions § %s: %s', (text, p, yes) => {
    expect(mentionsParagraph(text, p)).toBe(yes);
  });
});
