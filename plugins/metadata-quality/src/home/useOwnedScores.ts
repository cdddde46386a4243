import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import {
  EntityScore,
  QualityLevel,
  ServedQualityRule,
} from '@internal/plugin-metadata-quality-common';
import useAsync from 'react-use/esm/useAsync';
import { metadataQualityApiRef } from '../api';

/** The most scores read per owner; the Quality page lists the rest. */
const LIMIT = 500;

/** The scores of what the signed-in user owns, and the rules they were scored with. */
export interface OwnedScores {
  /** The user and their teams (identity ownership refs). */
  ownershipRefs: string[];
  items: EntityScore[];
  /** More entities are owned than were read. */
  truncated: boolean;
  rules: ServedQualityRule[];
  levels: QualityLevel[];
}

/** Reads the scores of every entity owned by the signed-in user or one of their teams. */
export function useOwnedScores() {
  const identityApi = useApi(identityApiRef);
  const qualityApi = useApi(metadataQualityApiRef);
  return useAsync(async (): Promise<OwnedScores> => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const [{ rules, levels }, pages] = await Promise.all([
      qualityApi.getRules(),
      Promise.all(
        ownershipEntityRefs.map(owner =>
          qualityApi.listEntities({
            params: {
              query: { owner, orderBy: 'score', order: 'asc', limit: LIMIT },
            },
          }),
        ),
      ),
    ]);
    const items = new Map<string, EntityScore>();
    for (const item of pages.flatMap(p => p.items)) {
      items.set(item.entityRef, item);
    }
    return {
      ownershipRefs: ownershipEntityRefs,
      items: [...items.values()].sort(
        (a, b) => a.score - b.score || a.entityRef.localeCompare(b.entityRef),
      ),
      truncated: pages.some(p => p.totalItems > p.items.length),
      rules,
      levels,
    };
  }, [identityApi, qualityApi]);
}
