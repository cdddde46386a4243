import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import orgPlugin from '@backstage/plugin-org/alpha';
import { DepartedUserNotice, EmptyTeamNotice } from './PersonStatusNotice';

/** A stock profile card with `Notice` above it: the first thing seen on the page. */
function withNoticeAbove(
  id: 'entity-card:org/user-profile' | 'entity-card:org/group-profile',
  Notice: () => JSX.Element | null,
) {
  return orgPlugin.getExtension(id).override({
    factory(originalFactory) {
      const original = originalFactory();
      return [
        ...original,
        coreExtensionData.reactElement(
          <>
            <Notice />
            {original.get(coreExtensionData.reactElement)}
          </>,
        ),
      ];
    },
  });
}

/** Lighthouse's changes to the stock user and group pages. */
export const orgModule = createFrontendModule({
  pluginId: 'org',
  extensions: [
    // When the person has left, or the team has nobody in it.
    withNoticeAbove('entity-card:org/user-profile', DepartedUserNotice),
    withNoticeAbove('entity-card:org/group-profile', EmptyTeamNotice),
  ],
});
