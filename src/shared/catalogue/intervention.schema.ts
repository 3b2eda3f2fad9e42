import { z } from 'zod';
import { pageQuerySchema } from '../api/page.ts';

/** A case description of an intervention that worked elsewhere (seed 002): for caseworkers and planners. */
export const interventionSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  municipality: z.string().min(1),
  category: z.enum(['Alternative boformer', 'Samværstilbud', 'Brobyggende indsatser', 'Fokuserede hjemmeplejeteams']),
  purpose: z.array(z.string().min(1)).min(1),
  targetGroup: z.array(z.string().min(1)).min(1),
  content: z.array(z.string().min(1)).min(1),
  /** Figures as the seed gives them: places, staff, citizens reached … */
  figures: z.record(z.string(), z.number()),
  financing: z.array(z.string().min(1)),
  legalBases: z.array(z.string()),
  source: z.string().min(10),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const interventionQuerySchema = pageQuerySchema.extend({
  category: z.string().trim().max(60).optional(),
  legalBasis: z.string().trim().max(40).optional(),
});
