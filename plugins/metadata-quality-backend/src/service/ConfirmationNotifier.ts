import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  confirmationStatus,
  dayOf,
  reminderAt,
} from '@internal/plugin-metadata-quality-common';
import {
  ScoredConfirmation,
  VerificationStore,
} from '../database/VerificationStore';

/** The notices about a confirmation. */
export const LAPSING_NOTICE = 'confirmation-lapsing';
export const LAPSED_NOTICE = 'confirmation-lapsed';

function entityLink(c: ScoredConfirmation) {
  return `/catalog/${encodeURIComponent(c.namespace)}/${encodeURIComponent(
    c.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(c.name)}/quality`;
}

/**
 * Tells an entity's owners once that its confirmation lapses in 14 days, and once that it lapsed.
 * A notice is recorded only after it was sent; a confirmation for a former owner is not notified.
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

  /** Sends the notices due now; returns how many were sent. */
  async notifyDue(): Promise<number> {
    const { store, notifications, logger, maxAgeDays } = this.options;
    const now = this.options.clock?.() ?? new Date();
    let sent = 0;
    for (const confirmation of await store.scoredConfirmations()) {
      const status = confirmationStatus(
        confirmation,
        confirmation.currentOwnerRef,
        now,
        maxAgeDays,
      );
      if (status.state !== 'valid' && status.state !== 'lapsed') continue;
      const lapsed = status.state === 'lapsed';
      if (!lapsed && now < reminderAt(status.lapsesAt)) continue;
      const notice = lapsed ? LAPSED_NOTICE : LAPSING_NOTICE;
      const subject = confirmation.confirmedAt.toISOString();
      const { entityRef, ownerRef } = confirmation;
      if (await store.wasNoticeSent(entityRef, notice, subject)) continue;
      const name = confirmation.title ?? confirmation.name;
      const last = `last confirmed on ${dayOf(confirmation.confirmedAt)} by ${
        confirmation.confirmedBy
      }`;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: ownerRef },
          payload: {
            title: lapsed
              ? `${name} needs its owners' confirmation`
              : `${name}: confirm its metadata by ${dayOf(status.lapsesAt)}`,
            description: lapsed
              ? `Its confirmation lapsed on ${dayOf(
                  status.lapsesAt,
                )} (${last}). Check its metadata and press "Still correct".`
              : `Its confirmation lapses on ${dayOf(
                  status.lapsesAt,
                )} (${last}). Check its metadata and press "Still correct".`,
            link: entityLink(confirmation),
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
