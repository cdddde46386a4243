import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { refOf, resolveRefIn } from '@internal/plugin-metadata-quality-common';
import { GroupRow } from '../database/QualityStore';

// Only what the groups table needs.
const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.parent',
  'spec.profile.displayName',
];

/** A catalog group as the groups table stores it: its ref, its parent's and its display name. */
export function groupRowOf(group: Entity): GroupRow {
  const parent = resolveRefIn(group, group.spec?.parent, 'group');
  return {
    groupRef: refOf(group),
    ...(parent ? { parentRef: parent } : {}),
    title:
      (group.spec?.profile as { displayName?: string } | undefined)
        ?.displayName ?? group.metadata.title,
  };
}

/** Every group in the catalog, page by page. */
export async function loadCatalogGroups(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  pageSize: number;
}): Promise<GroupRow[]> {
  const groups: GroupRow[] = [];
  for await (const page of options.catalog.streamEntities(
    {
      filter: { kind: 'group' },
      fields: GROUP_FIELDS,
      pageSize: options.pageSize,
    },
    { credentials: options.credentials },
  )) {
    groups.push(...page.map(groupRowOf));
  }
  return groups;
}
