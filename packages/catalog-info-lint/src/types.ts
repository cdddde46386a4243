/** How serious a finding is: errors fail the check (exit 1), warnings and notices do not. */
export type Severity = 'error' | 'warning' | 'notice';

/** Which check found it. */
export type CheckName =
  | 'input-guard'
  | 'schema'
  | 'reference'
  | 'owner'
  | 'quality';

/** One problem in one file. */
export interface Finding {
  file: string;
  /** 1-based, when the problem has a place. */
  line?: number;
  column?: number;
  severity: Severity;
  check: CheckName;
  /** The entity it is about, lower case, when the document names one. */
  entityRef?: string;
  message: string;
}

/** The metadata-quality score an entity would get. */
export interface EntityScore {
  file: string;
  line: number;
  entityRef: string;
  score: number | null;
  level: string | null;
}

/** Everything the checker found. */
export interface LintReport {
  files: string[];
  /** Files not checked, and why (template skeletons). */
  skipped: Array<{ file: string; reason: string }>;
  findings: Finding[];
  scores: EntityScore[];
}
