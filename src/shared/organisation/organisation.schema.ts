import { z } from 'zod';
import { uuidSchema } from '../ids.ts';

/** municipality → center (aftaleenhed) → department/offer (afdeling/tilbud); the authority is a unit too. */
export const UNIT_KINDS = ['center', 'authority', 'department', 'offer'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const orgUnitSchema = z.object({
  id: uuidSchema,
  parentId: uuidSchema.nullable(),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export type OrgUnitNode = OrgUnit & { children: OrgUnitNode[] };

/** Builds the tree from a flat list in one pass; roots are units whose parent is not in the list. */
export function buildUnitTree(units: readonly OrgUnit[]): OrgUnitNode[] {
  const nodes = new Map<string, OrgUnitNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
