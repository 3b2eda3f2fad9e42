import { describe, expect, it } from 'vitest';
import { uuidSchema } from '../../../shared/ids.ts';
import { clockInCopenhagen, type PlainDate, plainDateInCopenhagen } from '../../../shared/plain-date.ts';
import { IdSequence } from './ids.ts';
import { Rng, seedOf } from './random.ts';
import { instantAt } from './time.ts';

describe('the generator’s building blocks', () => {
  it.each([
    ['2026-01-15', 9 * 60 + 30],
    ['2026-03-29', 8 * 60], // the day CEST begins
    ['2026-06-30', 15 * 60 + 45],
    ['2026-10-25', 10 * 60], // the day CET returns
    ['2026-12-31', 21 * 60],
  ] as const)('places %s at minute %i as Danish wall-clock time', (date, minute) => {
    const at = instantAt(date as PlainDate, minute);
    expect(plainDateInCopenhagen(at)).toBe(date);
    expect(clockInCopenhagen(at)).toBe(
      `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
    );
  });

  it('makes valid, distinct, repeatable ids per key', () => {
    const a = new IdSequence('demo:760:case_file');
    const ids = Array.from({ length: 1000 }, () => a.next());
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids.slice(0, 5)) expect(uuidSchema.safeParse(id).success).toBe(true);
    expect(new IdSequence('demo:760:case_file').at(999)).toBe(ids[999]);
    expect(new IdSequence('demo:760:decision').at(0)).not.toBe(ids[0]);
  });

  it('draws the same numbers for the same seed, and others for another', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 20 }, () => r.int(0, 1000));
    };
    expect(draw(seedOf('demo', '760', 'case', 7))).toEqual(draw(seedOf('demo', '760', 'case', 7)));
    expect(draw(seedOf('demo', '760', 'case', 7))).not.toEqual(draw(seedOf('demo', '760', 'case', 8)));
    const r = Rng.of('x');
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 2000; i++)
      counts[
        r.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ]++;
    expect(counts.a / 2000).toBeGreaterThan(0.7);
    expect(counts.a / 2000).toBeLessThan(0.8);
  });
});
