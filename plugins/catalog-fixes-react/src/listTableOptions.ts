import type { TableOptions } from '@backstage/core-components';

/**
 * The options of a dense list table without search, paged by `pageSize` rows only when its
 * `rowCount` rows do not fit on one page.
 */
export function listTableOptions(
  rowCount: number,
  pageSize: number,
): TableOptions {
  return {
    paging: rowCount > pageSize,
    pageSize,
    search: false,
    padding: 'dense',
  };
}
