import { Entity } from '@backstage/catalog-model';
import { EntityEdit } from './entityEdits';
import { parsePath, readPath } from './entityPath';
import { documentWith, inFile, yamlOf } from './entityYaml';
import {
  entityRefIn,
  ownerRefOf,
  shortRef,
  subcomponentOfRef,
} from './entityRefs';
import { nearestValue } from './nearestValue';
import { AdvicePart, CheckContext, QualityRule } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The fix of a failing check as data: what to say, and the edits of the entity's own document in
 * its catalog-info.yaml. The advice text is written from it, and the portal applies `edits` as
 * they are when `mechanical`.
 */
export interface CheckFixPlan {
  /** What is wrong and what to do, before the YAML (Markdown, with YAML of other files as data); may be empty. */
  text: AdvicePart[];
  /** The edits of the entity's document; absent when the fix is not a change of catalog-info.yaml. */
  edits?: EntityEdit[];
  /**
   * True when the edits hold only values the portal knows (a suggested owner, a system, an allowed
   * value): applied as they are, they fix the check. False when a person has to fill in a value or
   * add other files.
   */
  mechanical: boolean;
}

/** The name readers know the entity by. */
export function titleOf(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

/** The edit that makes `suggestedOwner` (a full ref) the owner, written as the file writes refs. */
export function ownerEdits(
  entity: Entity,
  suggestedOwner: string,
): EntityEdit[] {
  return [
    {
      type: 'set',
      path: 'spec.owner',
      value: shortRef(suggestedOwner, entity, 'group'),
    },
  ];
}

/** Plain words as advice: none when empty. */
const said = (text: string): AdvicePart[] => (text ? [text] : []);

const manual = (
  text: string | AdvicePart[],
  edits: EntityEdit[],
): CheckFixPlan => ({
  text: typeof text === 'string' ? said(text) : text,
  edits,
  mechanical: false,
});

function ownerFix(entity: Entity, context: CheckContext): CheckFixPlan {
  const verdict = context.ownerVerdict(
    entityRefIn(entity, context),
    ownerRefOf(entity),
  );
  if (verdict.suggestedOwner) {
    return {
      text: [`Owner validation suggests \`${verdict.suggestedOwner}\`.`],
      edits: ownerEdits(entity, verdict.suggestedOwner),
      mechanical: true,
    };
  }
  const current = ownerRefOf(entity);
  return manual(
    `${
      current
        ? `\`${current}\` is not a team the catalog knows, and`
        : 'It has no owner, and'
    } no team can be inferred for ${titleOf(
      entity,
    )}: name the Group that runs it.`,
    [{ type: 'set', path: 'spec.owner', value: 'group:<team that runs it>' }],
  );
}

function systemFix(entity: Entity, context: CheckContext): CheckFixPlan {
  const facts = context.facts?.(entityRefIn(entity, context));
  const parent = subcomponentOfRef(entity);
  if (facts?.suggestedSystemRef) {
    return {
      text: [
        `It probably belongs to \`${facts.suggestedSystemRef}\`${
          facts.suggestedSystemReason ? ` (${facts.suggestedSystemReason})` : ''
        }.`,
      ],
      edits: [
        {
          type: 'set',
          path: 'spec.system',
          value: shortRef(facts.suggestedSystemRef, entity, 'system'),
        },
      ],
      mechanical: true,
    };
  }
  return manual(
    parent
      ? `Give \`${parent}\` a system (it is part of it), or name one here.`
      : '',
    [
      {
        type: 'set',
        path: 'spec.system',
        value: `<system ${titleOf(entity)} is part of>`,
      },
    ],
  );
}

function apiFix(entity: Entity, context: CheckContext): CheckFixPlan {
  const suggested =
    context.facts?.(entityRefIn(entity, context))?.suggestedApiRefs ?? [];
  if (suggested.length > 0) {
    return {
      text: [
        `The catalog has ${suggested
          .map(ref => `\`${ref}\``)
          .join(', ')}, probably its API.`,
      ],
      edits: [
        {
          type: 'add',
          path: 'spec.providesApis',
          values: suggested.map(ref => shortRef(ref, entity, 'api')),
        },
      ],
      mechanical: true,
    };
  }
  // The API entity does not exist yet: naming it here is only half the fix.
  return manual(
    `Describe its API as an entity of kind API (for example \`${entity.metadata.name}-api\`) and list it.`,
    [
      {
        type: 'add',
        path: 'spec.providesApis',
        values: [`${entity.metadata.name}-api`],
      },
    ],
  );
}

function sourceLocationFix(entity: Entity): CheckFixPlan {
  const managedBy =
    entity.metadata.annotations?.['backstage.io/managed-by-location'] ?? '';
  const url = /^url:(.+\/)[^/]*$/.exec(managedBy)?.[1];
  if (url) {
    return {
      text: [`It is read from ${url}, so its source is probably there.`],
      edits: [
        {
          type: 'annotation',
          annotation: 'backstage.io/source-location',
          value: `url:${url}`,
        },
      ],
      mechanical: true,
    };
  }
  return manual('', [
    {
      type: 'annotation',
      annotation: 'backstage.io/source-location',
      value: `url:<address of the repository of ${entity.metadata.name}>`,
    },
  ]);
}

function docsFix(entity: Entity, context: CheckContext): CheckFixPlan {
  const hasRef =
    entity.metadata.annotations?.['backstage.io/techdocs-ref'] ??
    entity.metadata.annotations?.['backstage.io/techdocs-entity'];
  if (!hasRef) {
    // Other files are needed: the annotation alone makes a build that fails.
    return manual(
      [
        `Add \`mkdocs.yml\` and \`docs/index.md\` next to the catalog-info.yaml of ${entity.metadata.name}:\n\n`,
        yamlOf({ site_name: titleOf(entity), nav: [{ Home: 'index.md' }] }),
        '\n\nand point at them:',
      ],
      [
        {
          type: 'annotation',
          annotation: 'backstage.io/techdocs-ref',
          value: 'dir:.',
        },
      ],
    );
  }
  const docs = context.docsState?.(entityRefIn(entity, context));
  if (docs?.state === 'failed') {
    return {
      text: [
        `Fix the error in the mkdocs.yml or docs/ of ${entity.metadata.name}; the portal builds the docs again when the entity changes, or when someone opens them.`,
      ],
      mechanical: false,
    };
  }
  return {
    text: [
      `Nothing to change: the portal builds the docs of ${entity.metadata.name} by itself and the score follows within seconds of the build.`,
    ],
    mechanical: false,
  };
}

function linkFix(entity: Entity, match: string): CheckFixPlan {
  const word =
    match
      .replace(/[^a-z-]/gi, ' ')
      .trim()
      .split(/\s+/)[0] || 'link';
  const title = word[0].toLocaleUpperCase('en-US') + word.slice(1);
  return manual('', [
    {
      type: 'add',
      path: 'metadata.links',
      values: [
        {
          url: `<address of the ${word} of ${entity.metadata.name}>`,
          title,
          ...(word === 'dashboard' ? { type: 'dashboard' } : {}),
        },
      ],
    },
  ]);
}

function freshnessFix(entity: Entity, context: CheckContext): CheckFixPlan {
  const since = context.changedAt
    ? ` (unchanged since ${context.changedAt
        .toISOString()
        .slice(0, 10)}, ${Math.floor(
        (context.now.getTime() - context.changedAt.getTime()) / DAY_MS,
      )} days)`
    : '';
  return {
    text: [
      `Read the entry of ${titleOf(
        entity,
      )}${since} and commit what is out of date in its catalog-info.yaml (description, owner, links, tags), so readers know it is current.`,
    ],
    mechanical: false,
  };
}

function fieldPresentFix(entity: Entity, path: string): CheckFixPlan {
  return manual('', [
    {
      type: 'set',
      path,
      value:
        path === 'metadata.description'
          ? `<what ${titleOf(entity)} does, in one or two sentences>`
          : `<${parsePath(path).slice(-1)[0]} of ${entity.metadata.name}>`,
    },
  ]);
}

function fieldMatchesFix(
  entity: Entity,
  check: { path: string; pattern?: string; oneOf?: string[] },
): CheckFixPlan {
  const value = readPath(entity, check.path);
  const text =
    value === undefined
      ? `${check.path} is not set.`
      : `${check.path} is '${String(value)}'.`;
  return check.oneOf
    ? {
        text: [text],
        edits: [
          {
            type: 'set',
            path: check.path,
            value: nearestValue(value, check.oneOf),
          },
        ],
        mechanical: true,
      }
    : manual(text, [
        {
          type: 'set',
          path: check.path,
          value: `<a value matching /${check.pattern}/>`,
        },
      ]);
}

/** The fix of a failing check on an entity, as data. */
export function checkFixPlan(
  rule: QualityRule,
  entity: Entity,
  context: CheckContext,
): CheckFixPlan {
  const check = rule.check;
  switch (check.type) {
    case 'fieldPresent':
      if (check.path === 'spec.owner') return ownerFix(entity, context);
      if (check.path === 'spec.system') return systemFix(entity, context);
      return fieldPresentFix(entity, check.path);
    case 'fieldMatches':
      return fieldMatchesFix(entity, check);
    case 'annotationPresent':
      if (check.annotation === 'backstage.io/source-location') {
        return sourceLocationFix(entity);
      }
      return manual('', [
        {
          type: 'annotation',
          annotation: check.annotation,
          value: `<${check.annotation} of ${entity.metadata.name}>`,
        },
      ]);
    case 'relationPresent':
      if (check.relation === 'providesApi') return apiFix(entity, context);
      if (check.relation === 'partOf') return systemFix(entity, context);
      if (check.relation === 'ownedBy') return ownerFix(entity, context);
      return {
        text: [
          `Nothing in the catalog relates ${titleOf(entity)} by ${
            check.relation
          }; add the spec field that creates that relation.`,
        ],
        mechanical: false,
      };
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
      return {
        text: [
          `Read the entry of ${titleOf(
            entity,
          )}; if it is right, press "Still correct" on its Quality tab, otherwise fix its catalog-info.yaml first.`,
        ],
        mechanical: false,
      };
    default:
      return { text: [], mechanical: false };
  }
}

/** The fix of a plan as advice, without the rule's own text: its words, then the YAML of the entity's document. */
export function planAdvice(entity: Entity, plan: CheckFixPlan): AdvicePart[] {
  if (!plan.edits) return plan.text;
  const yaml = [inFile(entity), yamlOf(documentWith(entity, plan.edits))];
  return plan.text.length > 0 ? [...plan.text, ' ', ...yaml] : yaml;
}
