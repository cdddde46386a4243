import { Entity } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { parsePath, readPath } from './entityPath';
import { documentWith, inFile } from './entityYaml';
import { ownerRefOf, refOf, shortRef, subcomponentOfRef } from './entityRefs';
import { nearestValue } from './nearestValue';
import { CheckContext, QualityRule } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The name readers know the entity by. */
export function titleOf(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

function ownerFix(entity: Entity, context: CheckContext): string {
  const entityRef = refOf(entity);
  const ownerRef = ownerRefOf(entity);
  const verdict = context.ownerVerdict(entityRef, ownerRef);
  if (verdict.suggestedOwner) {
    const owner = shortRef(verdict.suggestedOwner, entity, 'group');
    return `Owner validation suggests \`${verdict.suggestedOwner}\`. ${inFile(
      entity,
      documentWith(entity, [['spec.owner', owner]]),
    )}`;
  }
  const current = ownerRefOf(entity);
  return `${
    current
      ? `\`${current}\` is not a team the catalog knows, and`
      : 'It has no owner, and'
  } no team can be inferred for ${titleOf(
    entity,
  )}: name the Group that runs it. ${inFile(
    entity,
    documentWith(entity, [['spec.owner', 'group:<team that runs it>']]),
  )}`;
}

function systemFix(entity: Entity, context: CheckContext): string {
  const facts = context.facts?.(refOf(entity));
  const parent = subcomponentOfRef(entity);
  if (facts?.suggestedSystemRef) {
    return `It probably belongs to \`${facts.suggestedSystemRef}\`${
      facts.suggestedSystemReason ? ` (${facts.suggestedSystemReason})` : ''
    }. ${inFile(
      entity,
      documentWith(entity, [
        ['spec.system', shortRef(facts.suggestedSystemRef, entity, 'system')],
      ]),
    )}`;
  }
  return `${
    parent
      ? `Give \`${parent}\` a system (it is part of it), or name one here. `
      : ''
  }${inFile(
    entity,
    documentWith(entity, [
      ['spec.system', `<system ${titleOf(entity)} is part of>`],
    ]),
  )}`;
}

function apiFix(entity: Entity, context: CheckContext): string {
  const suggested = context.facts?.(refOf(entity))?.suggestedApiRefs ?? [];
  if (suggested.length > 0) {
    return `The catalog has ${suggested
      .map(ref => `\`${ref}\``)
      .join(', ')}, probably its API. ${inFile(
      entity,
      documentWith(entity, [
        [
          'spec.providesApis',
          suggested.map(ref => shortRef(ref, entity, 'api')),
        ],
      ]),
    )}`;
  }
  return `Describe its API as an entity of kind API (for example \`${
    entity.metadata.name
  }-api\`) and list it. ${inFile(
    entity,
    documentWith(entity, [
      ['spec.providesApis', [`${entity.metadata.name}-api`]],
    ]),
  )}`;
}

function sourceLocationFix(entity: Entity): string {
  const managedBy =
    entity.metadata.annotations?.['backstage.io/managed-by-location'] ?? '';
  const url = /^url:(.+\/)[^/]*$/.exec(managedBy)?.[1];
  return url
    ? `It is read from ${url}, so its source is probably there. ${inFile(
        entity,
        documentWith(entity, [
          [
            `metadata.annotations['backstage.io/source-location']`,
            `url:${url}`,
          ],
        ]),
      )}`
    : inFile(
        entity,
        documentWith(entity, [
          [
            `metadata.annotations['backstage.io/source-location']`,
            `url:<address of the repository of ${entity.metadata.name}>`,
          ],
        ]),
      );
}

function docsFix(entity: Entity, context: CheckContext): string {
  const hasRef =
    entity.metadata.annotations?.['backstage.io/techdocs-ref'] ??
    entity.metadata.annotations?.['backstage.io/techdocs-entity'];
  if (!hasRef) {
    const mkdocs = stringify(
      { site_name: titleOf(entity), nav: [{ Home: 'index.md' }] },
      { lineWidth: 0 },
    ).trimEnd();
    return `Add \`mkdocs.yml\` and \`docs/index.md\` next to the catalog-info.yaml of ${
      entity.metadata.name
    }:\n\n\`\`\`yaml\n${mkdocs}\n\`\`\`\n\nand point at them: ${inFile(
      entity,
      documentWith(entity, [
        [`metadata.annotations['backstage.io/techdocs-ref']`, 'dir:.'],
      ]),
    )}`;
  }
  const docs = context.docsState?.(refOf(entity));
  if (docs?.state === 'failed') {
    return `Fix the error in the mkdocs.yml or docs/ of ${entity.metadata.name}; the portal builds the docs again when the entity changes, or when someone opens them.`;
  }
  return `Nothing to change: the portal builds the docs of ${entity.metadata.name} by itself and the score follows within seconds of the build.`;
}

function linkFix(entity: Entity, match: string): string {
  const word =
    match
      .replace(/[^a-z-]/gi, ' ')
      .trim()
      .split(/\s+/)[0] || 'link';
  const title = word[0].toLocaleUpperCase('en-US') + word.slice(1);
  const links = [
    ...(entity.metadata.links ?? []),
    {
      url: `<address of the ${word} of ${entity.metadata.name}>`,
      title,
      ...(word === 'dashboard' ? { type: 'dashboard' } : {}),
    },
  ];
  return inFile(entity, documentWith(entity, [['metadata.links', links]]));
}

function freshnessFix(entity: Entity, context: CheckContext): string {
  const since = context.changedAt
    ? ` (unchanged since ${context.changedAt
        .toISOString()
        .slice(0, 10)}, ${Math.floor(
        (context.now.getTime() - context.changedAt.getTime()) / DAY_MS,
      )} days)`
    : '';
  return `Read the entry of ${titleOf(
    entity,
  )}${since} and commit what is out of date in its catalog-info.yaml (description, owner, links, tags), so readers know it is current.`;
}

/** The fix written from the entity for a failing check, without the rule's own text. */
export function checkFix(
  rule: QualityRule,
  entity: Entity,
  context: CheckContext,
): string {
  const check = rule.check;
  switch (check.type) {
    case 'fieldPresent':
      if (check.path === 'spec.owner') return ownerFix(entity, context);
      if (check.path === 'spec.system') return systemFix(entity, context);
      return inFile(
        entity,
        documentWith(entity, [
          [
            check.path,
            check.path === 'metadata.description'
              ? `<what ${titleOf(entity)} does, in one or two sentences>`
              : `<${parsePath(check.path).slice(-1)[0]} of ${
                  entity.metadata.name
                }>`,
          ],
        ]),
      );
    case 'fieldMatches': {
      const value = readPath(entity, check.path);
      const fixed = check.oneOf
        ? nearestValue(value, check.oneOf)
        : `<a value matching /${check.pattern}/>`;
      return `${
        value === undefined
          ? `${check.path} is not set.`
          : `${check.path} is '${String(value)}'.`
      } ${inFile(entity, documentWith(entity, [[check.path, fixed]]))}`;
    }
    case 'annotationPresent':
      if (check.annotation === 'backstage.io/source-location') {
        return sourceLocationFix(entity);
      }
      return inFile(
        entity,
        documentWith(entity, [
          [
            `metadata.annotations['${check.annotation}']`,
            `<${check.annotation} of ${entity.metadata.name}>`,
          ],
        ]),
      );
    case 'relationPresent':
      if (check.relation === 'providesApi') return apiFix(entity, context);
      if (check.relation === 'partOf') return systemFix(entity, context);
      if (check.relation === 'ownedBy') return ownerFix(entity, context);
      return `Nothing in the catalog relates ${titleOf(entity)} by ${
        check.relation
      }; add the spec field that creates that relation.`;
    case 'systemPresent':
      return systemFix(entity, context);
    case 'ownerValid':
      return ownerFix(entity, context);
    case 'techdocsPresent':
      return docsFix(entity, context);
    case 'linkPresent':
      return linkFix(entity, check.match);
    case 'freshness':
      return freshnessFix(entity, context);
    case 'confirmed':
      return `Read the entry of ${titleOf(
        entity,
      )}; if it is right, press "Still correct" on its Quality tab, otherwise fix its catalog-info.yaml first.`;
    default:
      return '';
  }
}
