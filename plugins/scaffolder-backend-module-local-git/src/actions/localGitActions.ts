import { RootConfigService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  LOCAL_GIT_EVENT_TOPIC,
  LocalGitRepositories,
} from '../LocalGitRepositories';

/** What every local-git action works with. */
export interface LocalGitActionOptions {
  repositories: LocalGitRepositories;
  config: RootConfigService;
  /** Where the actions tell the catalog module what became of a repository. */
  events?: EventsService;
}

/**
 * Tells the catalog module (on {@link LOCAL_GIT_EVENT_TOPIC}) that repository `repoName` was
 * created, is to be registered, or was removed; it rescans the folder instead of waiting for its
 * schedule.
 */
export async function announceRepository(
  events: EventsService | undefined,
  repoName: string,
  action: 'created' | 'register' | 'removed',
) {
  await events?.publish({
    topic: LOCAL_GIT_EVENT_TOPIC,
    eventPayload: { repoName, action },
  });
}
