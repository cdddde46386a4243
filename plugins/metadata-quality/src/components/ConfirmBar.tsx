import { useApi } from '@backstage/frontend-plugin-api';
import { Typography } from '@material-ui/core';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import useAsync from 'react-use/esm/useAsync';
import { getConfirmationIfAny, metadataQualityApiRef } from '../api';
import { ConfirmAction } from './ConfirmAction';

/**
 * "Still correct": an owner confirms that the entity's metadata is right; beside it, who confirmed
 * it last and when. The backend refuses everyone but the owners (403), which is shown as the error.
 */
export const ConfirmBar = ({
  entityRef,
  onConfirmed,
}: {
  entityRef: { kind: string; namespace: string; name: string };
  onConfirmed?: () => void;
}) => {
  const api = useApi(metadataQualityApiRef);
  const { kind, namespace, name } = entityRef;
  const stored = useAsync(
    () => getConfirmationIfAny(api, { kind, namespace, name }),
    [api, kind, namespace, name],
  );
  const [state, confirm] = useAsyncFn(async () => {
    const confirmation = await api.confirmEntity({
      params: { path: { kind, namespace, name } },
    });
    onConfirmed?.();
    return confirmation;
  }, [api, kind, namespace, name]);
  const last = state.value ?? stored.value;
  return (
    <ConfirmAction
      label="Still correct"
      busy={state.loading}
      onConfirm={() => confirm()}
      error={state.error ?? stored.error}
    >
      {last && (
        <Typography variant="body2">
          Confirmed by {last.confirmedBy} on {last.confirmedAt.slice(0, 10)}
          {last.ownerRef ? ` for ${last.ownerRef}` : ''}.
        </Typography>
      )}
      {!last && !stored.loading && !stored.error && (
        <Typography variant="body2" color="textSecondary">
          Not confirmed by its owners yet.
        </Typography>
      )}
    </ConfirmAction>
  );
};
