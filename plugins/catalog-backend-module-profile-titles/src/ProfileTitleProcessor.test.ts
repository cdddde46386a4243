import { Entity } from '@backstage/catalog-model';
import { ProfileTitleProcessor } from './ProfileTitleProcessor';

const processor = new ProfileTitleProcessor();
const run = (entity: Entity) => processor.preProcessEntity(entity);

function entity(
  kind: string,
  extra: Partial<Entity['metadata']> = {},
  profile?: object,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'martin.keller', ...extra },
    spec: profile ? { profile } : {},
  };
}

describe('ProfileTitleProcessor', () => {
  it("titles a user and a group with their profile's display name", async () => {
    expect(
      (await run(entity('User', {}, { displayName: 'Martin Keller' }))).metadata
        .title,
    ).toBe('Martin Keller');
    expect(
      (await run(entity('Group', {}, { displayName: ' Payments Team ' })))
        .metadata.title,
    ).toBe('Payments Team');
  });

  it('keeps a title the entity sets, and leaves other kinds and empty profiles alone', async () => {
    expect(
      (
        await run(
          entity(
            'User',
            { title: 'Dr. Keller' },
            { displayName: 'Martin Keller' },
          ),
        )
      ).metadata.title,
    ).toBe('Dr. Keller');
    expect(
      (await run(entity('Component', {}, { displayName: 'X' }))).metadata.title,
    ).toBeUndefined();
    expect(
      (await run(entity('User', {}, { displayName: '' }))).metadata.title,
    ).toBeUndefined();
    expect((await run(entity('User'))).metadata.title).toBeUndefined();
  });
});
