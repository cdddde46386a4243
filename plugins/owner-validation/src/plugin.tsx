import {
  ApiBlueprint,
  createFrontendModule,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import catalogImportPlugin from '@backstage/plugin-catalog-import/alpha';
import { catalogEntityCreatePermission } from '@backstage/plugin-catalog-common/alpha';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  OWNED_KINDS,
  OwnerValidationClient,
} from '@internal/plugin-owner-validation-common';
import SupervisorAccountIcon from '@material-ui/icons/SupervisorAccount';
import { ownerValidationApiRef } from './api';
import { teamFindingsWidget } from './home/widget';

/** The Ownership page; a page needs a route ref to get a sidebar item. */
export const rootRouteRef = createRouteRef();

const ownedKinds = new Set<string>(OWNED_KINDS.map(k => k.toLowerCase()));

/** The client of the owner-validation backend. */
export const ownerValidationApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ownerValidationApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OwnerValidationClient({ discoveryApi, fetchApi }),
    }),
});

/** Warns on the entity page when the owner has a problem. */
export const ownerWarningCard = EntityCardBlueprint.make({
  name: 'owner-warning',
  params: {
    // In the info column beside About, near the top of the page, rather than below the fold.
    type: 'info',
    filter: entity => ownedKinds.has(entity.kind.toLowerCase()),
    loader: () =>
      import('./components/OwnerWarningCard').then(m => <m.OwnerWarningCard />),
  },
});

/** The Ownership page: problems grouped by team. */
export const ownershipPage = PageBlueprint.make({
  params: {
    path: '/ownership',
    routeRef: rootRouteRef,
    title: 'Ownership',
    icon: <SupervisorAccountIcon fontSize="inherit" />,
    loader: () =>
      import('./components/OwnershipPage').then(m => <m.OwnershipPage />),
  },
});

// Below the Ownership page; without a route ref it adds no sidebar item.
const handoversPage = PageBlueprint.make({
  name: 'handovers',
  params: {
    path: '/ownership/handovers',
    title: 'Handovers',
    loader: () =>
      import('./components/HandoversPage').then(m => <m.HandoversPage />),
  },
});

/** Owner validation: the Ownership page, its handovers and the entity warning card. */
export default createFrontendPlugin({
  pluginId: 'owner-validation',
  title: 'Ownership',
  icon: <SupervisorAccountIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    ownerValidationApi,
    ownerWarningCard,
    ownershipPage,
    handoversPage,
    teamFindingsWidget,
  ],
});

/**
 * Replaces the stock catalog-import page (same path, route and permission) with one whose
 * review step shows the owner findings of the entities before they are imported.
 */
export const catalogImportOwnerCheckModule = createFrontendModule({
  pluginId: 'catalog-import',
  extensions: [
    catalogImportPlugin.getExtension('page:catalog-import').override({
      params: {
        loader: async () => {
          const [{ OwnerCheckedImportPage }, { RequirePermission }] =
            await Promise.all([
              import('./components/OwnerCheckedImportPage'),
              import('@backstage/plugin-permission-react'),
            ]);
          return (
            <RequirePermission permission={catalogEntityCreatePermission}>
              <OwnerCheckedImportPage />
            </RequirePermission>
          );
        },
      },
    }),
  ],
});
