/** The tables of the owner-validation backend (see the migrations). */
export const FINDINGS = 'owner_validation_findings';
export const USER_TEAMS = 'owner_validation_user_teams';
export const RUNS = 'owner_validation_runs';

const CHUNK = 1000;

/** `items` in slices of `size`, to keep each statement's bind parameters bounded. */
export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** A timestamp column as an ISO string. */
export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
