/**
 * Fixtures of owner findings for the tests of the plugins that check or show them.
 *
 * @packageDocumentation
 */
import type { OwnerFinding, StoredOwnerFinding } from './index';

/**
 * A finding of component `name` as the check computes it: by default its owner ann has left and
 * payments may take over; the given fields instead.
 */
export function mockOwnerFinding(
  name: string,
  finding: Partial<OwnerFinding> = {},
): OwnerFinding {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    type: 'departedUser',
    severity: 'error',
    owner: 'user:ann',
    ownerRef: 'user:default/ann',
    message: "Owner 'user:default/ann' has left",
    suggestedOwner: 'group:default/payments',
    team: 'group:default/payments',
    ...finding,
  };
}

/**
 * A stored finding of component `name` as the API serves it: by default its owner has left and
 * payments may take over; the given fields instead.
 */
export function mockStoredOwnerFinding(
  name: string,
  finding: Partial<StoredOwnerFinding> = {},
): StoredOwnerFinding {
  // Bob as the person who left.
  const computed = mockOwnerFinding(name, {
    owner: 'user:bob',
    ownerRef: 'user:default/bob',
    message: "Owner 'user:default/bob' has left",
  });
  return {
    id: 1,
    ...computed,
    firstSeen: '2026-11-01T10:00:00.000Z',
    lastSeen: '2026-11-01T10:00:00.000Z',
    ...finding,
  };
}
