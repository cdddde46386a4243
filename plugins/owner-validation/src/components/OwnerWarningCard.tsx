import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { ProposeFixButton } from '@internal/plugin-catalog-fixes-react';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { ownerValidationApiRef } from '../api';
import { FindingWarning } from './FindingWarning';

/** Warns on an entity page when the entity's owner has a problem; renders nothing otherwise. */
export function OwnerWarningCard() {
  const { entity } = useEntity();
  const api = useApi(ownerValidationApiRef);
  const { value } = useAsync(() => {
    const { kind, namespace, name } = getCompoundEntityRef(entity);
    return api.getEntityFindings({
      params: { path: { kind, namespace, name } },
    });
  }, [api, entity]);
  const findings = value?.findings ?? [];
  if (findings.length === 0) {
    return null;
  }
  return (
    <>
      {findings.map(finding => (
        <FindingWarning key={finding.id} finding={finding}>
          <Box component="span" display="block" fontSize="small">
            Since {new Date(finding.firstSeen).toLocaleString()}
          </Box>
          {finding.suggestedOwner && (
            <Box component="span" display="block" mt={1}>
              <ProposeFixButton
                entityRef={stringifyEntityRef(entity)}
                fix={{ type: 'owner' }}
              />
            </Box>
          )}
        </FindingWarning>
      ))}
    </>
  );
}
