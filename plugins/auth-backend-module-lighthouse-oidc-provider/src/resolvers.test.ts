import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { AuthResolverContext } from '@backstage/plugin-auth-node';
import { createLighthouseSignInResolvers } from './resolvers';

function user(
  name: string,
  email: string,
  extra: Partial<Entity['metadata']> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default', ...extra },
    spec: { profile: { email }, memberOf: ['platform'] },
  };
}

/** A resolver context over a fixed list of users, recording the tokens it issues. */
function contextWith(users: Entity[]) {
  const issueToken = jest.fn(async (params: { claims: { sub: string } }) => ({
    token: `token-for-${params.claims.sub}`,
  }));
  const ctx = {
    issueToken,
    findCatalogUser: jest.fn(async query => {
      const email = (query as { filter: Record<string, string> }).filter[
        'spec.profile.email'
      ];
      const entity = users.find(
        u => (u.spec as { profile: { email: string } }).profile.email === email,
      );
      if (!entity) throw new NotFoundError('User not found');
      return { entity };
    }),
    signInWithCatalogUser: jest.fn(),
    resolveOwnershipEntityRefs: jest.fn(async (entity: Entity) => ({
      ownershipEntityRefs: [
        `user:default/${entity.metadata.name}`,
        'group:default/platform',
      ],
    })),
  } as unknown as AuthResolverContext;
  return { ctx, issueToken };
}

const resolve = (
  email: string | undefined,
  users: Entity[],
  options?: Parameters<typeof createLighthouseSignInResolvers>[0],
) => {
  const { ctx, issueToken } = contextWith(users);
  const resolver =
    createLighthouseSignInResolvers(options).emailMatchingActiveUserEntity();
  return {
    result: resolver({ profile: { email }, result: {} } as any, ctx),
    issueToken,
  };
};

describe('emailMatchingActiveUserEntity', () => {
  const alice = user('alice', 'alice@acme.example');
  const martin = user('martin', 'martin@acme.example', {
    annotations: { 'lighthouse.acme/departed': 'true' },
  });

  it('signs in the user whose profile email matches, with their ownership refs', async () => {
    const { result, issueToken } = resolve('alice@acme.example', [
      alice,
      martin,
    ]);
    await expect(result).resolves.toEqual({
      token: 'token-for-user:default/alice',
    });
    expect(issueToken).toHaveBeenCalledWith({
      claims: {
        sub: 'user:default/alice',
        ent: ['user:default/alice', 'group:default/platform'],
      },
    });
  });

  it('refuses a person with no User entity', async () => {
    const { result, issueToken } = resolve('ghost@acme.example', [alice]);
    await expect(result).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        "Sign-in refused: no user in the catalog has the email 'ghost@acme.example'",
    });
    expect(issueToken).not.toHaveBeenCalled();
  });

  it('refuses a user marked departed by annotation or label', async () => {
    await expect(
      resolve('martin@acme.example', [alice, martin]).result,
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: "Sign-in refused: 'user:default/martin' is marked as departed",
    });
    const labelled = user('lea', 'lea@acme.example', {
      labels: { 'lighthouse.acme/departed': 'TRUE' },
    });
    await expect(
      resolve('lea@acme.example', [labelled]).result,
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('judges departure by the configured marker', async () => {
    const left = user('bob', 'bob@acme.example', {
      annotations: {
        'acme.io/status': 'left',
        'lighthouse.acme/departed': 'true',
      },
    });
    const options = {
      departedMarker: { key: 'acme.io/status', value: 'left' },
    };
    await expect(
      resolve('bob@acme.example', [left], options).result,
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
    // The default marker means nothing once another is configured.
    await expect(
      resolve('martin@acme.example', [martin], options).result,
    ).resolves.toEqual({ token: 'token-for-user:default/martin' });
  });

  it('refuses a profile without a verified email', async () => {
    await expect(resolve(undefined, [alice]).result).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'Sign-in refused: the identity provider gave no verified email address',
    });
  });

  it('passes other catalog errors on', async () => {
    const { ctx } = contextWith([]);
    (ctx.findCatalogUser as jest.Mock).mockRejectedValue(
      Object.assign(new Error('User lookup resulted in multiple matches'), {
        name: 'ConflictError',
      }),
    );
    const resolver =
      createLighthouseSignInResolvers().emailMatchingActiveUserEntity();
    await expect(
      resolver(
        { profile: { email: 'a@acme.example' }, result: {} } as any,
        ctx,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });
});
