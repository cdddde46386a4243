import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  HandoverFinding,
  planHandovers,
} from '@internal/plugin-catalog-fixes-common';
import { refOf } from '@internal/plugin-metadata-quality-common';
import { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import {
  HandoverStore,
  HandoverSyncResult,
  SyncedHandoverPlan,
} from '../database/HandoverStore';
import { Source } from './sources';

const PAGE_SIZE = 500;
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
];

/** What one sync did. */
export interface HandoverSyncSummary extends HandoverSyncResult {
  notified: number;
}

/**
 * Keeps the handovers in step with owner validation's open `departedUser` and `emptyGroup`
 * findings (read through its API), locates each entity's file, and tells each suggested team once,
 * through the notifications service, with a link to the handover.
 */
export class HandoverSync {
  constructor(
    private readonly options: {
      store: HandoverStore;
      ownerValidation: Pick<OwnerValidationClient, 'listFindings'>;
      catalog: CatalogService;
      auth: AuthService;
      sourceOf: (entity: Entity) => Source | undefined;
      notifications?: Pick<NotificationService, 'send'>;
      logger: LoggerService;
      clock?: () => Date;
    },
  ) {}

  private async findings(): Promise<HandoverFinding[]> {
    const findings: HandoverFinding[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.options.ownerValidation.listFindings({
        params: {
          query: {
            type: ['departedUser', 'emptyGroup'],
            status: 'open',
            limit: PAGE_SIZE,
            offset,
          },
        },
      });
      findings.push(...page.items);
      if (page.items.length === 0 || offset + PAGE_SIZE >= page.totalCount) {
        return findings;
      }
    }
  }

  /** The file of each entity: its provider, and its repository when one can be written. */
  private async locate(refs: string[]) {
    const { catalog, auth, sourceOf } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const located = new Map<
      string,
      Pick<
        SyncedHandoverPlan['entities'][number],
        'provider' | 'repository' | 'path'
      >
    >();
    for (let i = 0; i < refs.length; i += PAGE_SIZE) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: refs.slice(i, i + PAGE_SIZE), fields: FIELDS },
        { credentials },
      );
      for (const entity of items) {
        if (!entity) continue;
        const source = sourceOf(entity);
        if (!source) continue;
        located.set(refOf(entity), {
          provider: source.type,
          path: source.path,
          ...(source.type === 'local-git' ||
          source.type === 'github' ||
          source.type === 'gitlab'
            ? { repository: source.repository }
            : {}),
        });
      }
    }
    return located;
  }

  /** One pass: read the findings, record the handovers, notify. */
  async run(): Promise<HandoverSyncSummary> {
    const now = this.options.clock?.() ?? new Date();
    const plans = planHandovers(await this.findings());
    const located = await this.locate(
      plans.flatMap(p => p.entities.map(e => e.entityRef)),
    );
    const result = await this.options.store.sync(
      plans.map(plan => ({
        ...plan,
        entities: plan.entities.map(e => ({
          ...e,
          ...located.get(e.entityRef),
        })),
      })),
      now,
    );
    const notified = await this.notify(now);
    if (result.opened.length || result.added || result.resolved || notified) {
      this.options.logger.info(
        `Handovers: ${result.opened.length} opened, ${result.added} entities added, ${result.resolved} resolved, ${notified} teams notified`,
      );
    }
    return { ...result, notified };
  }

  /** Tells each suggested team of its new entities; retried at the next pass when sending fails. */
  private async notify(now: Date): Promise<number> {
    const { store, notifications, logger } = this.options;
    if (!notifications) return 0;
    let sent = 0;
    for (const group of await store.unnotified()) {
      const subject = parseEntityRef(group.subjectRef);
      const who =
        subject.kind === 'user'
          ? `${subject.name} left`
          : `${subject.name} has no members any more`;
      const count = group.entityRefs.length;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: group.team },
          payload: {
            title: `Take over ${
              count === 1 ? 'an entity' : `${count} entities`
            } of ${subject.name}`,
            description: `${who}: ${group.entityRefs.slice(0, 10).join(', ')}${
              count > 10 ? ', ...' : ''
            }. Accept the handover to open the change requests.`,
            link: `/ownership/handovers/${group.handoverId}`,
            severity: 'high',
            topic: 'handover',
            scope: `handover:${group.handoverId}:${group.team}`,
          },
        });
        await store.markNotified(group.handoverId, group.team, now);
        sent += 1;
      } catch (error) {
        logger.warn(
          `Could not notify '${group.team}' of handover ${group.handoverId}; will retry at the next pass`,
          error as Error,
        );
      }
    }
    return sent;
  }
}
