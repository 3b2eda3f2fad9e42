import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AdminTx, Database } from '../../platform/db/database.ts';

/** Reads `<dir>/<municipality folder>/*.json` and validates each file, naming the file in any error. */
export function readPolicyFiles<S extends z.ZodType>(dir: string, schema: S): { file: string; data: z.infer<S> }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(dir, d.name, f)),
    )
    .map((file) => {
      const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
      return { file, data: parsed.data };
    });
}

/** The code of an FFB path, or an error naming what referred to it. */
export async function ffbCodeOfPath(tx: AdminTx, path: string | null, what: string): Promise<string | null> {
  if (!path) return null;
  const rows = await tx.query<{ code: string }>('select code from ffb_code where path = $1', [path]);
  if (!rows[0]) throw new Error(`Unknown FFB path for ${what}: ${path}`);
  return rows[0].code;
}

/**
 * Loads each file for its municipality when that municipality is present, in one transaction; `load` returns
 * whether it inserted (false when the document was there already). Returns how many were inserted.
 */
export function loadForMunicipalities<T extends { municipalityCode: string }>(
  database: Database,
  files: { data: T }[],
  load: (tx: AdminTx, data: T, municipalityId: string) => Promise<boolean>,
): Promise<number> {
  return database.adminTransaction(async (tx) => {
    const municipalities = await tx.query<{ id: string; code: string }>('select id, code from municipality');
    const byCode = new Map(municipalities.map((m) => [m.code, m.id]));
    let loaded = 0;
    for (const { data } of files) {
      const municipalityId = byCode.get(data.municipalityCode);
      if (municipalityId && (await load(tx, data, municipalityId))) loaded++;
    }
    return loaded;
  });
}
