import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { ExemptionStore } from '../database/ExemptionStore';
import { QualityStore } from '../database/QualityStore';

/**
 * Marks approved exemptions that ended as expired (kept in the audit trail), tells the entity's
 * owners once, and re-scores the entity so the rule counts again. An exemption is marked only after
 * its notice was sent (or when the entity has no owner to tell).
 */
export class ExemptionExpiry {
  constructor(
    private readonly options: {
      exemptions: ExemptionStore;
      scores: QualityStore;
      notifications: NotificationService;
      logger: LoggerService;
      rescore?: (entityRefs: string[]) => Promise<unknown>;
      clock?: () => Date;
    },
  ) {}

  /** Expires what ended by now; returns how many exemptions expired. */
  async expireEnded(): Promise<number> {
    const { exemptions, scores, notifications, logger } = this.options;
    const now = this.options.clock?.() ?? new Date();
    const expired: string[] = [];
    for (const exemption of await exemptions.endedBy(now)) {
      const score = await scores.getEntity(exemption.entityRef);
      try {
        if (score?.ownerRef) {
          const { kind, namespace, name } = parseEntityRef(exemption.entityRef);
          await notifications.send({
            recipients: { type: 'entity', entityRef: score.ownerRef },
            payload: {
              title: `${score.title ?? name}: exemption from '${
                exemption.ruleId
              }' ended`,
              description: `The exemption (${
                exemption.reason
              }) ended on ${exemption.until.slice(
                0,
                10,
              )}; the rule counts against the score again.`,
              link: `/catalog/${namespace}/${kind}/${name}/quality`,
              severity: 'normal',
              topic: 'metadata-quality',
              scope: `metadata-quality:exemption-expired:${exemption.id}`,
            },
          });
        }
        await exemptions.markExpired(exemption.id, now);
        expired.push(exemption.entityRef);
      } catch (error) {
        logger.warn(
          `Could not notify the owners of '${exemption.entityRef}' that exemption ${exemption.id} ended; will retry on the next run`,
          error as Error,
        );
      }
    }
    if (expired.length > 0) await this.options.rescore?.([...new Set(expired)]);
    return expired.length;
  }
}
