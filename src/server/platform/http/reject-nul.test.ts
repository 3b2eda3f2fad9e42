import { describe, expect, it } from 'vitest';
import { nulPaths } from './reject-nul.ts';

describe('nulPaths', () => {
  it.each([
    ['plain text', 'Kjærsgaard', []],
    ['a string', 'a\u0000b', [[]]],
    ['a field', { q: 'x\u0000' }, [['q']]],
    ['a nested field', { actionPlan: { purpose: '\u0000' } }, [['actionPlan', 'purpose']]],
    ['an array item', { goals: [{ text: 'ok' }, { text: '\u0000' }] }, [['goals', 1, 'text']]],
    ['an object key', { a: { 'k\u0000': 1 } }, [['a']]],
    ['numbers and null', { n: 1, z: null, b: true }, []],
    ['several', { a: '\u0000', b: ['\u0000'] }, [['a'], ['b', 0]]],
  ])('finds %s', (_label, value, paths) => {
    expect(nulPaths(value)).toEqual(paths);
  });
});
