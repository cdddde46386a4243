import { InfoCard } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Typography } from '@material-ui/core';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { metadataQualityApiRef } from '../api';
import { ConfirmAction } from './ConfirmAction';

/** "Confirm all": a team's member confirms the metadata of every entity the team owns. */
export const TeamConfirmCard = () => {
  const { entity } = useEntity();
  const api = useApi(metadataQualityApiRef);
  const { namespace, name } = getCompoundEntityRef(entity);
  const [state, confirmAll] = useAsyncFn(
    () => api.confirmGroupEntities({ params: { path: { namespace, name } } }),
    [api, namespace, name],
  );
  return (
    <InfoCard title="Metadata confirmation">
      <Typography variant="body2">
        Read the entries your team owns; when they are right, confirm them all
        at once.
      </Typography>
      <ConfirmAction
        label="Confirm all"
        busy={state.loading}
        onConfirm={() => confirmAll()}
        error={state.error}
      >
        {state.value && (
          <Typography variant="body2">
            Confirmed {state.value.confirmed.length} entities
            {state.value.notAllowed.length > 0
              ? `; not allowed to confirm ${state.value.notAllowed.length}`
              : ''}
            .
          </Typography>
        )}
      </ConfirmAction>
    </InfoCard>
  );
};
