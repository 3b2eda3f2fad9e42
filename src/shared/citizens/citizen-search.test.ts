import { describe, expect, it } from 'vitest';
import { birthDatesOf, foldName, parseCitizenQuery } from './citizen-search.ts';

describe('foldName: names as people type them without æ, ø, å or accents', () => {
  it.each([
    ['Kjærsgaard', 'kjaersgaard'],
    ['Kjaersgaard', 'kjaersgaard'],
    ['Kjærsgård', 'kjaersgaard'],
    ['Ålborg', 'aalborg'],
    ['Aalborg', 'aalborg'],
    ['Søren', 'soeren'],
    ['ØSTERGAARD', 'oestergaard'],
    ['Æbelø', 'aebeloe'],
    ['René', 'rene'],
    ['Müller', 'mueller'],
    ['Björk', 'bjoerk'],
    ['Nuñez', 'nunez'],
    ['Øjvind-Åge', 'oejvind-aage'],
  ])('%s → %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });
});

describe('birth dates as people type them', () => {
  it.each([
    ['14.03.1985', ['1985-03-14']],
    ['14-03-1985', ['1985-03-14']],
    ['14/3/1985', ['1985-03-14']],
    ['14031985', ['1985-03-14']],
    ['140385', ['1985-03-14', '2085-03-14']],
    ['14.03.85', ['1985-03-14', '2085-03-14']],
    ['29.02.2000', ['2000-02-29']],
    ['29.02.1999', []],
    ['32.01.1985', []],
    ['14.13.1985', []],
    ['Mette', []],
  ])('%s → %j', (typed, dates) => {
    expect(birthDatesOf(typed)).toEqual(dates);
  });
});

describe('what a search text means', () => {
  it.each([
    ['140385-1234', { kind: 'cpr', cpr: '1403851234' }],
    ['1403851234', { kind: 'cpr', cpr: '1403851234' }],
    ['14.03.1985', { kind: 'birth', dates: ['1985-03-14'] }],
    ['14031985', { kind: 'birth', dates: ['1985-03-14'] }],
    ['140385', { kind: 'birth', dates: ['1985-03-14', '2085-03-14'] }],
    ['140385-12', { kind: 'birth', dates: ['1985-03-14', '2085-03-14'] }],
    // A substitute number's start: day + 60 is no date.
    ['740385', { kind: 'cprPrefix', ddmmyy: '740385' }],
    ['Mette Kjaersgaard', { kind: 'name', tokens: ['mette', 'kjaersgaard'] }],
    ['  Ålborg ', { kind: 'name', tokens: ['aalborg'] }],
    ['a b c d', { kind: 'name', tokens: ['a', 'b', 'c'] }],
  ])('%s → %j', (typed, query) => {
    expect(parseCitizenQuery(typed)).toEqual(query);
  });
});
