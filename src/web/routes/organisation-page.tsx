import { useQuery } from '@tanstack/react-query';
import type { OrgUnitNode } from '../../shared/organisation/organisation.schema.ts';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

function Units({ nodes }: { nodes: OrgUnitNode[] }) {
  return (
    <ul className="vt-tree">
      {nodes.map((n) => (
        <li key={n.id}>
          <span>{n.name}</span>
          {n.children.length ? <Units nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function OrganisationPage() {
  const { t } = useI18n();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api<OrgUnitNode[]>('/api/organisation/units') });
  return (
    <>
      <h1>{t('organisation.title')}</h1>
      {units.data ? <Units nodes={units.data} /> : <p>{t('common.loading')}</p>}
    </>
  );
}
