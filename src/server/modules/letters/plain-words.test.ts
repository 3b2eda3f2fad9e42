import { describe, expect, it } from 'vitest';
import { explainFirstUse, PLAIN_WORDS } from './plain-words.ts';

describe('plain words: the law explained the first time a letter uses it (issue 12)', () => {
  const sample: Record<string, string> = {
    'SEL § 82': 'Du får tilbud efter SEL § 82.',
    'SEL § 85': 'Du får bevilget socialpædagogisk støtte efter SEL § 85.',
    'SEL § 103': 'Du får beskyttet beskæftigelse efter SEL § 103.',
    'SEL § 104': 'Du får et aktivitetstilbud efter SEL § 104.',
    'SEL § 107': 'Du får afslag på midlertidigt botilbud efter SEL § 107.',
    'SEL § 108': 'Du får et botilbud efter SEL § 108.',
    partshøring: 'Du er blevet partshørt, før afgørelsen blev truffet.',
    genvurdering: 'Kommunen laver først en genvurdering af afgørelsen.',
    borgerprofil: 'Omfang: 3 timer om ugen (borgerprofil 3).',
  };

  it.each(PLAIN_WORDS)('$family is explained once, at its first use', (word) => {
    const text = sample[word.family] ?? '';
    const [first, second] = explainFirstUse([text, text]);
    const explanations = word.forms.map((f) => f.explain);
    expect(explanations.some((e) => first?.includes(`(${e})`))).toBe(true);
    expect(second).toBe(text);
  });

  it.each(PLAIN_WORDS)('$family: composing twice adds nothing', (word) => {
    const once = explainFirstUse([sample[word.family] ?? '']);
    expect(explainFirstUse(once)).toEqual(once);
  });

  it('explains the earliest form of a family, not each form', () => {
    const [a, b] = explainFirstUse([
      'Partshøring var ikke nødvendig: alle oplysninger kommer fra dig.',
      'Du er ikke blevet partshørt.',
    ]);
    expect(a).toBe(
      'Partshøring (at du får lov at se og kommentere de oplysninger, vi lægger vægt på, før vi træffer afgørelse) var ikke nødvendig: alle oplysninger kommer fra dig.',
    );
    expect(b).toBe('Du er ikke blevet partshørt.');
  });

  it.each([
    ['Det svarer til borgerprofil 3.', 'Det svarer til borgerprofil 3 ('],
    ['Det svarer til borgerprofil 7.1.', 'Det svarer til borgerprofil 7.1 ('],
  ])('explains "%s" after the profile code, not after the full stop', (text, start) => {
    expect(explainFirstUse([text])[0]).toMatch(new RegExp(`^${start.replace(/[.()]/g, '\\$&')}`));
    expect(explainFirstUse([text])[0]).toMatch(/\)\.$/);
  });

  it('does not take SEL § 82 b or § 850 for § 82 or § 85', () => {
    expect(explainFirstUse(['Tilbud efter SEL § 82 b og SEL § 850.'])).toEqual(['Tilbud efter SEL § 82 b og SEL § 850.']);
  });
});
