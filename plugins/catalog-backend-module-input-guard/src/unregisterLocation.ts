import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** Every entity a registered location brought in, Locations left out (they have no owner). */
async function entitiesFrom(
  catalog: CatalogService,
  locationRef: string,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: {
        [`metadata.annotations.${ANNOTATION_ORIGIN_LOCATION}`]: locationRef,
      },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities.filter(e => e.kind.toLocaleLowerCase('en-US') !== 'location');
}

/**
 * Unregisters a registered location for a user who may: one allowed `catalog.location.delete`
 * (the admins, in this portal's policy), or one allowed `catalog.entity.delete` on every entity
 * the location brought in (their owners). The catalog then removes the location and its entities.
 */
export async function unregisterLocation(options: {
  id: string;
  credentials: BackstageCredentials;
  auth: AuthService;
  catalog: CatalogService;
  permissions: PermissionsService;
}): Promise<void> {
  const { id, credentials, auth, catalog, permissions } = options;
  const service = await auth.getOwnServiceCredentials();
  const location = await catalog.getLocationById(id, { credentials: service });
  if (!location) {
    throw new NotFoundError(`No registered location '${id}'`);
  }
  const locationRef = stringifyLocationRef(location);
  const [asAdmin] = await permissions.authorize(
    [{ permission: catalogLocationDeletePermission }],
    { credentials },
  );
  if (asAdmin.result !== AuthorizeResult.ALLOW) {
    const owned = await entitiesFrom(catalog, locationRef, service);
    if (owned.length === 0) {
      throw new NotAllowedError(
        `Only the portal's admins can unregister '${locationRef}' (the '${catalogLocationDeletePermission.name}' permission): nothing from it is in the catalog with an owner who could`,
      );
    }
    const decisions = await permissions.authorize(
      owned.map(e => ({
        permission: catalogEntityDeletePermission,
        resourceRef: stringifyEntityRef(e),
      })),
      { credentials },
    );
    const notYours = owned
      .filter((_, i) => decisions[i].result !== AuthorizeResult.ALLOW)
      .map(e => stringifyEntityRef(e));
    if (notYours.length) {
      throw new NotAllowedError(
        `You can unregister '${locationRef}' only if you own everything it brought in; you do not own ${notYours
          .slice(0, 3)
          .map(ref => `'${ref}'`)
          .join(', ')}${
          notYours.length > 3 ? ` and ${notYours.length - 3} more` : ''
        }`,
      );
    }
  }
  await catalog.removeLocationById(id, { credentials: service });
}
