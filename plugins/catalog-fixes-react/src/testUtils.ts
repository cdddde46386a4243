/**
 * Fixtures of the catalog fixes API for the tests of the plugins that show its data.
 *
 * @packageDocumentation
 */
import type { Handover } from '@internal/plugin-catalog-fixes-common';

/**
 * An open handover of a departed person's entities to the logistics team, as the API serves it,
 * with the given fields instead.
 */
export function mockHandover(handover: Partial<Handover> = {}): Handover {
  return {
    id: 1,
    subjectRef: 'user:default/martin.keller',
    reason: 'departedUser',
    status: 'open',
    createdAt: new Date().toISOString(),
    teams: ['group:default/logistics'],
    progress: {
      total: 1,
      handedOver: 0,
      pending: 1,
      openChangeRequests: 0,
      mergedChangeRequests: 0,
    },
    ...handover,
  };
}
