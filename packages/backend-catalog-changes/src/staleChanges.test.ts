import { Entity } from '@backstage/catalog-model';
import { ClaimedChange } from './CatalogChanges';
import { entityContentHash } from './entityContent';
import { DEFAULT_SETTLE_MS, staleChanges } from './staleChanges';

const entityOwnedBy = (owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'service', owner },
});

const processed = entityOwnedBy('group:default/new-team');
const now = new Date('2026-12-07T19:00:00Z');
const changeQueued = (msAgo: number): ClaimedChange => ({
  id: '1',
  entityRef: 'component:default/payments',
  reason: 'changed',
  contentHash: entityContentHash(processed),
  changeSeq: '1',
  enqueuedAt: new Date(now.getTime() - msAgo),
  attempts: 3,
});

describe('staleChanges', () => {
  it('keeps waiting while the catalog serves the content from before the change', () => {
    // Stitching lagged processing by 40 s in a bench with two replicas on two cores.
    const served = entityOwnedBy('group:default/old-team');
    for (const msAgo of [1_000, 40_000, 100_000]) {
      expect(
        staleChanges([changeQueued(msAgo)], () => served, { now }),
      ).toEqual([changeQueued(msAgo)]);
    }
    expect(
      staleChanges([changeQueued(10_000)], () => undefined, { now }),
    ).toHaveLength(1);
  });

  it('hands over a change once the catalog serves what was processed', () => {
    expect(
      staleChanges(
        [changeQueued(40_000)],
        () => ({
          ...processed,
          relations: [{ type: 'ownedBy', targetRef: 'group:default/new-team' }],
        }),
        { now },
      ),
    ).toEqual([]);
  });

  it('gives up waiting after the settle time, and on changes without a content hash', () => {
    const served = entityOwnedBy('group:default/old-team');
    expect(
      staleChanges([changeQueued(DEFAULT_SETTLE_MS + 1)], () => served, {
        now,
      }),
    ).toEqual([]);
    const { contentHash: _, ...deleted } = changeQueued(1_000);
    expect(staleChanges([deleted], () => undefined, { now })).toEqual([]);
  });
});
