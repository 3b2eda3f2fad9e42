import { z } from 'zod';
import { ROLES } from '../access/permissions.ts';
import { uuidSchema } from '../ids.ts';

export const sessionUserSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  role: z.enum(ROLES),
  municipality: z.object({ id: uuidSchema, name: z.string(), code: z.string() }),
  unit: z.object({ id: uuidSchema, name: z.string() }).nullable(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const meResponseSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string(),
  demoLogin: z.boolean(),
  oidcLogin: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const demoUserSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  role: z.enum(ROLES),
  municipalityName: z.string(),
  unitName: z.string().nullable(),
});
export type DemoUser = z.infer<typeof demoUserSchema>;

export const demoLoginBodySchema = z.object({ userId: uuidSchema });
