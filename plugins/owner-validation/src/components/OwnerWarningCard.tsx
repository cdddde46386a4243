import { WarningPanel } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { FINDING_TYPE_TITLES } from '@internal/plugin-owner-validation-common';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { ownerValidationApiRef } from '../api';

/** Warns on an entity page when the entity's owner has a problem; renders nothing otherwise. */
export function OwnerWarningCard() {
  const { entity } = useEntity();
  const api = useApi(ownerValidationApiRef);
  const { value } = useAsync(
    () => api.getEntityFindings(getCompoundEntityRef(entity)),
    [api, entity],
  );
  const findings = value?.findings ?? [];
  if (findings.length === 0) {
    return null;
  }
  return (
    <>
      {findings.map(finding => (
        <WarningPanel
          key={finding.id}
          severity={finding.severity}
          title={FINDING_TYPE_TITLES[finding.type]}
          defaultExpanded
          message={
            <>
              <Box component="span" display="block">
                {finding.message}.
              </Box>
              {finding.suggestedOwner ? (
                <Box component="span" display="block">
                  Suggested owner:{' '}
                  <EntityRefLink entityRef={finding.suggestedOwner} />
                </Box>
              ) : null}
              <Box component="span" display="block" fontSize="small">
                Since {new Date(finding.firstSeen).toLocaleString()}
              </Box>
            </>
          }
        />
      ))}
    </>
  );
}
