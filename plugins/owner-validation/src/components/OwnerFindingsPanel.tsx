import { Progress, WarningPanel } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FINDING_TYPE_TITLES } from '@internal/plugin-owner-validation-common';
import Box from '@material-ui/core/Box';
import useAsync from 'react-use/esm/useAsync';
import { ownerValidationApiRef } from '../api';
import { FindingWarning } from './FindingWarning';

/**
 * The owner findings of the entities at the given locations, before they are registered:
 * reads them with a catalog dry run and checks them with `POST /check`. Renders nothing when
 * every owner is fine.
 */
export function OwnerFindingsPanel(props: { targets: string[] }) {
  const catalogApi = useApi(catalogApiRef);
  const ownerValidationApi = useApi(ownerValidationApiRef);
  const key = props.targets.join('\n');
  const { value, loading, error } = useAsync(async () => {
    const entities: Entity[] = [];
    for (const target of props.targets) {
      const result = await catalogApi.addLocation({
        type: 'url',
        target,
        dryRun: true,
      });
      entities.push(
        ...result.entities.filter(e => e.kind.toLowerCase() !== 'location'),
      );
    }
    if (entities.length === 0) return [];
    const { items } = await ownerValidationApi.checkEntities({
      body: { entities },
    });
    return items.flatMap(item => item.findings);
  }, [catalogApi, ownerValidationApi, key]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <WarningPanel
        severity="info"
        title="Could not check the owners"
        message={error.message}
      />
    );
  }
  if (!value?.length) {
    return null;
  }
  return (
    <Box mb={2}>
      {value.map(finding => (
        <FindingWarning
          key={finding.entityRef}
          finding={finding}
          title={`${FINDING_TYPE_TITLES[finding.type]}: ${finding.entityRef}`}
        />
      ))}
    </Box>
  );
}
