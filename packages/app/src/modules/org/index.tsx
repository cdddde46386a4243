import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import orgPlugin from '@backstage/plugin-org/alpha';
import { DepartedUserNotice, EmptyTeamNotice } from './PersonStatusNotice';

/**
 * The stock profile cards, with a notice above them when the person has left or the team has
 * nobody in it: the first thing seen on those pages.
 */
const userProfileCard = orgPlugin
  .getExtension('entity-card:org/user-profile')
  .override({
    factory(originalFactory) {
      const original = originalFactory();
      return [
        ...original,
        coreExtensionData.reactElement(
          <>
            <DepartedUserNotice />
            {original.get(coreExtensionData.reactElement)}
          </>,
        ),
      ];
    },
  });

const groupProfileCard = orgPlugin
  .getExtension('entity-card:org/group-profile')
  .override({
    factory(originalFactory) {
      const original = originalFactory();
      return [
        ...original,
        coreExtensionData.reactElement(
          <>
            <EmptyTeamNotice />
            {original.get(coreExtensionData.reactElement)}
          </>,
        ),
      ];
    },
  });

/** Lighthouse's changes to the stock user and group pages. */
export const orgModule = createFrontendModule({
  pluginId: 'org',
  extensions: [userProfileCard, groupProfileCard],
});
