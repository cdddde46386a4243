import { LoggerService } from '@backstage/backend-plugin-api';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { dayOf } from '@internal/plugin-metadata-quality-common';
import {
  FailingOwner,
  InitiativeStore,
  StoredInitiative,
} from '../database/InitiativeStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A moment of an initiative at which the owners of failing entities are told. */
export interface Milestone {
  /** `started`, `<n>-days-left` or `ended`. */
  name: string;
  at: Date;
}

/**
 * The initiative's milestones in time order: its start, `remindDaysBefore` days before its
 * deadline (those after the start), and its deadline.
 */
export function milestonesOf(
  initiative: Pick<StoredInitiative, 'startsAt' | 'deadline'>,
  remindDaysBefore: number[],
): Milestone[] {
  const reminders = [...new Set(remindDaysBefore)]
    .sort((a, b) => b - a)
    .map(days => ({
      name: `${days}-days-left`,
      at: new Date(initiative.deadline.getTime() - days * DAY_MS),
    }))
    .filter(m => m.at.getTime() > initiative.startsAt.getTime());
  return [
    { name: 'started', at: initiative.startsAt },
    ...reminders,
    { name: 'ended', at: initiative.deadline },
  ];
}

/**
 * The milestone whose time has come and whose successor's has not: only that one is sent, so a
 * reminder never arrives after a later one ("14 days left" on the last day).
 */
export function dueMilestone(
  milestones: Milestone[],
  now: Date,
): Milestone | undefined {
  return [...milestones].reverse().find(m => m.at.getTime() <= now.getTime());
}

function names(owner: FailingOwner): string {
  const shown = owner.entities.slice(0, 3).map(e => e.title ?? e.name);
  const more = owner.entities.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function message(
  initiative: StoredInitiative,
  milestone: Milestone,
  owner: FailingOwner,
) {
  const n = owner.entities.length;
  const count = `${n} of your entities ${n === 1 ? 'fails' : 'fail'} it`;
  const title = `"${initiative.title}"`;
  const deadline = dayOf(initiative.deadline);
  if (milestone.name === 'started') {
    return {
      title: `Initiative ${title} started: ${count}`,
      description: `${names(owner)}: fix by ${deadline}.`,
    };
  }
  if (milestone.name === 'ended') {
    return {
      title: `Initiative ${title} ended on ${deadline}: ${count}`,
      description: `Still failing: ${names(owner)}.`,
    };
  }
  return {
    title: `Initiative ${title}: ${milestone.name.replace(
      /-/g,
      ' ',
    )}, ${count}`,
    description: `${names(owner)}: fix by ${deadline}.`,
  };
}

/**
 * Tells the owners of entities failing an initiative when it starts, some days before its
 * deadline, and when it passes: one notification per owner and milestone, recorded once sent so it
 * is never repeated. An initiative is skipped until a full evaluation checked its current definition.
 */
export class InitiativeNotifier {
  constructor(
    private readonly options: {
      store: InitiativeStore;
      notifications: NotificationService;
      logger: LoggerService;
      /** Days before the deadline owners are reminded (default 14 and 3). */
      remindDaysBefore: number[];
      clock?: () => Date;
    },
  ) {}

  /** Sends the notices due now; returns how many were sent. */
  async notifyDue(): Promise<number> {
    const { store, remindDaysBefore } = this.options;
    const now = this.options.clock?.() ?? new Date();
    let sent = 0;
    for (const initiative of await store.list()) {
      const { evaluatedAt, updatedAt } = initiative;
      if (!evaluatedAt || evaluatedAt.getTime() < updatedAt.getTime()) continue;
      const milestone = dueMilestone(
        milestonesOf(initiative, remindDaysBefore),
        now,
      );
      if (!milestone) continue;
      const told = await store.notifiedOwners(initiative.id, milestone.name);
      for (const owner of await store.failingOwners(initiative.id)) {
        if (told.has(owner.ownerRef)) continue;
        if (await this.send(initiative, milestone, owner, now)) sent += 1;
      }
    }
    return sent;
  }

  private async send(
    initiative: StoredInitiative,
    milestone: Milestone,
    owner: FailingOwner,
    now: Date,
  ): Promise<boolean> {
    const { store, notifications, logger } = this.options;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner.ownerRef },
        payload: {
          ...message(initiative, milestone, owner),
          link: `/quality/initiatives/${initiative.id}`,
          severity: milestone.name === 'ended' ? 'high' : 'normal',
          topic: 'metadata-quality',
          scope: `metadata-quality:initiative:${initiative.id}:${milestone.name}:${owner.ownerRef}`,
        },
      });
      await store.recordNotice(
        initiative.id,
        milestone.name,
        owner.ownerRef,
        now,
      );
      return true;
    } catch (error) {
      logger.warn(
        `Could not notify '${owner.ownerRef}' about initiative ${initiative.id} (${milestone.name}); will retry on the next run`,
        error as Error,
      );
      return false;
    }
  }
}
