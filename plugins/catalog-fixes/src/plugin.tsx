import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { CatalogFixesClient } from '@internal/plugin-catalog-fixes-common';
import {
  catalogFixesApiRef,
  CHANGE_REQUESTS_PATH,
} from '@internal/plugin-catalog-fixes-react';
import CallMergeIcon from '@material-ui/icons/CallMerge';

/** The Change requests page; the sidebar lists pages that have a route ref. */
export const rootRouteRef = createRouteRef();

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogFixesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CatalogFixesClient({ discoveryApi, fetchApi }),
    }),
});

const page = PageBlueprint.make({
  params: {
    path: CHANGE_REQUESTS_PATH,
    routeRef: rootRouteRef,
    title: 'Change requests',
    icon: <CallMergeIcon />,
    loader: () =>
      import('./components/ChangeRequestsPage').then(m => (
        <m.ChangeRequestsPage />
      )),
  },
});

/** The catalog fixes frontend plugin: its client and the Change requests page. */
export default createFrontendPlugin({
  pluginId: 'catalog-fixes',
  title: 'Change requests',
  icon: <CallMergeIcon />,
  routes: { root: rootRouteRef },
  extensions: [api, page],
});
