import { Confirmation } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days before a confirmation lapses when its owners are reminded. */
export const CONFIRMATION_REMINDER_DAYS = 14;

/** Where an entity's confirmation stands at a time. */
export type ConfirmationStatus =
  | { state: 'never' }
  /** Confirmed for another owner: the current owners must confirm. */
  | { state: 'ownerChanged'; confirmation: Confirmation }
  | { state: 'valid'; confirmation: Confirmation; lapsesAt: Date }
  | { state: 'lapsed'; confirmation: Confirmation; lapsesAt: Date };

/**
 * The status of an entity's last confirmation for its current owner (lower-case refs): valid for
 * `maxAgeDays` days after it was given, and only while the owner it was given for still owns it.
 */
export function confirmationStatus(
  confirmation: Confirmation | undefined,
  ownerRef: string | undefined,
  now: Date,
  maxAgeDays: number,
): ConfirmationStatus {
  if (!confirmation) return { state: 'never' };
  if (!ownerRef || confirmation.ownerRef !== ownerRef) {
    return { state: 'ownerChanged', confirmation };
  }
  const lapsesAt = new Date(
    confirmation.confirmedAt.getTime() + maxAgeDays * DAY_MS,
  );
  return now.getTime() > lapsesAt.getTime()
    ? { state: 'lapsed', confirmation, lapsesAt }
    : { state: 'valid', confirmation, lapsesAt };
}

/** The day (`YYYY-MM-DD`, UTC) of a time, as messages show it. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** When the owners are reminded that a confirmation lapsing at `lapsesAt` is about to lapse. */
export function reminderAt(lapsesAt: Date): Date {
  return new Date(lapsesAt.getTime() - CONFIRMATION_REMINDER_DAYS * DAY_MS);
}
