import { Entity, RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  getEntityRelations,
  useEntity,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import {
  isMarkedDeparted,
  readOwnerCheckOptions,
} from '@internal/plugin-owner-validation-common';
import { Alert } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';

/** The departed marker as configured for the ownership check, so the page and the check agree. */
function useIsDeparted(): (user: Entity) => boolean {
  const config = useApi(configApiRef);
  const { departedMarker } = readOwnerCheckOptions(config);
  return user => isMarkedDeparted(user, departedMarker);
}

/** On a user's page: says so when the person has left. */
export function DepartedUserNotice() {
  const { entity } = useEntity();
  const isDeparted = useIsDeparted();
  const { primaryTitle } = useEntityPresentation(entity);
  if (!isDeparted(entity)) return null;
  return (
    <Alert
      status="warning"
      icon
      mb="4"
      title={`${primaryTitle} has left`}
      description="What this person still owns is listed on the Ownership page and needs a new owner."
    />
  );
}

/** On a team's page: says so when nobody active is in it (no members, or all have left). */
export function EmptyTeamNotice() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const isDeparted = useIsDeparted();
  const { primaryTitle } = useEntityPresentation(entity);
  const memberRefs = getEntityRelations(entity, RELATION_HAS_MEMBER);
  const { value: activeMembers } = useAsync(async () => {
    if (memberRefs.length === 0) return 0;
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: memberRefs.map(ref => `user:${ref.namespace}/${ref.name}`),
      fields: ['kind', 'metadata'],
    });
    return items.filter(user => user && !isDeparted(user)).length;
  }, [entity]);
  if (activeMembers !== 0) return null;
  return (
    <Alert
      status="warning"
      icon
      mb="4"
      title={`${primaryTitle} has no members`}
      description={
        memberRefs.length
          ? 'Everyone in this team has left; what it owns needs a new owner.'
          : 'Nobody is in this team; what it owns needs a new owner.'
      }
    />
  );
}
