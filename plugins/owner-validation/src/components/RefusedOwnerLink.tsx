import { Link } from '@backstage/core-components';
import type { OwnerFinding } from '@internal/plugin-owner-validation-common';

/** Where the Catalog problems page is mounted (plugins/catalog-problems); `?q=` filters it. */
const CATALOG_PROBLEMS_PATH = '/catalog-problems';

/** For an owner the catalog refused, a link to the catalog problem saying why; nothing otherwise. */
export function RefusedOwnerLink(props: {
  finding: Pick<OwnerFinding, 'type' | 'ownerRef'>;
}) {
  const { type, ownerRef } = props.finding;
  if (type !== 'ownerRefused' || !ownerRef) return null;
  return (
    <Link to={`${CATALOG_PROBLEMS_PATH}?q=${encodeURIComponent(ownerRef)}`}>
      See why the catalog refused it
    </Link>
  );
}
