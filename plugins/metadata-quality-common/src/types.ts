/** Which entities a rule applies to; an empty or missing list matches everything. */
export interface RuleAppliesTo {
  /** Entity kinds, compared case-insensitively (`Component`, `API`). */
  kinds?: string[];
  /** `spec.type` values (`service`, `website`). */
  types?: string[];
  /** `spec.lifecycle` values (`production`). */
  lifecycles?: string[];
}

/** A field at a dotted path is set and not empty. */
export interface FieldPresentCheck {
  type: 'fieldPresent';
  /** Dotted path; use brackets for keys with dots: `metadata.annotations['backstage.io/techdocs-ref']`. */
  path: string;
}

/** A field matches a regular expression or one of a list of values. */
export interface FieldMatchesCheck {
  type: 'fieldMatches';
  path: string;
  pattern?: string;
  oneOf?: string[];
}

/** An annotation is set and not empty. */
export interface AnnotationPresentCheck {
  type: 'annotationPresent';
  annotation: string;
}

/** The entity has an outgoing relation of a type (`partOf`, `providesApi`, ...). */
export interface RelationPresentCheck {
  type: 'relationPresent';
  relation: string;
}

/** The owner resolves to an existing Group in the catalog. */
export interface OwnerValidCheck {
  type: 'ownerValid';
}

/** The entity has TechDocs (`backstage.io/techdocs-ref`); with `built`, a site was also published. */
export interface TechDocsPresentCheck {
  type: 'techdocsPresent';
  /** Also require a built site in TechDocs storage. */
  built?: boolean;
}

/** The entity has a link whose title or type matches (case-insensitive regular expression). */
export interface LinkPresentCheck {
  type: 'linkPresent';
  match: string;
}

/**
 * The entity changed within the last `maxAgeDays` days. With `annotation`, the date is read from
 * that annotation (ISO 8601); without it, the time the plugin first saw the entity's current
 * `metadata.etag` is used.
 */
export interface FreshnessCheck {
  type: 'freshness';
  maxAgeDays: number;
  annotation?: string;
}

/** One check of a rule. */
export type QualityCheck =
  | FieldPresentCheck
  | FieldMatchesCheck
  | AnnotationPresentCheck
  | RelationPresentCheck
  | OwnerValidCheck
  | TechDocsPresentCheck
  | LinkPresentCheck
  | FreshnessCheck;

/** The names of all check types. */
export const CHECK_TYPES = [
  'fieldPresent',
  'fieldMatches',
  'annotationPresent',
  'relationPresent',
  'ownerValid',
  'techdocsPresent',
  'linkPresent',
  'freshness',
] as const;

/** A quality rule: a weighted check with advice. */
export interface QualityRule {
  id: string;
  title: string;
  description?: string;
  appliesTo?: RuleAppliesTo;
  check: QualityCheck;
  weight: number;
  /** How to fix a failure, with a YAML example. */
  howToFix: string;
}

/** A named level reached at a minimum score. */
export interface QualityLevel {
  name: string;
  minScore: number;
}

/** The result of one rule on one entity. */
export interface RuleResult {
  ruleId: string;
  passed: boolean;
  weight: number;
  /** Why it failed, short. */
  message?: string;
}

/** What checks need beyond the entity itself. */
export interface CheckContext {
  now: Date;
  /** Whether the owner of an entity (both lower-case refs) is valid. */
  isValidOwner(ownerRef: string, entityRef: string): boolean;
  /** Why an invalid owner is invalid; without it the message says the group does not exist. */
  ownerProblem?(ownerRef: string, entityRef: string): string | undefined;
  /**
   * Whether the entity's TechDocs site is built (lower-case ref); undefined when that cannot be known,
   * and then only the annotation is checked.
   */
  isDocsBuilt?(entityRef: string): boolean;
  /** When the entity's current content was first seen, for freshness without an annotation. */
  changedAt?: Date;
}

/** The score of one entity. */
export interface EntityEvaluation {
  /** 0..100, or null when no rule applies. */
  score: number | null;
  level: string | null;
  passedWeight: number;
  totalWeight: number;
  results: RuleResult[];
}

/** A stored entity score as the API returns it. */
export interface EntityScore {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  type?: string;
  lifecycle?: string;
  ownerRef?: string;
  score: number;
  level: string | null;
  failingRules: string[];
  results: RuleResult[];
  evaluatedAt: string;
  changedAt: string;
}

/** The aggregate of a group and its child groups. */
export interface GroupSummary {
  groupRef: string;
  title?: string;
  parentRef?: string;
  entityCount: number;
  averageScore: number | null;
  levels: Record<string, number>;
}

/** One point of a history series. */
export interface HistoryPoint {
  day: string;
  score: number;
  entityCount?: number;
}
