import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
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

/** The entity's score, or undefined while it has none (the backend answers 404). */
export async function getScoreIfAny(
  api: MetadataQualityClient,
  entityRef: { kind: string; namespace: string; name: string },
): Promise<EntityScore | undefined> {
  try {
    return await api.getEntityScore({ params: { path: entityRef } });
  } catch (e) {
    if (e instanceof ResponseError && e.response.status === 404) {
      return undefined;
    }
    throw e;
  }
}
