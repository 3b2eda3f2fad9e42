import { describe, expect, it } from 'vitest';
import { languageFromAcceptLanguage } from './language.ts';
import { translateIssue } from './validation-messages.ts';

describe('languageFromAcceptLanguage', () => {
  it.each([
    [undefined, 'da'],
    ['', 'da'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['da-DK,da;q=0.9,en;q=0.8', 'da'],
    ['de-DE,en;q=0.5', 'en'],
    ['fr', 'da'],
    ['en;q=0.4,da;q=0.8', 'da'],
    ['nb-NO', 'da'],
  ])('%s → %s', (header, lang) => {
    expect(languageFromAcceptLanguage(header)).toBe(lang);
  });
});

describe('translateIssue', () => {
  it.each([
    [{ code: 'custom', message: 'cpr.format' }, 'da', 'CPR-nummer skal have 10 cifre (ddmmåå-xxxx).'],
    [{ code: 'custom', message: 'cpr.format' }, 'en', 'A CPR number has 10 digits (ddmmyy-xxxx).'],
    [{ code: 'invalid_type', message: 'Invalid input: expected string, received undefined' }, 'da', 'Feltet skal udfyldes.'],
    [
      { code: 'invalid_type', message: 'Invalid input: expected string, received number' },
      'en',
      'The value cannot be used here. Correct the field.',
    ],
    [{ code: 'invalid_type', message: 'Invalid input: expected number, received null' }, 'da', 'Feltet skal udfyldes.'],
    // "abc" in an hours field
    [
      { code: 'invalid_type', expected: 'number', message: 'Invalid input: expected number, received string' },
      'da',
      'Skriv et tal, fx 2,5.',
    ],
    [
      { code: 'invalid_type', expected: 'number', message: 'Invalid input: expected number, received NaN' },
      'en',
      'Enter a number, e.g. 2.5.',
    ],
    [{ code: 'too_big', origin: 'string', maximum: 200 }, 'da', 'Teksten er for lang: højst 200 tegn. Gør den kortere.'],
    [
      { code: 'too_big', origin: 'string', maximum: 200, input: 'x'.repeat(201) },
      'en',
      'The text is too long: at most 200 characters. The text has 201. Shorten it.',
    ],
    [
      { code: 'custom', message: 'message.tooLong' },
      'da',
      'Beskeden er for lang: højst 4.000 tegn. Del den op i flere beskeder.',
    ],
    [{ code: 'custom', message: 'assessment.theme' }, 'da', 'Vælg den tilstand (det tema i udredningen), målet handler om.'],
    [{ code: 'too_small', origin: 'string', minimum: 1 }, 'da', 'Feltet skal udfyldes.'],
    [{ code: 'too_small', origin: 'string', minimum: 3 }, 'en', 'Must be at least 3 characters.'],
    [{ code: 'too_big', origin: 'number', maximum: 100 }, 'da', 'Må højst være 100.'],
    [{ code: 'too_big', origin: 'array', maximum: 3 }, 'en', 'At most 3 allowed.'],
    [{ code: 'invalid_format', format: 'uuid' }, 'da', 'Vælg en af mulighederne på listen.'],
    [{ code: 'invalid_format', format: 'uuid', input: '' }, 'da', 'Vælg en af mulighederne.'],
    [{ code: 'invalid_value', values: ['a', 'b'] }, 'en', 'Choose one of the options.'],
  ] as const)('%o in %s', (issue, lang, text) => {
    expect(translateIssue(issue, lang)).toBe(text);
  });
});
