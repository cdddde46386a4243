import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

/** Home page: the open owner findings of the signed-in user's teams, errors first. */
export const teamFindingsWidget = HomePageWidgetBlueprint.make({
  name: 'team-findings',
  params: {
    title: 'Open owner findings',
    description: 'Ownership problems of what your teams are responsible for',
    components: () =>
      import('./TeamFindingsContent').then(m => ({
        Content: m.TeamFindingsContent,
      })),
  },
});
