/** The tables of the metadata-quality backend (see the migrations). */
export const SCORES = 'quality_entity_scores';
export const ENTITY_HISTORY = 'quality_entity_history';
export const GROUPS = 'quality_groups';
export const GROUP_HISTORY = 'quality_group_history';
export const CONFIRMATIONS = 'quality_confirmations';
export const NOTICES = 'quality_notices';
export const EXEMPTIONS = 'quality_exemptions';
export const INITIATIVES = 'quality_initiatives';
export const INITIATIVE_PROGRESS = 'quality_initiative_progress';
export const INITIATIVE_NOTICES = 'quality_initiative_notices';
export const RUNS = 'quality_evaluation_runs';
export const OVERALL_SUMMARY = 'quality_overall_summary';

// 18 columns a row: well below PostgreSQL's 65535 bind parameters.
const CHUNK = 1000;

/** `items` in slices of `size`, to keep each statement's bind parameters bounded. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

/** The date column value (`YYYY-MM-DD`, UTC) of a time. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
