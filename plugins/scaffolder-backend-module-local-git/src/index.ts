/**
 * Scaffolder actions for golden paths whose repositories live in a folder on the portal host.
 *
 * @packageDocumentation
 */
export { scaffolderModuleLocalGit as default } from './module';
export {
  LocalGitRepositories,
  LOCAL_GIT_EVENT_TOPIC,
  DEFAULT_LOCAL_GIT_ROOT,
  git,
} from './LocalGitRepositories';
export type {
  LocalGitRepositoryPaths,
  GitAuthor,
} from './LocalGitRepositories';
export { commitOutsidePortal, type OutsideCommit } from './outsideCommit';
