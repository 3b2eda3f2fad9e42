import { describe, expect, it } from 'vitest';
import { booleanField, choiceField, dateField, decimalField, integerField } from './fields.ts';

describe('fields of an imported row', () => {
  it.each([
    ['2021-05-28', '2021-05-28'],
    ['28-05-2021', '2021-05-28'],
    ['28.05.2021', '2021-05-28'],
    ['8/5/2021', '2021-05-08'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', 'import.date.invalid'],
    ['30-02-2021', 'import.date.invalid'],
    ['2021-13-01', 'import.date.invalid'],
    ['28 maj 2021', 'import.date.format'],
    ['', 'import.date.format'],
  ])('date %j → %s', (input, expected) => {
    const f = dateField(input);
    expect(f.ok ? f.value : f.key).toBe(expected);
  });

  it.each([
    ['993', 993],
    ['993,50', 993.5],
    ['1.234,50', 1234.5],
    ['1 234,50', 1234.5],
    ['993.5', 993.5],
    ['kr. 993', 'import.number'],
  ])('decimal %j → %s', (input, expected) => {
    const f = decimalField(input);
    expect(f.ok ? f.value : f.key).toBe(expected);
  });

  it.each([
    ['10', 10],
    ['-1', 'import.integer'],
    ['1,5', 'import.integer'],
  ])('integer %j → %s', (input, expected) => {
    const f = integerField(input);
    expect(f.ok ? f.value : f.key).toBe(expected);
  });

  it.each([
    ['ja', true],
    ['Nej', false],
    ['', false],
    ['måske', 'import.boolean'],
  ])('yes/no %j → %s', (input, expected) => {
    const f = booleanField(input);
    expect(f.ok ? f.value : f.key).toBe(expected);
  });

  it.each([
    ['Delvist bevilget', 'partly_granted'],
    ['afslag', 'refused'],
    ['Bevilget', 'granted'],
    ['godkendt', 'import.choice'],
  ])('choice %j → %s', (input, expected) => {
    const f = choiceField(input, { bevilget: 'granted', delvist_bevilget: 'partly_granted', afslag: 'refused' } as const);
    expect(f.ok ? f.value : f.key).toBe(expected);
  });
});
