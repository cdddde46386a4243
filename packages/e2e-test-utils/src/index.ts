export { chromiumLaunchOptions } from './chromium';
export { guestAuthHeader, sidebarNav, signInAsGuest } from './signIn';
export { expectOnScreen, type OnScreenOptions } from './onScreen';
export { watchOffsiteRequests, type OffsiteRequests } from './offsiteRequests';
export { keepScreenshot } from './screenshots';
export {
  createGoldenPathService,
  e2eRepositories,
  portalApi,
  signInWithGoldenPathService,
  type PortalApi,
} from './goldenPath';
export { serveCatalogFiles } from './catalogFiles';
