import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { refOf } from '@internal/plugin-metadata-quality-common';

/** A group ref or name from a query parameter (`payments`, `group:default/payments`), normalised. */
export function toGroupRef(value: string, param: string): string {
  try {
    return refOf(
      parseEntityRef(value, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    throw new InputError(
      `Invalid query parameter '${param}': '${value}' is not an entity reference`,
    );
  }
}
