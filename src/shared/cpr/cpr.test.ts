import { describe, expect, it } from 'vitest';
import { centuryOf, cprSchema, formatCpr, looksLikeCpr, parseCpr } from './cpr.ts';

describe('CPR century from the 7th digit (CPR-kontoret)', () => {
  it.each([
    [0, 0, 1900],
    [0, 99, 1900],
    [3, 50, 1900],
    [4, 0, 2000],
    [4, 36, 2000],
    [4, 37, 1900],
    [4, 99, 1900],
    [5, 0, 2000],
    [5, 57, 2000],
    [5, 58, 1800],
    [8, 99, 1800],
    [9, 0, 2000],
    [9, 36, 2000],
    [9, 37, 1900],
    [9, 99, 1900],
  ])('digit %i with year %i → %i', (digit, yy, century) => {
    expect(centuryOf(digit, yy)).toBe(century);
  });
});

describe('parseCpr', () => {
  it.each([
    ['010190-1234', { cpr: '0101901234', birthDate: '1990-01-01', substitute: false }],
    ['0101901234', { cpr: '0101901234', birthDate: '1990-01-01', substitute: false }],
    ['290200-4000', { cpr: '2902004000', birthDate: '2000-02-29', substitute: false }],
    ['311299-9999', { cpr: '3112999999', birthDate: '1999-12-31', substitute: false }],
    ['010158-5000', { cpr: '0101585000', birthDate: '1858-01-01', substitute: false }],
    ['740385-1234', { cpr: '7403851234', birthDate: '1985-03-14', substitute: true }],
    ['610190-1234', { cpr: '6101901234', birthDate: '1990-01-01', substitute: true }],
    ['910190-1234', { cpr: '9101901234', birthDate: '1990-01-31', substitute: true }],
    // Modulus 11 is not required: this number fails it and is accepted.
    ['010190-1235', { cpr: '0101901235', birthDate: '1990-01-01', substitute: false }],
  ])('accepts %s', (input, expected) => {
    expect(parseCpr(input)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['', 'cpr.format'],
    ['12345', 'cpr.format'],
    ['010190-12345', 'cpr.format'],
    ['01019O-1234', 'cpr.format'],
    ['010190--1234', 'cpr.format'],
    ['320190-1234', 'cpr.date'],
    ['000190-1234', 'cpr.date'],
    ['011390-1234', 'cpr.date'],
    ['290201-1234', 'cpr.date'], // 1901 is no leap year
    ['290200-1234', 'cpr.date'], // 7th digit 1 → 1900, which is no leap year
    ['600190-1234', 'cpr.date'], // substitute day 0
    ['920190-1234', 'cpr.date'], // substitute day 32
  ])('refuses %s with %s', (input, reason) => {
    expect(parseCpr(input)).toEqual({ ok: false, reason });
  });

  it('formats with a hyphen and detects CPR-like input', () => {
    expect(formatCpr('0101901234')).toBe('010190-1234');
    expect(looksLikeCpr('010190')).toBe(true);
    expect(looksLikeCpr('010190-12')).toBe(true);
    expect(looksLikeCpr('Jensen')).toBe(false);
  });

  it('normalises through the zod schema and reports the reason as the message key', () => {
    expect(cprSchema.parse(' 010190-1234 ')).toBe('0101901234');
    const r = cprSchema.safeParse('320190-1234');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('cpr.date');
  });
});
