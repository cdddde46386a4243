import { useApi } from '@backstage/frontend-plugin-api';
import { Box, Button, Typography } from '@material-ui/core';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { metadataQualityApiRef } from '../api';

/**
 * "Still correct": an owner confirms that the entity's metadata is right. The backend refuses
 * everyone but the owners (403), which is shown as the error.
 */
export const ConfirmBar = ({
  entityRef,
  onConfirmed,
}: {
  entityRef: { kind: string; namespace: string; name: string };
  onConfirmed?: () => void;
}) => {
  const api = useApi(metadataQualityApiRef);
  const [state, confirm] = useAsyncFn(async () => {
    const confirmation = await api.confirmEntity({
      params: { path: entityRef },
    });
    onConfirmed?.();
    return confirmation;
  }, [api, entityRef.kind, entityRef.namespace, entityRef.name]);
  return (
    <Box display="flex" alignItems="center" mt={2} style={{ gap: 16 }}>
      <Button
        variant="outlined"
        color="primary"
        disabled={state.loading}
        onClick={() => confirm()}
      >
        Still correct
      </Button>
      {state.value && (
        <Typography variant="body2">
          Confirmed by {state.value.confirmedBy} on{' '}
          {state.value.confirmedAt.slice(0, 10)}.
        </Typography>
      )}
      {state.error && (
        <Typography variant="body2" color="error">
          {state.error.message}
        </Typography>
      )}
    </Box>
  );
};
