import type { Tx } from '../../platform/tx.ts';

/**
 * The municipality's service descriptions with every version's dates and profile bands: what an imported decision
 * is checked against (the version in force on its date). One query; a municipality has tens of descriptions.
 */
export async function serviceLevelsOf(tx: Tx, municipalityId: string) {
  const rows = await tx
    .selectFrom('service_description as s')
    .innerJoin('service_description_version as v', 'v.service_description_id', 's.id')
    .select(['s.key', 's.legal_basis', 's.kind', 'v.id', 'v.number', 'v.status', 'v.in_force_from', 'v.content'])
    .where('s.municipality_id', '=', municipalityId)
    .orderBy('s.key')
    .orderBy('v.number')
    .execute();
  const byKey = new Map<
    string,
    {
      key: string;
      legalBasis: string;
      kind: string;
      versions: { id: string; number: number; status: 'draft' | 'approved'; inForceFrom: string | null; content: unknown }[];
    }
  >();
  for (const r of rows) {
    const d = byKey.get(r.key) ?? { key: r.key, legalBasis: r.legal_basis, kind: r.kind, versions: [] };
    d.versions.push({
      id: r.id,
      number: r.number,
      status: r.status as 'draft' | 'approved',
      inForceFrom: r.in_force_from,
      content: r.content,
    });
    byKey.set(r.key, d);
  }
  return [...byKey.values()];
}
