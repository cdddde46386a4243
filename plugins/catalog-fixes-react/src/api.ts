import { ResponseError } from '@backstage/errors';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CatalogFixesClient } from '@internal/plugin-catalog-fixes-common';

/** The catalog-fixes backend's client, generated from its OpenAPI document. */
export const catalogFixesApiRef = createApiRef<CatalogFixesClient>().with({
  id: 'catalog-fixes',
  pluginId: 'catalog-fixes',
});

/** The server's own sentence for an error ("the file changed since; propose again"). */
export function errorText(error: Error): string {
  if (ResponseError.is(error)) {
    return error.body?.error?.message ?? error.message;
  }
  return error.message;
}
