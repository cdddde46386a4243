import { mockServices } from '@backstage/backend-test-utils';
import type { StoredOwnerFinding } from '@internal/plugin-owner-validation-common';
import { FindingsStore } from '../database/FindingsStore';
import { FindingsNotifier } from './FindingsNotifier';

function finding(
  id: number,
  overrides: Partial<StoredOwnerFinding> = {},
): StoredOwnerFinding {
  return {
    id,
    entityRef: `component:default/c${id}`,
    kind: 'Component',
    namespace: 'default',
    name: `c${id}`,
    type: 'departedUser',
    severity: 'error',
    message: "Owner 'user:default/bob' has left",
    suggestedOwner: 'group:default/payments',
    firstSeen: '2026-11-01T10:00:00.000Z',
    lastSeen: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

function setup(findings: StoredOwnerFinding[], fallbackGroup?: string) {
  const store = {
    getUnnotifiedFindings: jest.fn(async () => findings),
    markNotified: jest.fn(async () => {}),
  } as unknown as jest.Mocked<FindingsStore>;
  const send = jest.fn(async () => {});
  const notifier = new FindingsNotifier({
    store,
    notifications: { send },
    logger: mockServices.logger.mock(),
    fallbackGroup,
  });
  return { store, send, notifier };
}

describe('FindingsNotifier', () => {
  const now = new Date('2026-11-01T11:00:00Z');

  it('sends one finding with a link to the entity and marks it', async () => {
    const { store, send, notifier } = setup([finding(1, { title: 'Legacy' })]);
    expect(await notifier.notifyNewFindings(now)).toBe(1);
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'group:default/payments' },
      payload: {
        title: 'Legacy needs a new owner',
        description:
          "Owner 'user:default/bob' has left. Suggested owner: group:default/payments.",
        link: '/catalog/default/component/c1',
        scope: 'owner-validation:component:default/c1:departedUser',
        severity: 'high',
        topic: 'owner-validation',
      },
    });
    expect(store.markNotified).toHaveBeenCalledWith([1], now);
  });

  it('falls back to the configured group and skips findings nobody can take', async () => {
    const orphan = finding(2, { suggestedOwner: undefined });
    const withFallback = setup([orphan], 'group:default/platform');
    await withFallback.notifier.notifyNewFindings(now);
    expect(withFallback.send).toHaveBeenCalledWith(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: 'group:default/platform' },
      }),
    );

    const without = setup([orphan]);
    expect(await without.notifier.notifyNewFindings(now)).toBe(0);
    expect(without.send).not.toHaveBeenCalled();
    expect(without.store.markNotified).not.toHaveBeenCalled();
  });

  it('keeps a finding unnotified when sending fails, to retry next run', async () => {
    const { store, send, notifier } = setup([finding(3)]);
    send.mockRejectedValueOnce(new Error('notifications backend is down'));
    expect(await notifier.notifyNewFindings(now)).toBe(0);
    expect(store.markNotified).not.toHaveBeenCalled();
  });
});
