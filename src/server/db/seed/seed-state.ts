import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../platform/db/database.ts';

/** The seeds' own code: part of each seed's fingerprint. */
export const SEED_DIR = fileURLToPath(new URL('./', import.meta.url));

/** A fingerprint of files and folders (every file under them, by path and content) and of any other inputs given. */
export function fingerprintOf(paths: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`${path}\0`).update(readFileSync(path)).update('\0');
  };
  for (const path of paths) add(path);
  for (const x of extra) hash.update(`${x}\0`);
  return hash.digest('hex');
}

/**
 * Runs an idempotent seed unless it last ran with the same inputs (migration 0037): a warm `npm start` then skips
 * reading and checking every seeded document again. The inputs are the files it reads (policy/…) and its own code,
 * so a changed policy file or seed still loads on the next start. Returns whether it ran.
 */
export async function seedUnlessUnchanged(
  database: Database,
  name: string,
  fingerprint: string,
  seed: () => Promise<unknown>,
): Promise<boolean> {
  // A database migrated only up to an older schema (the upgrade tests generate on one) has no ledger: always seed.
  const state = await database.adminTransaction(async (tx) => {
    const [ledger] = await tx.query<{ present: boolean }>(`select to_regclass('public.seed_state') is not null as present`);
    if (!ledger?.present) return null;
    const [row] = await tx.query<{ fingerprint: string }>('select fingerprint from seed_state where name = $1', [name]);
    return { fingerprint: row?.fingerprint ?? null };
  });
  if (!state) {
    await seed();
    return true;
  }
  if (state.fingerprint === fingerprint) return false;
  await seed();
  await database.adminTransaction((tx) =>
    tx.query(
      `insert into seed_state (name, fingerprint) values ($1, $2)
       on conflict (name) do update set fingerprint = excluded.fingerprint, seeded_at = now()`,
      [name, fingerprint],
    ),
  );
  return true;
}
