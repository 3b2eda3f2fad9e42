import { z } from 'zod';

/** Every record id is a UUID; the database generates them (gen_random_uuid). */
export type Uuid = string;

export const uuidSchema = z.uuid({ message: 'id.invalid' });

export const idParamsSchema = z.object({ id: uuidSchema });
