import type pg from 'pg';

/**
 * One set of type rules for both drivers (STACK-NOTES, gotcha 1): int8/count/sum come back as numbers,
 * date as a plain `YYYY-MM-DD` string (never a JS Date, which would drag in a time zone), numeric as a string.
 */
export const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

const toNumber = (value: string): number => Number(value);
const asText = (value: string): string => value;

export const PGLITE_PARSERS = {
  [OID.int8]: (value: string) => Number(value),
  [OID.date]: asText,
};

export function pgTypes(types: typeof pg.types): { getTypeParser: typeof pg.types.getTypeParser } {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === OID.int8) return toNumber;
      if (oid === OID.date) return asText;
      return types.getTypeParser(oid, format as 'text');
    }) as typeof pg.types.getTypeParser,
  };
}
