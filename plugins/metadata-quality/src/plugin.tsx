import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import {
  DEFAULT_RULES,
  MetadataQualityClient,
} from '@internal/plugin-metadata-quality-common';
import { metadataQualityApiRef } from './api';
import {
  needsActionWidget,
  ownedEntitiesWidget,
  recentlyChangedWidget,
} from './home/widgets';

import {
  initiativeRouteRef,
  initiativesRouteRef,
  rootRouteRef,
} from './routes';

export { rootRouteRef };

const api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: metadataQualityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new MetadataQualityClient({ discoveryApi, fetchApi }),
    }),
});

// Kinds the built-in rules score; users, groups, locations and templates get no quality card or tab
// (no rule applies to them, so there is no score to show).
const scoredKinds = new Set(
  DEFAULT_RULES.flatMap(rule => rule.appliesTo?.kinds ?? []).map(kind =>
    kind.toLocaleLowerCase('en-US'),
  ),
);
const isScored = (entity: { kind: string }) =>
  scoredKinds.has(entity.kind.toLocaleLowerCase('en-US'));

const card = EntityCardBlueprint.make({
  name: 'quality-score',
  params: {
    filter: isScored,
    loader: () =>
      import('./components/QualityCard').then(m => <m.QualityCard />),
  },
});

const teamConfirmCard = EntityCardBlueprint.make({
  name: 'quality-team-confirm',
  params: {
    filter: (entity: { kind: string }) =>
      entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./components/TeamConfirmCard').then(m => <m.TeamConfirmCard />),
  },
});

const content = EntityContentBlueprint.make({
  name: 'quality',
  params: {
    path: 'quality',
    title: 'Quality',
    filter: isScored,
    loader: () => import('./components/QualityTab').then(m => <m.QualityTab />),
  },
});

const page = PageBlueprint.make({
  params: {
    path: '/quality',
    routeRef: rootRouteRef,
    title: 'Quality',
    icon: <AssessmentIcon />,
    loader: () =>
      import('./components/QualityPage').then(m => <m.QualityPage />),
  },
});

// Its path lies under the Quality page's; without a route ref it adds no sidebar item.
const initiativesPage = PageBlueprint.make({
  name: 'initiatives',
  params: {
    path: '/quality/initiatives',
    title: 'Initiatives',
    loader: () =>
      import('./components/initiatives/InitiativesPage').then(m => (
        <m.InitiativesPage />
      )),
  },
});

/** The metadata quality frontend plugin. */
export default createFrontendPlugin({
  pluginId: 'metadata-quality',
  title: 'Quality',
  icon: <AssessmentIcon />,
  routes: {
    root: rootRouteRef,
    initiatives: initiativesRouteRef,
    initiative: initiativeRouteRef,
  },
  extensions: [
    api,
    card,
    teamConfirmCard,
    content,
    page,
    initiativesPage,
    needsActionWidget,
    ownedEntitiesWidget,
    recentlyChangedWidget,
  ],
});
