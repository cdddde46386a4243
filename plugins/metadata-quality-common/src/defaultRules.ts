import { QualityLevel, QualityRule } from './types';

const SERVICE_KINDS = ['Component', 'API', 'Resource', 'System'];
// Domains and Systems are scored on their owner too: an entity with an open owner error is never Gold.
const OWNED_KINDS = [...SERVICE_KINDS, 'Domain'];

/** The rules every portal starts with; `metadataQuality.rules` adds to or replaces them by id. */
export const DEFAULT_RULES: QualityRule[] = [
  {
    id: 'has-owner',
    title: 'Has an owner',
    appliesTo: { kinds: OWNED_KINDS },
    check: { type: 'fieldPresent', path: 'spec.owner' },
    weight: 3,
    howToFix:
      'Name the team (a Group in the catalog) that owns it in spec.owner.',
  },
  {
    id: 'owner-valid',
    title: 'Owner is a known team',
    appliesTo: { kinds: OWNED_KINDS },
    check: { type: 'ownerValid' },
    weight: 3,
    howToFix:
      'spec.owner must name a team (a Group) that exists in the catalog; a person or a departed owner does not count.',
  },
  {
    id: 'has-description',
    title: 'Has a description',
    appliesTo: { kinds: OWNED_KINDS },
    check: { type: 'fieldPresent', path: 'metadata.description' },
    weight: 2,
    howToFix:
      'Say in metadata.description, in one or two sentences, what it does.',
  },
  {
    id: 'lifecycle-known',
    title: 'Lifecycle is a known stage',
    appliesTo: { kinds: ['Component', 'API'] },
    check: {
      type: 'fieldMatches',
      path: 'spec.lifecycle',
      oneOf: ['experimental', 'production', 'deprecated'],
    },
    weight: 1,
    howToFix:
      'Set spec.lifecycle to one of experimental, production or deprecated.',
  },
  {
    id: 'part-of-system',
    title: 'Part of a system',
    appliesTo: { kinds: ['Component', 'API', 'Resource'] },
    check: { type: 'systemPresent' },
    weight: 2,
    howToFix:
      'Name the system it belongs to in spec.system (a subcomponent may inherit the system of the component it is part of).',
  },
  {
    id: 'provides-api',
    title: 'Service provides an API',
    appliesTo: { kinds: ['Component'], types: ['service'] },
    check: { type: 'relationPresent', relation: 'providesApi' },
    weight: 1,
    howToFix: 'List the APIs the service exposes in spec.providesApis.',
  },
  {
    id: 'has-techdocs',
    title: 'Has TechDocs',
    appliesTo: { kinds: ['Component'] },
    check: { type: 'techdocsPresent', built: true },
    weight: 2,
    howToFix:
      'Add an mkdocs.yml and docs/ next to catalog-info.yaml and the annotation backstage.io/techdocs-ref; the portal builds the site.',
  },
  {
    id: 'has-source-location',
    title: 'Links to its source',
    appliesTo: { kinds: ['Component'] },
    check: {
      type: 'annotationPresent',
      annotation: 'backstage.io/source-location',
    },
    weight: 1,
    howToFix:
      'Point the annotation backstage.io/source-location at the repository.',
  },
  {
    id: 'has-runbook',
    title: 'Has a runbook link',
    // Something runs and pages someone: services and websites, not libraries or documentation.
    appliesTo: {
      kinds: ['Component'],
      types: ['service', 'website'],
      lifecycles: ['production'],
    },
    check: { type: 'linkPresent', match: 'runbook' },
    weight: 2,
    howToFix: 'Link the runbook on-call engineers use in metadata.links.',
  },
  {
    id: 'has-dashboard',
    title: 'Has a dashboard link',
    appliesTo: {
      kinds: ['Component'],
      types: ['service', 'website'],
      lifecycles: ['production'],
    },
    check: { type: 'linkPresent', match: 'dashboard' },
    weight: 1,
    howToFix:
      'Link the main monitoring dashboard in metadata.links (type dashboard).',
  },
  {
    id: 'recently-changed',
    title: 'Changed in the last year',
    appliesTo: { kinds: ['Component', 'API'] },
    check: { type: 'freshness', maxAgeDays: 365 },
    weight: 1,
    howToFix:
      'Review the entry and commit what is out of date in catalog-info.yaml, so readers know it is current.',
  },
];

/** The id of the built-in rule that an entity's owners confirmed it recently. */
export const CONFIRMED_RULE_ID = 'confirmed-recently';

/**
 * The built-in rule "Confirmed by its owners recently", a confirmation lasting `maxAgeDays`
 * (`metadataQuality.verification.maxAgeDays`, default 180).
 */
export function confirmedRule(maxAgeDays = 180): QualityRule {
  return {
    id: CONFIRMED_RULE_ID,
    title: 'Confirmed by its owners recently',
    appliesTo: { kinds: OWNED_KINDS },
    check: { type: 'confirmed', maxAgeDays },
    weight: 1,
    howToFix:
      'An owner reads the entry and presses "Still correct" on its Quality tab (or "Confirm all" on the team page).',
  };
}

/** Bronze, Silver and Gold. */
export const DEFAULT_LEVELS: QualityLevel[] = [
  { name: 'Bronze', minScore: 50 },
  { name: 'Silver', minScore: 75 },
  { name: 'Gold', minScore: 90 },
];
