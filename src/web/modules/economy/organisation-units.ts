import { useQuery } from '@tanstack/react-query';
import type { OrgUnitNode } from '../../../shared/organisation/organisation.schema.ts';
import { api } from '../../api/client.ts';

/** The municipality's units as a flat list in tree order (for choosing the unit of a budget line). */
export function useOrganisationUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: () => api<OrgUnitNode[]>('/api/organisation/units'),
    select: (roots) => {
      const out: { id: string; name: string; kind: string }[] = [];
      const walk = (nodes: OrgUnitNode[], depth: number) => {
        for (const n of nodes) {
          out.push({ id: n.id, name: `${'\u00a0\u00a0'.repeat(depth)}${n.name}`, kind: n.kind });
          walk(n.children, depth + 1);
        }
      };
      walk(roots, 0);
      return out;
    },
  });
}
