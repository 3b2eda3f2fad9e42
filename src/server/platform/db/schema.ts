/**
 * The platform is generic over the application's database schema. The application registers its schema once
 * (`src/server/db/schema.ts`):
 *
 *   declare module '../platform/db/schema.ts' { interface Register { schema: DB } }
 *
 * and every connection and transaction the platform hands out is typed with it, without the platform importing
 * anything of the application's. The platform's own queries (users and their units, the audit log) then check
 * against the application's real tables; a schema without them does not compile.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the application's declaration merge.
export interface Register {}

/** The registered schema (`never` until the application registers one). */
export type AppSchema = Register extends { schema: infer S } ? S : never;
