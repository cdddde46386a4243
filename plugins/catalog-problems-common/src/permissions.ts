import { createPermission } from '@backstage/plugin-permission-common';

/** Allows reading the catalog's processing problems. */
export const catalogProcessingProblemsReadPermission = createPermission({
  name: 'catalog.processing-problems.read',
  attributes: { action: 'read' },
});
