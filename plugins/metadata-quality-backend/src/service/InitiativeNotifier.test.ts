import { storeTestDatabase } from '@internal/backend-test-utils';
import {
  DEFAULT_RULES,
  validateInitiative,
} from '@internal/plugin-metadata-quality-common';
import { DatabaseInitiativeStore } from '../database/DatabaseInitiativeStore';
import { DatabaseQualityStore } from '../database/DatabaseQualityStore';
import {
  dueMilestone,
  InitiativeNotifier,
  milestonesOf,
} from './InitiativeNotifier';
import { scoreRow } from '../__testUtils__/scoreRow';

const db = storeTestDatabase('@internal/plugin-metadata-quality-backend');

const definition = validateInitiative(
  {
    title: 'On-call links',
    rules: [
      {
        id: 'has-oncall-link',
        title: 'Has an on-call link',
        check: { type: 'linkPresent', match: 'on-?call' },
      },
    ],
    startsAt: '2026-01-01',
    deadline: '2026-03-01',
  },
  DEFAULT_RULES,
);

function component(name: string, owner: string, failing: string[], id: number) {
  return scoreRow(name, owner, {
    title: name.toUpperCase(),
    changedAt: new Date('2025-12-01T00:00:00Z'),
    initiatives: { [String(id)]: failing },
  });
}

describe('InitiativeNotifier', () => {
  it('puts the milestones in order and leaves out reminders before the start', () => {
    const short = {
      startsAt: new Date('2026-02-20T00:00:00Z'),
      deadline: new Date('2026-03-01T00:00:00Z'),
    };
    expect(milestonesOf(short, [3, 14]).map(m => m.name)).toEqual([
      'started',
      '3-days-left',
      'ended',
    ]);
    const milestones = milestonesOf(definition, [14, 3]);
    expect(dueMilestone(milestones, new Date('2025-12-31T00:00:00Z'))).toBe(
      undefined,
    );
    expect(
      dueMilestone(milestones, new Date('2026-02-27T00:00:00Z'))?.name,
    ).toBe('3-days-left');
  });

  it('tells the owners of failing entities at the start, 14 and 3 days before, and at the deadline, once each', async () => {
    const knex = await db.migrated();
    const store = new DatabaseInitiativeStore(knex);
    const scores = new DatabaseQualityStore(knex);
    const initiative = await store.create(
      definition,
      'user:default/root',
      new Date('2025-12-20T00:00:00Z'),
    );
    await scores.upsertScores(
      [
        component('pay', 'payments', ['has-oncall-link'], initiative.id),
        component('ledger', 'payments', ['has-oncall-link'], initiative.id),
        component('web', 'web', [], initiative.id),
      ],
      new Date('2025-12-20T00:00:00Z'),
    );

    let now = new Date('2025-12-31T12:00:00Z');
    const send = jest.fn();
    const notifier = new InitiativeNotifier({
      store,
      notifications: { send },
      logger: { warn: jest.fn() } as any,
      remindDaysBefore: [14, 3],
      clock: () => now,
    });
    const titles = () => send.mock.calls.map(([n]) => n.payload.title);

    // Not before a full evaluation checked the initiative, and nothing before its start.
    now = new Date('2026-01-01T08:00:00Z');
    expect(await notifier.notifyDue()).toBe(0);
    await store.recordProgress([initiative], new Date('2025-12-31T12:00:00Z'));
    now = new Date('2025-12-31T23:00:00Z');
    expect(await notifier.notifyDue()).toBe(0);

    now = new Date('2026-01-01T08:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/payments' },
      payload: expect.objectContaining({
        title: 'Initiative "On-call links" started: 2 of your entities fail it',
        description: 'LEDGER, PAY: fix by 2026-03-01.',
        link: `/quality/initiatives/${initiative.id}`,
        severity: 'normal',
      }),
    });
    expect(await notifier.notifyDue()).toBe(0);

    now = new Date('2026-02-16T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    // One entity was fixed before the last reminder.
    await scores.upsertScores(
      [component('ledger', 'payments', [], initiative.id)],
      now,
    );
    now = new Date('2026-02-27T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(await notifier.notifyDue()).toBe(0);
    now = new Date('2026-03-02T00:00:00Z');
    expect(await notifier.notifyDue()).toBe(1);
    expect(await notifier.notifyDue()).toBe(0);

    expect(titles()).toEqual([
      'Initiative "On-call links" started: 2 of your entities fail it',
      'Initiative "On-call links": 14 days left, 2 of your entities fail it',
      'Initiative "On-call links": 3 days left, 1 of your entities fails it',
      'Initiative "On-call links" ended on 2026-03-01: 1 of your entities fails it',
    ]);
    expect(send.mock.calls[3][0].payload.severity).toBe('high');
  });

  it('retries a notice that could not be sent', async () => {
    const knex = await db.migrated();
    const store = new DatabaseInitiativeStore(knex);
    const initiative = await store.create(
      definition,
      'user:default/root',
      new Date('2025-12-20T00:00:00Z'),
    );
    await new DatabaseQualityStore(knex).upsertScores(
      [component('pay', 'payments', ['has-oncall-link'], initiative.id)],
      new Date('2025-12-20T00:00:00Z'),
    );
    await store.recordProgress([initiative], new Date('2025-12-20T00:00:00Z'));
    const send = jest
      .fn()
      .mockRejectedValueOnce(new Error('notifications are down'));
    const warn = jest.fn();
    const notifier = new InitiativeNotifier({
      store,
      notifications: { send },
      logger: { warn } as any,
      remindDaysBefore: [14, 3],
      clock: () => new Date('2026-01-02T00:00:00Z'),
    });
    expect(await notifier.notifyDue()).toBe(0);
    expect(warn).toHaveBeenCalled();
    expect(await notifier.notifyDue()).toBe(1);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
