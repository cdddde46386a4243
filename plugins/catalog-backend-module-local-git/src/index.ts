/**
 * Catalog registration of the local git repositories created by publish:local-git.
 *
 * @packageDocumentation
 */
export { catalogModuleLocalGit as default } from './module';
export { LocalGitEntityProvider } from './LocalGitEntityProvider';
