/** 2026-03-02 → "2.3.2026", as Danish letters write a date. */
export const danishDate = (d: string): string => {
  const [y, m, day] = d.split('-');
  return `${Number(day)}.${Number(m)}.${y}`;
};

/** 7.5 → "7,5": the Danish decimal comma. */
export const danishNumber = (n: number): string => String(n).replace('.', ',');
