export { chromiumLaunchOptions } from './chromium';
export { guestAuthHeader, signInAsGuest } from './signIn';
export { expectOnScreen, type OnScreenOptions } from './onScreen';
export { watchOffsiteRequests, type OffsiteRequests } from './offsiteRequests';
export { keepScreenshot } from './screenshots';
export {
  createGoldenPathService,
  e2eRepositories,
  portalApi,
  type PortalApi,
} from './goldenPath';
