import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Page } from '../../../shared/api/page.ts';
import { pageOffset } from '../../../shared/api/page.ts';
import { type Intervention, interventionSchema } from '../../../shared/catalogue/intervention.schema.ts';

export const INTERVENTIONS_FILE = new URL('../../../../policy/interventions/interventions.json', import.meta.url);

let cache: Intervention[] | undefined;

/**
 * The interventions catalogue (seed 002) is national knowledge, not any tenant's data: it is read from its
 * data file, validated once, and served as it is.
 */
export function allInterventions(): Intervention[] {
  cache ??= z.array(interventionSchema).parse(JSON.parse(readFileSync(INTERVENTIONS_FILE, 'utf8')));
  return cache;
}

export function listInterventions(q: {
  category?: string;
  legalBasis?: string;
  page: number;
  pageSize: number;
}): Page<Intervention> {
  const matching = allInterventions().filter(
    (i) => (!q.category || i.category === q.category) && (!q.legalBasis || i.legalBases.includes(q.legalBasis)),
  );
  return {
    items: matching.slice(pageOffset(q), pageOffset(q) + q.pageSize),
    total: matching.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}
