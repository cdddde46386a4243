import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  EntityConfirmation,
  EntityScore,
  MetadataQualityClient,
} from '@internal/plugin-metadata-quality-common';

/** The metadata-quality backend's client, generated from its OpenAPI document. */
export const metadataQualityApiRef = createApiRef<MetadataQualityClient>().with(
  {
    id: 'metadata-quality',
    pluginId: 'metadata-quality',
  },
);

/** What `read` answers, or undefined when the backend answers 404. */
async function unlessMissing<T>(
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ResponseError && e.response.status === 404) {
      return undefined;
    }
    throw e;
  }
}

/** The entity's score, or undefined while it has none (the backend answers 404). */
export function getScoreIfAny(
  api: MetadataQualityClient,
  entityRef: { kind: string; namespace: string; name: string },
): Promise<EntityScore | undefined> {
  return unlessMissing(() =>
    api.getEntityScore({ params: { path: entityRef } }),
  );
}

/** The owners' latest confirmation of the entity, or undefined when it was never confirmed. */
export function getConfirmationIfAny(
  api: MetadataQualityClient,
  entityRef: { kind: string; namespace: string; name: string },
): Promise<EntityConfirmation | undefined> {
  return unlessMissing(() =>
    api.getConfirmation({ params: { path: entityRef } }),
  );
}
