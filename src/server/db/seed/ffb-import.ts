import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AdminTx, Database } from '../../platform/db/database.ts';

export const FFB_FILE = new URL('../../../../policy/standards/kl-term/CodeSystem-FFB.json', import.meta.url);

type Concept = { code: string; display: string; definition?: string; concept?: Concept[] };
const conceptSchema: z.ZodType<Concept> = z.object({
  code: z.string().min(1),
  display: z.string().min(1),
  definition: z.string().optional(),
  get concept() {
    return z.array(conceptSchema).optional();
  },
});
const codeSystemSchema = z.object({
  resourceType: z.literal('CodeSystem'),
  url: z.string(),
  version: z.string(),
  concept: z.array(conceptSchema),
});

export type FfbRow = {
  code: string;
  display: string;
  definition: string | null;
  parent_code: string | null;
  root: string;
  path: string;
  legal_basis: string | null;
  is_local: boolean;
  system_version: string;
};

/** "Visitationsparagraf: Serviceloven § 85." → "SEL § 85". */
export function legalBasisOf(definition: string | undefined): string | null {
  const m = /Visitationsparagraf:\s*Serviceloven\s*§\s*(\d+\s*[a-z]?)/i.exec(definition ?? '');
  return m?.[1] ? `SEL § ${m[1].replace(/\s+/g, ' ').trim()}` : null;
}

/**
 * FFB has no codes for SEL §§ 97, 99 and 110 (shared/standards/README.md). These local codes stand in, marked
 * is_local, so every service and offer has a code to report and filter by.
 */
export const LOCAL_CODES: Omit<FfbRow, 'system_version'>[] = [
  {
    code: 'local:sel-97',
    display: 'Ledsagelse',
    definition: 'Lokal kode: ledsagelse efter Serviceloven § 97 (ingen FFB-kode).',
    parent_code: null,
    root: 'Lokal',
    path: 'Lokal > Ledsagelse',
    legal_basis: 'SEL § 97',
    is_local: true,
  },
  {
    code: 'local:sel-99',
    display: 'Støtte- og kontaktperson',
    definition: 'Lokal kode: støtte- og kontaktperson efter Serviceloven § 99 (ingen FFB-kode).',
    parent_code: null,
    root: 'Lokal',
    path: 'Lokal > Støtte- og kontaktperson',
    legal_basis: 'SEL § 99',
    is_local: true,
  },
  {
    code: 'local:sel-110',
    display: 'Forsorgshjem og herberg',
    definition: 'Lokal kode: midlertidigt ophold i boformer efter Serviceloven § 110 (ingen FFB-kode).',
    parent_code: null,
    root: 'Lokal',
    path: 'Lokal > Forsorgshjem og herberg',
    legal_basis: 'SEL § 110',
    is_local: true,
  },
];

export function flattenCodeSystem(json: unknown): { url: string; version: string; rows: FfbRow[] } {
  const cs = codeSystemSchema.parse(json);
  const rows: FfbRow[] = [];
  const walk = (concepts: Concept[], parent: FfbRow | null) => {
    for (const c of concepts) {
      const row: FfbRow = {
        code: c.code,
        display: c.display,
        definition: c.definition ?? null,
        parent_code: parent?.code ?? null,
        root: parent?.root ?? c.display,
        path: parent ? `${parent.path} > ${c.display}` : c.display,
        legal_basis: legalBasisOf(c.definition),
        is_local: false,
        system_version: cs.version,
      };
      rows.push(row);
      walk(c.concept ?? [], row);
    }
  };
  walk(cs.concept, null);
  return { url: cs.url, version: cs.version, rows };
}

async function insertRows(tx: AdminTx, rows: FfbRow[]): Promise<void> {
  const columns = [
    'code',
    'display',
    'definition',
    'parent_code',
    'root',
    'path',
    'legal_basis',
    'is_local',
    'system_version',
  ] as const;
  for (let start = 0; start < rows.length; start += 100) {
    const chunk = rows.slice(start, start + 100);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${columns.map((c) => `$${params.push(r[c])}`).join(', ')})`);
    await tx.query(
      `insert into ffb_code (${columns.join(', ')}) values ${values.join(', ')}
       on conflict (code) do update set display = excluded.display, definition = excluded.definition,
         parent_code = excluded.parent_code, root = excluded.root, path = excluded.path,
         legal_basis = excluded.legal_basis, system_version = excluded.system_version`,
      params,
    );
  }
}

/** Imports the FFB code system (and the local codes) when its version is not yet recorded. Idempotent. */
export async function importFfb(database: Database, file: URL = FFB_FILE): Promise<{ version: string; imported: boolean }> {
  const { url, version, rows } = flattenCodeSystem(JSON.parse(readFileSync(file, 'utf8')));
  return database.adminTransaction(async (tx) => {
    const current = await tx.query<{ version: string }>('select version from ffb_code_system where url = $1', [url]);
    if (current[0]?.version === version) return { version, imported: false };
    // Parents before children: the walk emits them in that order.
    await insertRows(tx, rows);
    await insertRows(
      tx,
      LOCAL_CODES.map((r) => ({ ...r, system_version: `local-${version}` })),
    );
    await tx.query(
      `insert into ffb_code_system (url, version) values ($1, $2)
       on conflict (url) do update set version = excluded.version, imported_at = excluded.imported_at`,
      [url, version],
    );
    return { version, imported: true };
  });
}
