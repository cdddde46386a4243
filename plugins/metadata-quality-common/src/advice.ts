import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { stringify } from 'yaml';
import { ownerRefOf, refOf, subcomponentOfRef } from './checks';
import { DEFAULT_RULES } from './defaultRules';
import { parsePath, readPath } from './entityPath';
import { CheckContext, QualityRule } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A ref as it is written in the entity's own file: `payments` for `system:default/payments`. */
export function shortRef(
  ref: string,
  entity: Entity,
  defaultKind: string,
): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const sameNamespace =
    namespace ===
    (entity.metadata.namespace ?? 'default').toLocaleLowerCase('en-US');
  if (kind === defaultKind.toLocaleLowerCase('en-US') && sameNamespace) {
    return name;
  }
  return sameNamespace ? `${kind}:${name}` : ref;
}

function titleOf(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** The entity's document with only its identity and the given fields, as YAML. */
function documentWith(entity: Entity, set: Array<[string, unknown]>): string {
  const document: Record<string, unknown> = {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      name: entity.metadata.name,
      ...(entity.metadata.namespace && entity.metadata.namespace !== 'default'
        ? { namespace: entity.metadata.namespace }
        : {}),
    },
  };
  for (const [path, value] of set) {
    let target = document;
    const parts = parsePath(path);
    parts.slice(0, -1).forEach(part => {
      if (typeof target[part] !== 'object' || target[part] === null) {
        target[part] = {};
      }
      target = target[part] as Record<string, unknown>;
    });
    target[parts[parts.length - 1]] = value;
  }
  return `\`\`\`yaml\n${stringify(document, {
    lineWidth: 0,
  }).trimEnd()}\n\`\`\``;
}

function inFile(entity: Entity, yaml: string): string {
  return `In the catalog-info.yaml that defines ${entity.kind} \`${entity.metadata.name}\`:\n\n${yaml}`;
}

const LIFECYCLE_ALIASES: Record<string, string> = {
  prod: 'production',
  live: 'production',
  ga: 'production',
  exp: 'experimental',
  beta: 'experimental',
  alpha: 'experimental',
  dev: 'experimental',
  development: 'experimental',
  dep: 'deprecated',
  eol: 'deprecated',
  retired: 'deprecated',
};

/** The allowed value closest to what is written (a known alias, a common prefix), else the first. */
export function nearestValue(value: unknown, allowed: string[]): string {
  const text = String(value ?? '')
    .trim()
    .toLocaleLowerCase('en-US');
  const exact = allowed.find(a => a.toLocaleLowerCase('en-US') === text);
  if (exact) return exact;
  const alias = LIFECYCLE_ALIASES[text];
  if (alias && allowed.includes(alias)) return alias;
  const prefixed = allowed.find(
    a =>
      text.length >= 2 &&
      (a.toLocaleLowerCase('en-US').startsWith(text) ||
        text.startsWith(a.toLocaleLowerCase('en-US'))),
  );
  return prefixed ?? allowed[0];
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
function checkFix(
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
    default:
      return '';
  }
}

/** A rule's own text with the entity's values in place of `{name}`, `{title}`, `{owner}` and the rest. */
export function fillPlaceholders(text: string, entity: Entity): string {
  const values: Record<string, string | undefined> = {
    name: entity.metadata.name,
    title: titleOf(entity),
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    ref: refOf(entity),
    owner: ownerRefOf(entity),
    system:
      typeof entity.spec?.system === 'string' ? entity.spec.system : undefined,
  };
  return text.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}

/**
 * How to fix one entity's failing rule, in Markdown: what is wrong with it and the YAML of its own
 * file that would fix it. A configured rule's own advice follows, with the entity's values filled in.
 */
export function fixFor(
  rule: QualityRule,
  entity: Entity,
  context: CheckContext,
): string {
  const own = checkFix(rule, entity, context);
  const builtIn = DEFAULT_RULES.find(r => r.id === rule.id);
  if (builtIn && builtIn.howToFix === rule.howToFix && own) return own;
  const configured = fillPlaceholders(rule.howToFix, entity);
  return own ? `${own}\n\n${configured}` : configured;
}
