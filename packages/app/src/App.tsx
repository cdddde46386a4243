import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';

/** The Lighthouse portal: every plugin package in package.json is discovered (`app.packages: all`). */
export default createApp({
  features: [navModule],
});
