import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Exemption } from '@internal/plugin-metadata-quality-common';
import { Box, Button, TextField, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
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
  const [comment, setComment] = useState('');
  const [state, decide] = useAsyncFn(
    async (decision: 'approve' | 'deny') => {
      await api.decideExemption({
        params: { path: { id: exemption.id } },
        body: { decision, comment },
      });
      onDecided();
    },
    [api, exemption.id, comment],
  );
  return (
    <Box mt={2} data-testid="pending-exemption">
      <Typography variant="subtitle2">
        {exemption.entityRef}: {exemption.ruleId} until{' '}
        {exemption.until.slice(0, 10)}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {exemption.reason} (asked by {exemption.requestedBy})
      </Typography>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <TextField
          id={`exemption-comment-${exemption.id}`}
          label={`Comment on ${exemption.entityRef}`}
          value={comment}
          onChange={e => setComment(e.target.value)}
          size="small"
        />
        <Button
          color="primary"
          variant="outlined"
          disabled={state.loading}
          onClick={() => decide('approve')}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          disabled={state.loading}
          onClick={() => decide('deny')}
        >
          Deny
        </Button>
        {state.error && (
          <Typography variant="body2" color="error">
            {state.error.message}
          </Typography>
        )}
      </Box>
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
