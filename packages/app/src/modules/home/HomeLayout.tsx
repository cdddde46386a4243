import { Content, Header, Link, Page } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  HomePageLayoutProps,
  HomePageWidgetData,
} from '@backstage/plugin-home-react/alpha';
import { HomePageSearchBar } from '@backstage/plugin-search';
import { Box, Grid } from '@material-ui/core';
import useAsync from 'react-use/esm/useAsync';

// Widgets by extension id: what needs doing on the left, everything else on the right.
const MAIN = [
  'home-page-widget:metadata-quality/needs-action',
  'home-page-widget:metadata-quality/owned-entities',
];
const SIDE = [
  'home-page-widget:owner-validation/team-findings',
  'home-page-widget:metadata-quality/recently-changed',
  'home-page-widget:home/starred-entities',
];

function pick(widgets: HomePageWidgetData[], ids: string[]) {
  return ids.flatMap(id => widgets.filter(w => w.node.spec.id === id));
}

const Column = ({ widgets }: { widgets: HomePageWidgetData[] }) => (
  <Box display="flex" flexDirection="column" style={{ gap: 24 }}>
    {widgets.map(w => (
      <section key={w.node.spec.id} aria-label={w.title}>
        {w.component}
      </section>
    ))}
  </Box>
);

/**
 * The home page: a greeting, the search box, and the widgets in two fixed columns (rather than
 * the stock drag-and-drop grid, whose fixed row heights cut the lists off).
 */
export function HomeLayout({ widgets }: HomePageLayoutProps) {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  // The sign-in provider's name, else the one in the user's catalog entry (the guest has only that).
  const { value: name } = useAsync(async () => {
    const profile = await identityApi.getProfileInfo();
    if (profile.displayName) return profile.displayName;
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    const user = await catalogApi.getEntityByRef(userEntityRef);
    const entityProfile = user?.spec?.profile as { displayName?: string } | undefined;
    return entityProfile?.displayName ?? user?.metadata.title;
  }, [identityApi, catalogApi]);
  const known = new Set([...MAIN, ...SIDE]);
  const rest = widgets.filter(w => !known.has(w.node.spec.id));
  return (
    <Page themeId="home">
      <Header
        title={name ? `Welcome, ${name}` : 'Welcome'}
        subtitle="What you and your teams own, and what needs fixing"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <Box display="flex" alignItems="center" style={{ gap: 24 }}>
              <Box flexGrow={1}>
                <HomePageSearchBar placeholder="Search entities and docs" />
              </Box>
              <Link to="/catalog">Browse the whole catalog</Link>
            </Box>
          </Grid>
          <Grid item xs={12} md={8}>
            <Column widgets={pick(widgets, MAIN)} />
          </Grid>
          <Grid item xs={12} md={4}>
            <Column widgets={[...pick(widgets, SIDE), ...rest]} />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
