import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { CatalogProblemsClient } from '@internal/plugin-catalog-problems-common';
import { catalogProblemsApiRef } from './api';

/** The Catalog problems page; a page needs a route ref to get a sidebar item. */
export const rootRouteRef = createRouteRef();

/** The client of the catalog's processing-problems route. */
export const catalogProblemsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogProblemsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CatalogProblemsClient({ discoveryApi, fetchApi }),
    }),
});

/** The Catalog problems page: what the catalog could not ingest, and why. */
export const catalogProblemsPage = PageBlueprint.make({
  params: {
    path: '/catalog-problems',
    routeRef: rootRouteRef,
    title: 'Catalog problems',
    icon: <ReportProblemIcon fontSize="inherit" />,
    loader: () =>
      import('./components/CatalogProblemsPage').then(m => (
        <m.CatalogProblemsPage />
      )),
  },
});

/** Catalog problems: files and entities the catalog could not ingest. */
export default createFrontendPlugin({
  pluginId: 'catalog-problems',
  title: 'Catalog problems',
  icon: <ReportProblemIcon />,
  routes: { root: rootRouteRef },
  extensions: [catalogProblemsApi, catalogProblemsPage],
});
