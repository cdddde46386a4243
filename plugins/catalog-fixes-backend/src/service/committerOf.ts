import { AuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CommitAuthor } from './LocalGitChanges';

/** The name and email a user's commits carry: their User entity's profile, else their name. */
export async function committerOf(
  userRef: string,
  catalog: CatalogService,
  auth: AuthService,
): Promise<CommitAuthor> {
  const { name } = parseEntityRef(userRef);
  const user = await catalog
    .getEntityByRef(userRef, {
      credentials: await auth.getOwnServiceCredentials(),
    })
    .catch(() => undefined);
  const profile = (user?.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
  };
  return {
    name: profile.displayName ?? name,
    email: profile.email ?? `${name}@users.lighthouse.invalid`,
  };
}
