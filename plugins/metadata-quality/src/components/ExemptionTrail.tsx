import { Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Exemption } from '@internal/plugin-metadata-quality-common';
import useAsync from 'react-use/esm/useAsync';
import { metadataQualityApiRef } from '../api';
import { QualityErrorPanel } from './QualityErrorPanel';

const day = (iso?: string) => iso?.slice(0, 10) ?? '';

/** What happened to a request, last step first, as an auditor reads it. */
export function exemptionOutcome(exemption: Exemption): string {
  const decided = exemption.decidedBy
    ? `${exemption.status === 'denied' ? 'Denied' : 'Approved'} by ${
        exemption.decidedBy
      } on ${day(exemption.decidedAt)}${
        exemption.comment ? `: ${exemption.comment}` : ''
      }`
    : '';
  switch (exemption.status) {
    case 'requested':
      return 'Waiting for an admin';
    case 'expired':
      return `Expired on ${day(exemption.expiredAt)}. ${decided}`;
    default:
      return decided;
  }
}

const columns: TableColumn<Exemption>[] = [
  { title: 'Entity', field: 'entityRef' },
  { title: 'Rule', field: 'ruleId' },
  { title: 'Reason', field: 'reason' },
  {
    title: 'Asked',
    render: e => `${e.requestedBy} on ${day(e.requestedAt)}`,
  },
  { title: 'Until', render: e => day(e.until) },
  { title: 'Outcome', render: exemptionOutcome },
];

/**
 * Every exemption request, decision and expiry (the audit trail), newest first; of one entity
 * when `entityRef` is given.
 */
export const ExemptionTrail = ({ entityRef }: { entityRef?: string }) => {
  const api = useApi(metadataQualityApiRef);
  const trail = useAsync(
    async () =>
      (
        await api.listExemptions({
          params: { query: entityRef ? { entityRef } : {} },
        })
      ).items,
    [api, entityRef],
  );
  if (trail.loading) return <Progress />;
  if (trail.error) return <QualityErrorPanel error={trail.error} />;
  return (
    <Table<Exemption>
      title="Exemptions"
      subtitle="Every request, decision and expiry"
      options={{ paging: true, pageSize: 10, search: !entityRef }}
      columns={entityRef ? columns.slice(1) : columns}
      data={trail.value ?? []}
      emptyContent={<div style={{ padding: 16 }}>No exemptions asked for.</div>}
    />
  );
};
