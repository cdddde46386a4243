import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Exemption } from '@internal/plugin-metadata-quality-common';
import { DecisionWithComment } from '@internal/plugin-catalog-fixes-react';
import { Box, Typography } from '@material-ui/core';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { metadataQualityApiRef } from '../api';
import { QualityErrorPanel } from './QualityErrorPanel';

/** One request with its comment field and the admin's approve and deny buttons. */
const PendingExemption = ({
  exemption,
  onDecided,
}: {
  exemption: Exemption;
  onDecided: () => void;
}) => {
  const api = useApi(metadataQualityApiRef);
  const decide = (decision: 'approve' | 'deny') => async (comment: string) => {
    await api.decideExemption({
      params: { path: { id: exemption.id } },
      body: { decision, comment },
    });
    onDecided();
  };
  return (
    <Box mt={2} data-testid="pending-exemption">
      <Typography variant="subtitle2">
        {exemption.entityRef}: {exemption.ruleId} until{' '}
        {exemption.until.slice(0, 10)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {exemption.reason} (asked by {exemption.requestedBy})
      </Typography>
      <DecisionWithComment
        comment={{
          id: `exemption-comment-${exemption.id}`,
          label: `Comment on ${exemption.entityRef}`,
          size: 'small',
        }}
        actions={[
          {
            label: 'Approve',
            variant: 'outlined',
            color: 'primary',
            run: decide('approve'),
          },
          { label: 'Deny', variant: 'outlined', run: decide('deny') },
        ]}
      />
    </Box>
  );
};

/** Exemption requests awaiting an admin's decision; deciding needs metadata-quality.exemption.decide. */
export const PendingExemptionsCard = () => {
  const api = useApi(metadataQualityApiRef);
  const pending = useAsyncRetry(
    async () =>
      (await api.listExemptions({ params: { query: { status: 'requested' } } }))
        .items,
    [api],
  );
  if (pending.loading) return <Progress />;
  if (pending.error) return <QualityErrorPanel error={pending.error} />;
  const items = pending.value ?? [];
  return (
    <InfoCard title="Exemption requests">
      {items.length === 0 ? (
        <Typography>No exemption requests are waiting.</Typography>
      ) : (
        items.map(exemption => (
          <PendingExemption
            key={exemption.id}
            exemption={exemption}
            onDecided={pending.retry}
          />
        ))
      )}
    </InfoCard>
  );
};
