import { LocalGitRepositories } from '@internal/plugin-scaffolder-backend-module-local-git';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalGitEntityProvider } from './LocalGitEntityProvider';

describe('LocalGitEntityProvider', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-provider-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('emits a file Location for every checkout with a catalog-info.yaml', async () => {
    for (const name of ['parcel-tracker', 'no-catalog-info', 'Not_Safe']) {
      fs.mkdirSync(path.join(root, 'checkouts', name), { recursive: true });
    }
    const target = path.join(
      root,
      'checkouts',
      'parcel-tracker',
      'catalog-info.yaml',
    );
    fs.writeFileSync(target, 'kind: Component\n');
    fs.writeFileSync(
      path.join(root, 'checkouts', 'Not_Safe', 'catalog-info.yaml'),
      'kind: Component\n',
    );

    const applyMutation = jest.fn();
    const provider = new LocalGitEntityProvider(new LocalGitRepositories(root));
    await provider.connect({ applyMutation, refresh: jest.fn() });

    expect(applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        {
          locationKey: `file:${target}`,
          entity: expect.objectContaining({
            kind: 'Location',
            metadata: expect.objectContaining({
              annotations: {
                'backstage.io/managed-by-location': `file:${target}`,
                'backstage.io/managed-by-origin-location': `file:${target}`,
              },
            }),
            spec: { type: 'file', target },
          }),
        },
      ],
    });

    // A removed checkout leaves the catalog at the next scan.
    fs.rmSync(path.join(root, 'checkouts', 'parcel-tracker'), {
      recursive: true,
    });
    await provider.refresh();
    expect(applyMutation).toHaveBeenLastCalledWith({
      type: 'full',
      entities: [],
    });
  });

  it('emits nothing while the folder does not exist', async () => {
    const applyMutation = jest.fn();
    const provider = new LocalGitEntityProvider(
      new LocalGitRepositories(path.join(root, 'missing')),
    );
    await provider.connect({ applyMutation, refresh: jest.fn() });
    expect(applyMutation).toHaveBeenCalledWith({ type: 'full', entities: [] });
  });
});
