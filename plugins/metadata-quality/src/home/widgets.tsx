import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

/** Home page: the owned entities to fix first, each with what to do. */
export const needsActionWidget = HomePageWidgetBlueprint.make({
  name: 'needs-action',
  params: {
    title: 'Needs your action first',
    description:
      'Owned entities whose owner check fails, then the lowest scores',
    components: () =>
      import('./NeedsActionContent').then(m => ({
        Content: m.NeedsActionContent,
      })),
  },
});

/** Home page: every owned entity with its level and score. */
export const ownedEntitiesWidget = HomePageWidgetBlueprint.make({
  name: 'owned-entities',
  params: {
    title: "Your teams' entities",
    description: 'What you and your teams own, with level and score',
    components: () =>
      import('./OwnedEntitiesContent').then(m => ({
        Content: m.OwnedEntitiesContent,
      })),
  },
});

/** Home page: the owned entities that changed most recently. */
export const recentlyChangedWidget = HomePageWidgetBlueprint.make({
  name: 'recently-changed',
  params: {
    title: 'Recently changed',
    description: 'Owned entities whose definition changed most recently',
    components: () =>
      import('./RecentlyChangedContent').then(m => ({
        Content: m.RecentlyChangedContent,
      })),
  },
});
