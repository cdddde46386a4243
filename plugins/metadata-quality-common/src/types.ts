import type { EntityEdit } from './entityEdits';

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

/**
 * The entity belongs to a system: `spec.system`, a `partOf` relation to a System, or (for a
 * subcomponent) the system of the component it is part of.
 */
export interface SystemPresentCheck {
  type: 'systemPresent';
}

/** The owner resolves to an existing Group in the catalog; a person as owner fails. */
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

/**
 * The entity's owners confirmed its metadata within the last `maxAgeDays` days, and its owner has
 * not changed since.
 */
export interface ConfirmedCheck {
  /** The check type. */
  type: 'confirmed';
  /** Days a confirmation lasts. */
  maxAgeDays: number;
}

/** One check of a rule. */
export type QualityCheck =
  | FieldPresentCheck
  | FieldMatchesCheck
  | AnnotationPresentCheck
  | RelationPresentCheck
  | SystemPresentCheck
  | OwnerValidCheck
  | TechDocsPresentCheck
  | LinkPresentCheck
  | FreshnessCheck
  | ConfirmedCheck;

/** The names of all check types. */
export const CHECK_TYPES = [
  'fieldPresent',
  'fieldMatches',
  'annotationPresent',
  'relationPresent',
  'systemPresent',
  'ownerValid',
  'techdocsPresent',
  'linkPresent',
  'freshness',
  'confirmed',
] as const;

/** A quality rule: a weighted check with advice. */
export interface QualityRule {
  id: string;
  title: string;
  description?: string;
  appliesTo?: RuleAppliesTo;
  check: QualityCheck;
  weight: number;
  /**
   * What a failure means in general. Failing results carry their own `fix`, written from the
   * entity; for a rule of the portal's configuration, `{name}`, `{title}`, `{kind}`, `{namespace}`,
   * `{ref}`, `{owner}` and `{system}` in this text are replaced by the entity's values.
   */
  howToFix: string;
}

/** A named level reached at a minimum score. */
export interface QualityLevel {
  name: string;
  minScore: number;
}

/**
 * A piece of advice: Markdown as it is, or a document to show as YAML, kept as JSON text until the
 * advice is read (text, so that its keys keep their order wherever it is stored: PostgreSQL's jsonb
 * reorders object keys).
 */
export type AdvicePart = string | { yamlOf: string };

/** The result of one rule on one entity as the evaluation writes it (the API serves it as `RuleResult`). */
export interface EvaluatedRule {
  ruleId: string;
  passed: boolean;
  weight: number;
  /** Why it failed, short. */
  message?: string;
  /**
   * How to fix this entity, for a failing result: Markdown with the YAML to change kept as data,
   * written out (`writeAdvice`) when it is read rather than for every entity scored. The HTTP API
   * serves it written, as `fix`.
   */
  advice?: AdvicePart[];
  /**
   * The edits of the entity's catalog-info.yaml that fix it, for a failing result whose fix the
   * portal can apply as it is (no value for a person to fill in).
   */
  edits?: EntityEdit[];
  /** An approved exemption in force: the rule does not count against the score. */
  exempt?: { until: string; reason: string };
}

/** An approved exemption of one entity from one rule, until a time. */
export interface ActiveExemption {
  /** The rule the entity is exempt from. */
  ruleId: string;
  /** When the exemption ends. */
  until: Date;
  /** Why the owners asked for it. */
  reason: string;
}

/** The state of an entity's TechDocs site. */
export type DocsState =
  | { state: 'built' }
  /** The portal started a build, or will at its next pass. */
  | { state: 'building' }
  /** The last build failed; `reason` is the builder's first line, without server paths. */
  | { state: 'failed'; reason: string };

/** What the owner-validation plugin says about an entity's owner. */
export interface OwnerVerdict {
  /** False while an owner error, or a person as owner, is open. */
  valid: boolean;
  /** The finding's sentence, when there is one. */
  message?: string;
  /** The group owner validation suggests, when it can infer one. */
  suggestedOwner?: string;
}

/**
 * Facts about an entity's neighbours that checks and advice read (all refs lower case). Each is
 * absent when it cannot be known.
 */
export interface EntityFacts {
  /** The system of the component this one is a subcomponent of. */
  parentSystemRef?: string;
  /** A system the entity probably belongs to: its parent's, its APIs', or its owner's only one. */
  suggestedSystemRef?: string;
  /** Why `suggestedSystemRef` was chosen, a short phrase ("the system of its API payments-api"). */
  suggestedSystemReason?: string;
  /** APIs it probably provides: named after it, or in its system and provided by nothing else. */
  suggestedApiRefs?: string[];
}

/** The owners' last confirmation that an entity's metadata is right (lower-case refs). */
export interface Confirmation {
  /** The owner it was confirmed for; after a change of owner it no longer counts. */
  ownerRef: string;
  /** The user who confirmed. */
  confirmedBy: string;
  /** When it was confirmed. */
  confirmedAt: Date;
}

/** What checks need beyond the entity itself. */
export interface CheckContext {
  now: Date;
  /**
   * The normalised ref of the entity checked, when the caller has it already (a context made for
   * one entity); computed from the entity otherwise (`entityRefIn`).
   */
  entityRef?: string;
  /** What is known about the owner of an entity (lower-case refs; `ownerRef` absent when it has none). */
  ownerVerdict(entityRef: string, ownerRef?: string): OwnerVerdict;
  /**
   * The state of the entity's TechDocs site (lower-case ref); undefined when that cannot be known,
   * and then only the annotation is checked.
   */
  docsState?(entityRef: string): DocsState | undefined;
  /** Facts about the entity's neighbours (lower-case ref). */
  facts?(entityRef: string): EntityFacts | undefined;
  /** When the entity's current content was first seen, for freshness without an annotation. */
  changedAt?: Date;
  /**
   * The entity's last confirmation by its owners (lower-case ref), undefined when it has none.
   * Without this function confirmations cannot be known and the `confirmed` check passes.
   */
  confirmation?(entityRef: string): Confirmation | undefined;
  /** The approved exemptions of the entity (lower-case ref); expired ones are ignored. */
  exemptions?(entityRef: string): ActiveExemption[];
}

/** The score of one entity. */
export interface EntityEvaluation {
  /** 0..100, or null when no rule applies. */
  score: number | null;
  level: string | null;
  passedWeight: number;
  totalWeight: number;
  results: EvaluatedRule[];
}
