import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../../src/server/platform/clock.ts';

describe('the clock', () => {
  it.each([
    ['winter (CET)', '2027-03-02T08:30:00Z', '2027-03-02', '09:30'],
    ['just after midnight in Denmark, still yesterday in UTC', '2027-03-01T23:30:00Z', '2027-03-02', '00:30'],
    ['summer (CEST)', '2026-07-01T22:15:00Z', '2026-07-02', '00:15'],
    ['with an offset', '2027-03-02T15:30:00+01:00', '2027-03-02', '15:30'],
  ])('a fixed clock, %s: %s is %s at %s in Denmark', (_label, instant, today, time) => {
    const clock = fixedClock(instant);
    expect(clock.today()).toBe(today);
    expect(clock.timeOfDay()).toBe(time);
    expect(clock.now().toISOString()).toBe(new Date(instant).toISOString());
    clock.now().setFullYear(1999);
    expect(clock.today()).toBe(today);
  });

  it('refuses what is not an instant', () => {
    expect(() => fixedClock('i morgen')).toThrow('Not an instant');
  });

  it('the system clock moves', () => {
    expect(systemClock.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(systemClock.timeOfDay()).toMatch(/^\d{2}:\d{2}$/);
  });

  it('is read in one place: no other server source asks for the time itself', () => {
    const server = fileURLToPath(new URL('../../src/server/', import.meta.url));
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
      });
    const reads = files(server)
      .filter((f) => relative(server, f).replaceAll('\\', '/') !== 'platform/clock.ts')
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) => (/new Date\(\s*\)|Date\.now\(\)/.test(line) ? [`${relative(server, f)}:${i + 1}`] : [])),
      );
    expect(reads).toEqual([]);
  });
});
