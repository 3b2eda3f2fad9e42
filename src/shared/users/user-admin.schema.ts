import { z } from 'zod';
import { ROLES } from '../access/permissions.ts';
import { pageQuerySchema } from '../api/page.ts';
import { uuidSchema } from '../ids.ts';

/** The administrator's list of the municipality's users: staff by default, a role or a name prefix to narrow it. */
export const userAdminQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
});
export type UserAdminQuery = z.infer<typeof userAdminQuerySchema>;

export const userAdminRowSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  role: z.enum(ROLES),
  unitName: z.string().nullable(),
  active: z.boolean(),
  /** Sessions that have neither expired nor idled out. */
  liveSessions: z.number().int(),
  lastSeenAt: z.string().nullable(),
});
export type UserAdminRow = z.infer<typeof userAdminRowSchema>;

export const userActiveBodySchema = z.object({ active: z.boolean() });

export const sessionsEndedSchema = z.object({ sessionsEnded: z.number().int() });
export const userActiveResultSchema = z.object({ active: z.boolean(), sessionsEnded: z.number().int() });
