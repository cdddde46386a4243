import { Entity, EntityMeta } from '@backstage/catalog-model';
import { DEFAULT_RULES } from '../defaultRules';

/** The default rule `id`. */
export const defaultRule = (id: string) =>
  DEFAULT_RULES.find(r => r.id === id)!;

/**
 * Component ledger-writer in namespace finance, registered from its repository's catalog-info.yaml:
 * a service owned by a person, on a lifecycle no rule knows, in no system. `metadata` adds to its
 * metadata.
 */
export function ledgerWriter(metadata: Partial<EntityMeta> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger-writer',
      namespace: 'finance',
      annotations: {
        'backstage.io/managed-by-location':
          'url:https://git.example.com/finance/ledger/blob/main/catalog-info.yaml',
      },
      ...metadata,
    },
    spec: { type: 'service', lifecycle: 'prod', owner: 'user:dora' },
  };
}
