import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  confirmationStatus,
  CONFIRMATION_REMINDER_DAYS,
  dayOf,
  reminderAt,
} from '@internal/plugin-metadata-quality-common';
import { VerificationStore } from '../database/VerificationStore';

/** The notices about a confirmation. */
export const LAPSING_NOTICE = 'confirmation-lapsing';
export const LAPSED_NOTICE = 'confirmation-lapsed';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An entity whose confirmation (given, or due since its content was first seen) lapses. */
interface Lapsing {
  entityRef: string;
  ownerRef: string;
  title?: string;
  kind: string;
  namespace: string;
  name: string;
  lapsesAt: Date;
  /** What the notice is about: a new subject (a new confirmation, new content) is notified anew. */
  subject: string;
  /** Where the confirmation stands, for the notice: "last confirmed on ... by ...". */
  last: string;
}

function entityLink(e: Lapsing) {
  return `/catalog/${encodeURIComponent(e.namespace)}/${encodeURIComponent(
    e.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(e.name)}/quality`;
}

/**
 * Tells an entity's owners once that its confirmation lapses in 14 days, and once that it lapsed:
 * a confirmation they gave, or, for an entry never confirmed, the time since its content was first
 * seen (the rule's own clock for it). A notice is recorded only after it was sent; a confirmation
 * for a former owner is not notified.
 */
export class ConfirmationNotifier {
  constructor(
    private readonly options: {
      store: VerificationStore;
      notifications: NotificationService;
      logger: LoggerService;
      maxAgeDays: number;
      clock?: () => Date;
    },
  ) {}

  /** Entities whose confirmation lapses within the reminder window, or lapsed. */
  private async lapsing(now: Date): Promise<Lapsing[]> {
    const { store, maxAgeDays } = this.options;
    const given: Lapsing[] = [];
    for (const confirmation of await store.scoredConfirmations()) {
      const status = confirmationStatus(
        confirmation,
        confirmation.currentOwnerRef,
        now,
        maxAgeDays,
      );
      if (status.state !== 'valid' && status.state !== 'lapsed') continue;
      given.push({
        ...confirmation,
        lapsesAt: status.lapsesAt,
        subject: confirmation.confirmedAt.toISOString(),
        last: `last confirmed on ${dayOf(confirmation.confirmedAt)} by ${
          confirmation.confirmedBy
        }`,
      });
    }
    const windowStart = new Date(
      now.getTime() - (maxAgeDays - CONFIRMATION_REMINDER_DAYS) * DAY_MS,
    );
    const never = (await store.unconfirmedSince(windowStart)).map(e => ({
      ...e,
      lapsesAt: new Date(e.changedAt.getTime() + maxAgeDays * DAY_MS),
      subject: `first-seen:${e.changedAt.toISOString()}`,
      last: `never confirmed, unchanged since ${dayOf(e.changedAt)}`,
    }));
    return [...given, ...never];
  }

  /** Sends the notices due now; returns how many were sent. */
  async notifyDue(): Promise<number> {
    const { store, notifications, logger } = this.options;
    const now = this.options.clock?.() ?? new Date();
    let sent = 0;
    for (const entity of await this.lapsing(now)) {
      const lapsed = now.getTime() > entity.lapsesAt.getTime();
      if (!lapsed && now < reminderAt(entity.lapsesAt)) continue;
      const notice = lapsed ? LAPSED_NOTICE : LAPSING_NOTICE;
      const { entityRef, ownerRef, subject } = entity;
      if (await store.wasNoticeSent(entityRef, notice, subject)) continue;
      const name = entity.title ?? entity.name;
      const day = dayOf(entity.lapsesAt);
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: ownerRef },
          payload: {
            title: lapsed
              ? `${name} needs its owners' confirmation`
              : `${name}: confirm its metadata by ${day}`,
            description: `Its confirmation ${
              lapsed ? 'lapsed' : 'lapses'
            } on ${day} (${
              entity.last
            }). Check its metadata and press "Still correct".`,
            link: entityLink(entity),
            severity: lapsed ? 'high' : 'normal',
            topic: 'metadata-quality',
            scope: `metadata-quality:${notice}:${entityRef}`,
          },
        });
        await store.recordNotice(entityRef, notice, subject, now);
        sent += 1;
      } catch (error) {
        logger.warn(
          `Could not notify '${ownerRef}' about the confirmation of '${entityRef}'; will retry on the next run`,
          error as Error,
        );
      }
    }
    return sent;
  }
}
