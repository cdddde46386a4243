import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  catalogEntity,
  componentEntity,
  groupEntity,
  userEntity,
} from './entities';

/** Teams and systems of the example catalog (examples/), which generated components use by default. */
const EXAMPLE_OWNERS = ['platform', 'payments', 'logistics', 'web'];
const EXAMPLE_SYSTEMS = ['payments', 'shipping', 'developer-portal'];

/** Options of {@link generateComponents}. */
export interface GenerateComponentsOptions {
  /** The i-th component is named `<prefix>-<i>` (default `generated-service`). */
  prefix?: string;
  /** Namespace of the components (default `default`). */
  namespace?: string;
  /** `spec.owner` of the i-th component (default the example catalog's teams in turn). */
  owner?: (i: number) => string | undefined;
  /** Systems given in turn (default the example catalog's); empty for none. */
  systems?: string[];
  /** Changes the i-th component before it is returned, e.g. to add annotations. */
  customize?: (component: Entity, i: number) => void;
}

/** `count` services with a description, tags, a source location, an owner and a system. */
export function generateComponents(
  count: number,
  options: GenerateComponentsOptions = {},
): Entity[] {
  const {
    prefix = 'generated-service',
    namespace = 'default',
    owner = i => `group:default/${EXAMPLE_OWNERS[i % EXAMPLE_OWNERS.length]}`,
    systems = EXAMPLE_SYSTEMS,
    customize,
  } = options;
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${i}`;
    const component = componentEntity(
      name,
      {
        owner: owner(i),
        ...(systems.length ? { system: systems[i % systems.length] } : {}),
      },
      {
        namespace,
        description: `Generated service number ${i}.`,
        tags: ['generated'],
        annotations: {
          'backstage.io/source-location': `url:https://git.acme-logistics.example/${namespace}/${name}`,
        },
      },
    );
    customize?.(component, i);
    return component;
  });
}

/** Options of {@link generateOrg}. */
export interface GenerateOrgOptions {
  /** Groups `<groupPrefix>-0` to `-<groups - 1>`, a tree of four children each under the first. */
  groups: number;
  /** Users `<userPrefix>-0` and on, the u-th a member of group u modulo `groups` (default none). */
  users?: number;
  /** Default `team`. */
  groupPrefix?: string;
  /** Default `user`. */
  userPrefix?: string;
  /** Every n-th group (n - 1, 2n - 1, ...) has no members: its users join the group before it. */
  emptyGroupEvery?: number;
  /** Annotations of the u-th user, e.g. a departed marker. */
  userAnnotations?: (u: number) => Record<string, string> | undefined;
}

/** The parent of the g-th generated group: a tree of four children each. */
export function generatedGroupParent(g: number): number | undefined {
  return g ? Math.floor((g - 1) / 4) : undefined;
}

/** Groups in a tree and users in them, in the default namespace. */
export function generateOrg(options: GenerateOrgOptions): Entity[] {
  const {
    groups,
    users = 0,
    groupPrefix = 'team',
    userPrefix = 'user',
    emptyGroupEvery,
    userAnnotations,
  } = options;
  const org: Entity[] = [];
  for (let g = 0; g < groups; g++) {
    const parent = generatedGroupParent(g);
    org.push(
      groupEntity(
        `${groupPrefix}-${g}`,
        parent === undefined ? {} : { parent: `${groupPrefix}-${parent}` },
      ),
    );
  }
  for (let u = 0; u < users; u++) {
    let group = u % groups;
    if (emptyGroupEvery && group % emptyGroupEvery === emptyGroupEvery - 1) {
      group -= 1;
    }
    const annotations = userAnnotations?.(u);
    org.push(
      userEntity(
        `${userPrefix}-${u}`,
        { memberOf: [`${groupPrefix}-${group}`] },
        annotations ? { annotations } : {},
      ),
    );
  }
  return org;
}

/**
 * Writes `entities` as catalog files of `perFile` entities each (a catalog-info.yaml stays far
 * below the input guard's 2 MiB limit) into `dir`, and a Location listing them; returns the
 * Location's path, to register as a `file` location allowing `Location` and the entities' kinds.
 * The Location is named after the folder (`generated-<folder>`), so several folders can be registered.
 */
export function writeCatalogFiles(
  dir: string,
  entities: Entity[],
  options: { perFile?: number } = {},
): string {
  const { perFile = 500 } = options;
  fs.mkdirSync(dir, { recursive: true });
  const targets: string[] = [];
  for (let i = 0; i < entities.length; i += perFile) {
    const name = `entities-${i / perFile}.yaml`;
    fs.writeFileSync(
      path.join(dir, name),
      entities
        .slice(i, i + perFile)
        .map(e => stringify(e))
        .join('---\n'),
    );
    targets.push(`./${name}`);
  }
  const file = path.join(dir, 'all.yaml');
  fs.writeFileSync(
    file,
    stringify(
      catalogEntity(
        'Location',
        `generated-${path.basename(dir).replace(/[^A-Za-z0-9-]/g, '-')}`,
        { targets },
        { namespace: 'default' },
      ),
    ),
  );
  return file;
}
