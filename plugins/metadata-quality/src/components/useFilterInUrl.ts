import { MetadataQualityClient } from '@internal/plugin-metadata-quality-common';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Filters of the worst-entities list (query parameters of `GET /entities`). */
export type EntityListFilter = Pick<
  NonNullable<
    Parameters<MetadataQualityClient['listEntities']>[0]
  >['params'] extends infer P
    ? P extends { query?: infer Q }
      ? NonNullable<Q>
      : never
    : never,
  'kind' | 'owner' | 'level' | 'failingRule' | 'initiative'
>;

/** The list filters kept in the page's URL, so a filtered list can be linked to. */
export const FILTER_PARAMS = {
  kind: 'kind',
  owner: 'owner',
  level: 'level',
  failingRule: 'rule',
  initiative: 'initiative',
} as const;

/** One filter of {@link EntityListFilter}. */
export type FilterKey = keyof typeof FILTER_PARAMS;

/**
 * The worst-entities filter read from the URL, and a setter that writes one filter back. The
 * initiative also filters the leaderboard.
 */
export function useFilterInUrl(): [
  EntityListFilter,
  (key: FilterKey, value: string) => void,
] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const f: EntityListFilter = {};
    for (const [key, param] of Object.entries(FILTER_PARAMS)) {
      const value = params.get(param);
      if (!value) continue;
      if (key === 'initiative') {
        if (/^\d+$/.test(value)) f.initiative = Number(value);
      } else {
        f[key as Exclude<FilterKey, 'initiative'>] = value;
      }
    }
    return f;
  }, [params]);
  const set = (key: FilterKey, value: string) =>
    setParams(
      current => {
        const next = new URLSearchParams(current);
        if (value) next.set(FILTER_PARAMS[key], value);
        else next.delete(FILTER_PARAMS[key]);
        return next;
      },
      { replace: true },
    );
  return [filter, set];
}
