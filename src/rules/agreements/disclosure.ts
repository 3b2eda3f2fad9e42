/**
 * What may be shown of a figure counted from the cases. Counts of 1–4 identifiable citizens are never shown (the
 * discretion Danmarks Statistik applies to its tables, here the municipality's own policy); a share whose count or
 * whose complement is 1–4 is withheld too, because the share and N would give the count away. N is always shown,
 * and a small N is said to be small: the figure moves a lot with one citizen (seed 003 has a goal with N=8).
 */
export const MIN_DISCLOSED_COUNT = 5;
/** Below this N a share is marked as uncertain (»lille N«). */
export const SMALL_N = 20;

const hidden = (n: number) => n > 0 && n < MIN_DISCLOSED_COUNT;

export type Disclosed = {
  /** Per cent, or null when withheld or without N. */
  value: number | null;
  numerator: number | null;
  denominator: number;
  suppressed: boolean;
  smallN: boolean;
};

export function discloseShare(s: { numerator: number; denominator: number; value: number | null }): Disclosed {
  const suppressed = hidden(s.denominator) || hidden(s.numerator) || hidden(s.denominator - s.numerator);
  return {
    value: suppressed ? null : s.value,
    numerator: suppressed ? null : s.numerator,
    denominator: s.denominator,
    suppressed,
    smallN: s.denominator > 0 && s.denominator < SMALL_N,
  };
}

/** A count of citizens: null (shown as »under 5«) when 1–4. */
export function discloseCount(n: number): number | null {
  return hidden(n) ? null : n;
}
