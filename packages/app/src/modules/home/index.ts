import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageLayoutBlueprint } from '@backstage/plugin-home-react/alpha';

/** Lays out the stock home page (`@backstage/plugin-home`); the widgets come from the plugins. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [
    HomePageLayoutBlueprint.make({
      params: {
        loader: () => import('./HomeLayout').then(m => m.HomeLayout),
      },
    }),
  ],
});
