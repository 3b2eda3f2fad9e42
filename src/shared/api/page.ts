import { z } from 'zod';

/** Every list is paged: the server caps pageSize so no request can ask for everything. */
export const MAX_PAGE_SIZE = 100;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/**
 * A list that can hold a whole municipality counts its rows only this far past the page asked for: counting 64,717
 * cases to print their number took longer than the page (docs/PERFORMANCE.md). Beyond it the page says "more than".
 */
export const TOTAL_CAP = 1000;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** The rows in all; when `totalCapped`, a lower bound (there are more than this). */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** True when counting stopped at TOTAL_CAP rows past the page's start: there are more than `total`. */
    totalCapped: z.boolean().optional(),
  });
}
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number; totalCapped?: boolean };

export function pageOffset(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}
