import { Entity } from '@backstage/catalog-model';

/** The kinds of link a person asking "who owns this" wants to tell apart. */
export const linkTypes = [
  'docs',
  'runbook',
  'dashboard',
  'on-call',
  'source',
  'other',
] as const;

/** A link of an entity, typed. */
export interface TypedLink {
  type: (typeof linkTypes)[number];
  title?: string;
  url: string;
}

const RULES: Array<[TypedLink['type'], RegExp]> = [
  ['runbook', /runbook|playbook/],
  ['on-call', /on-?call|pager|alert|incident/],
  ['dashboard', /dashboard|grafana|metrics|monitor/],
  ['source', /repo|source|github|gitlab|bitbucket|\bgit\b/],
  ['docs', /\bdocs?\b|documentation|wiki|handbook/],
];

function typeOf(link: { title?: string; icon?: string; type?: string }) {
  const text = [link.type, link.title, link.icon]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
  return RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

/**
 * The entity's links (metadata.links, by title, icon and type), its TechDocs page when it has one,
 * and its source location.
 */
export function entityLinks(entity: Entity, appBaseUrl: string): TypedLink[] {
  const links: TypedLink[] = (entity.metadata.links ?? []).map(link => ({
    type: typeOf(link),
    ...(link.title && { title: link.title }),
    url: link.url,
  }));
  const annotations = entity.metadata.annotations ?? {};
  if (annotations['backstage.io/techdocs-ref']) {
    const { kind, metadata } = entity;
    const path = [metadata.namespace ?? 'default', kind, metadata.name]
      .map(s => encodeURIComponent(s.toLocaleLowerCase('en-US')))
      .join('/');
    links.push({
      type: 'docs',
      title: 'TechDocs',
      url: `${appBaseUrl}/docs/${path}`,
    });
  }
  const source = annotations['backstage.io/source-location'];
  if (source && !links.some(l => l.type === 'source')) {
    links.push({
      type: 'source',
      title: 'Source',
      url: source.replace(/^url:/, ''),
    });
  }
  return links;
}
