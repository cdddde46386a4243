/**
 * Fixtures of owner findings for the tests of the plugins that check or show them.
 *
 * @packageDocumentation
 */
import type { StoredOwnerFinding } from './index';

/**
 * A stored finding of component `name` as the API serves it: by default its owner has left and
 * payments may take over; the given fields instead.
 */
export function mockStoredOwnerFinding(
  name: string,
  finding: Partial<StoredOwnerFinding> = {},
): StoredOwnerFinding {
  return {
    id: 1,
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    type: 'departedUser',
    severity: 'error',
    message: "Owner 'user:default/bob' has left",
    suggestedOwner: 'group:default/payments',
    team: 'group:default/payments',
    firstSeen: '2026-11-01T10:00:00.000Z',
    lastSeen: '2026-11-01T10:00:00.000Z',
    ...finding,
  };
}
