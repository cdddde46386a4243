import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LocalGitRepositories } from './LocalGitRepositories';

const ENTITY_NAME = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){2,39}$/;

/** What a golden path wants to create under one name. */
export interface NewName {
  /** Name of the new entity (also of its repository unless `repoName` is given). */
  name: string;
  /** Kind of the new entity; Component by default. */
  kind?: string;
  /** Repository to be created; the name by default. */
  repoName?: string;
}

/**
 * Why a golden path cannot take the name, or undefined when it is free: not kebab-case, taken by
 * an entity in the catalog, or by a repository. The one meaning of "taken", used by the
 * `golden-path:validate` step and by the form's check. Messages name no server paths.
 */
export async function findNameProblem(
  deps: { catalog: CatalogService; repositories: LocalGitRepositories },
  request: NewName,
  credentials: BackstageCredentials,
): Promise<string | undefined> {
  const { name } = request;
  if (!ENTITY_NAME.test(name)) {
    return `'${name}' must be 3-40 characters of lowercase letters, digits and single dashes, starting with a letter`;
  }
  const ref = stringifyEntityRef({
    kind: request.kind ?? 'Component',
    namespace: 'default',
    name,
  });
  if (await deps.catalog.getEntityByRef(ref, { credentials })) {
    return `'${ref}' already exists in the catalog`;
  }
  const repoName = request.repoName ?? name;
  if (await deps.repositories.exists(repoName)) {
    return `a repository '${repoName}' already exists`;
  }
  return undefined;
}
