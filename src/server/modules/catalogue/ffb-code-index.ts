import type { CodeIndex } from '../../../rules/ffb-reporting/ffb-value-sets.ts';
import type { Tx } from '../../platform/tx.ts';
import { catalogueRepository } from './catalogue.repository.ts';

let cache:
  | { version: string; size: number; codes: CodeIndex; names: Map<string, string[]>; displays: Map<string, string> }
  | undefined;

/**
 * The loaded FFB code system as a parent map, for KL's value sets (src/rules/ffb-reporting/ffb-value-sets.ts):
 * read once per FFB version and kept in memory (about 500 codes), with the codes by Danish name (lower case) and
 * each code's name.
 */
export async function ffbCodeIndex(tx: Tx): Promise<{
  version: string;
  codes: CodeIndex;
  names: ReadonlyMap<string, readonly string[]>;
  displays: ReadonlyMap<string, string>;
}> {
  const system = await catalogueRepository.ffbSystem(tx);
  const version = system[0]?.version ?? 'unknown';
  if (cache?.version === version) return cache;
  const rows = await catalogueRepository.ffbParents(tx);
  const names = new Map<string, string[]>();
  for (const r of rows) names.set(r.display.toLowerCase(), [...(names.get(r.display.toLowerCase()) ?? []), r.code]);
  cache = {
    version,
    size: rows.length,
    codes: new Map(rows.map((r) => [r.code, r.parent_code])),
    names,
    displays: new Map(rows.map((r) => [r.code, r.display])),
  };
  return cache;
}
