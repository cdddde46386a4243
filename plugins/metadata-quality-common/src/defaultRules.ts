import { QualityLevel, QualityRule } from './types';

const SERVICE_KINDS = ['Component', 'API', 'Resource', 'System'];

/** The rules every portal starts with; `metadataQuality.rules` adds to or replaces them by id. */
export const DEFAULT_RULES: QualityRule[] = [
  {
    id: 'has-owner',
    title: 'Has an owner',
    appliesTo: { kinds: SERVICE_KINDS },
    check: { type: 'fieldPresent', path: 'spec.owner' },
    weight: 3,
    howToFix:
      'Name the team that owns it in spec.owner:\n\n```yaml\nspec:\n  owner: group:default/payments\n```',
  },
  {
    id: 'owner-valid',
    title: 'Owner is a known team',
    appliesTo: { kinds: SERVICE_KINDS },
    check: { type: 'ownerValid' },
    weight: 3,
    howToFix:
      'spec.owner must name a Group that exists in the catalog (check the spelling and namespace):\n\n```yaml\nspec:\n  owner: group:default/payments\n```',
  },
  {
    id: 'has-description',
    title: 'Has a description',
    appliesTo: { kinds: [...SERVICE_KINDS, 'Domain'] },
    check: { type: 'fieldPresent', path: 'metadata.description' },
    weight: 2,
    howToFix:
      'Say in one or two sentences what it does:\n\n```yaml\nmetadata:\n  description: Captures card payments for shipping labels.\n```',
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
      'Use one of experimental, production or deprecated:\n\n```yaml\nspec:\n  lifecycle: production\n```',
  },
  {
    id: 'part-of-system',
    title: 'Part of a system',
    appliesTo: { kinds: ['Component', 'API', 'Resource'] },
    check: { type: 'relationPresent', relation: 'partOf' },
    weight: 2,
    howToFix:
      'Name the system it belongs to:\n\n```yaml\nspec:\n  system: payments\n```',
  },
  {
    id: 'provides-api',
    title: 'Service provides an API',
    appliesTo: { kinds: ['Component'], types: ['service'] },
    check: { type: 'relationPresent', relation: 'providesApi' },
    weight: 1,
    howToFix:
      'List the APIs the service exposes:\n\n```yaml\nspec:\n  providesApis: [payments-api]\n```',
  },
  {
    id: 'has-techdocs',
    title: 'Has TechDocs',
    appliesTo: { kinds: ['Component'] },
    check: { type: 'techdocsPresent', built: true },
    weight: 2,
    howToFix:
      'Add an mkdocs.yml and docs/ next to catalog-info.yaml, then:\n\n```yaml\nmetadata:\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n```',
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
      'Point at the repository:\n\n```yaml\nmetadata:\n  annotations:\n    backstage.io/source-location: url:https://git.example.com/team/repo/\n```',
  },
  {
    id: 'has-runbook',
    title: 'Has a runbook link',
    appliesTo: { kinds: ['Component'], lifecycles: ['production'] },
    check: { type: 'linkPresent', match: 'runbook' },
    weight: 2,
    howToFix:
      'Link the runbook on-call engineers use:\n\n```yaml\nmetadata:\n  links:\n    - url: https://runbooks.example.com/my-service\n      title: Runbook\n```',
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
      'Link the main monitoring dashboard:\n\n```yaml\nmetadata:\n  links:\n    - url: https://grafana.example.com/d/my-service\n      title: Dashboard\n      type: dashboard\n```',
  },
  {
    id: 'recently-changed',
    title: 'Changed in the last year',
    appliesTo: { kinds: ['Component', 'API'] },
    check: { type: 'freshness', maxAgeDays: 365 },
    weight: 1,
    howToFix:
      'Review the entry and commit any change to catalog-info.yaml (an updated description, links or tags) so readers know it is current.',
  },
];

/** Bronze, Silver and Gold. */
export const DEFAULT_LEVELS: QualityLevel[] = [
  { name: 'Bronze', minScore: 50 },
  { name: 'Silver', minScore: 75 },
  { name: 'Gold', minScore: 90 },
];
