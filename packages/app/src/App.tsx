import { createApp } from '@backstage/frontend-defaults';
import { catalogImportOwnerCheckModule } from '@internal/plugin-owner-validation';
import { catalogModule } from './modules/catalog';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';
import { orgModule } from './modules/org';
import { signInModule } from './modules/signIn';

/** The Lighthouse portal: every plugin package in package.json is discovered (`app.packages: all`). */
export default createApp({
  features: [
    navModule,
    signInModule,
    homeModule,
    catalogImportOwnerCheckModule,
    catalogModule,
    orgModule,
  ],
});
