import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { StoredOwnerFinding } from '@internal/plugin-owner-validation-common';
import { FindingsStore } from '../database/FindingsStore';

function entityLink(finding: StoredOwnerFinding) {
  return `/catalog/${encodeURIComponent(
    finding.namespace,
  )}/${encodeURIComponent(
    finding.kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(finding.name)}`;
}

/**
 * Tells a team once about each new error finding: the suggested owner, else the fallback
 * group. A finding is marked notified only after its notification was sent.
 */
export class FindingsNotifier {
  constructor(
    private readonly options: {
      store: FindingsStore;
      notifications: NotificationService;
      logger: LoggerService;
      fallbackGroup?: string;
    },
  ) {}

  async notifyNewFindings(now = new Date()): Promise<number> {
    const { store, notifications, logger, fallbackGroup } = this.options;
    const findings = await store.getUnnotifiedFindings(['error']);
    const byRecipient = new Map<string, StoredOwnerFinding[]>();
    for (const finding of findings) {
      const recipient = finding.suggestedOwner ?? fallbackGroup;
      if (!recipient) continue;
      byRecipient.set(recipient, [
        ...(byRecipient.get(recipient) ?? []),
        finding,
      ]);
    }

    let sent = 0;
    for (const [recipient, list] of byRecipient) {
      const [first] = list;
      const payload =
        list.length === 1
          ? {
              title: `${first.title ?? first.name} needs a new owner`,
              description: `${first.message}.${
                first.suggestedOwner
                  ? ` Suggested owner: ${first.suggestedOwner}.`
                  : ''
              }`,
              link: entityLink(first),
              scope: `owner-validation:${first.entityRef}:${first.type}`,
            }
          : {
              title: `${list.length} entities need a new owner`,
              description: list
                .slice(0, 10)
                .map(f => `${f.entityRef}: ${f.message}`)
                .join('\n'),
              link: '/ownership',
            };
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: recipient },
          payload: { ...payload, severity: 'high', topic: 'owner-validation' },
        });
        await store.markNotified(
          list.map(f => f.id),
          now,
        );
        sent += list.length;
      } catch (error) {
        logger.warn(
          `Could not notify '${recipient}' about ${list.length} ownership finding(s); will retry on the next run`,
          error as Error,
        );
      }
    }
    return sent;
  }
}
