import { z } from 'zod';

/** The month of a Danmarks Statistik extract, `YYYY-MM`. */
export const dstMonthQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month.invalid' }),
});

export const dstExtractSummarySchema = z.object({
  month: z.string(),
  deadline: z.string(),
  rows: z.number().int(),
  citizens: z.number().int(),
  byCategory: z.array(
    z.object({ code: z.string(), paragraph: z.string(), label: z.string(), rows: z.number().int(), citizens: z.number().int() }),
  ),
  withoutTargetGroup: z.number().int(),
});
export type DstExtractSummary = z.infer<typeof dstExtractSummarySchema>;

/** The extract's columns, in order (docs/DST-EXTRACT.md describes each). */
export const DST_COLUMNS = [
  'kommunekode',
  'periode',
  'cpr',
  'ydelse_kode',
  'paragraf',
  'ydelse_tekst',
  'ydelse_start',
  'ydelse_slut',
  'periode_fra',
  'periode_til',
  'afgoerelsesdato',
  'timer_pr_uge',
  'moduler_pr_uge',
  'tilbud_navn',
  'tilbudsnummer',
  'maalgruppe_primaer',
  'maalgrupper_sekundaere',
  'sagsnummer',
  'visitator_id',
] as const;
