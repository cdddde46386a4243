import { renderInTestApp } from '@backstage/frontend-test-utils';
import { MetadataQualityClient } from '@internal/plugin-metadata-quality-common';
import { screen } from '@testing-library/react';
import { metadataQualityApiRef } from '../api';
import { ExemptionTrail } from './ExemptionTrail';

const asked = {
  entityRef: 'component:default/legacy',
  ruleId: 'has-techdocs',
  reason: 'Docs live in the wiki until the migration',
  until: '2026-03-01T23:59:59.999Z',
  requestedBy: 'user:default/bob',
  requestedAt: '2026-01-01T09:00:00.000Z',
};
const trail = [
  { ...asked, id: 3, status: 'requested' as const },
  {
    ...asked,
    id: 2,
    status: 'denied' as const,
    decidedBy: 'user:default/alice',
    decidedAt: '2026-01-02T10:00:00.000Z',
    comment: 'Move the docs first',
  },
  {
    ...asked,
    id: 1,
    status: 'expired' as const,
    decidedBy: 'user:default/alice',
    decidedAt: '2025-10-02T10:00:00.000Z',
    expiredAt: '2026-01-01T00:05:00.000Z',
  },
];

describe('ExemptionTrail', () => {
  it('lists every request with its decision and expiry', async () => {
    const api = { listExemptions: jest.fn(async () => ({ items: trail })) };
    await renderInTestApp(<ExemptionTrail />, {
      apis: [[metadataQualityApiRef, api as unknown as MetadataQualityClient]],
    });
    expect(await screen.findByText('Waiting for an admin')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Denied by user:default/alice on 2026-01-02: Move the docs first',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Expired on 2026-01-01. Approved by user:default/alice on 2025-10-02',
      ),
    ).toBeInTheDocument();
    expect(screen.getAllByText('user:default/bob on 2026-01-01')).toHaveLength(
      3,
    );
    expect(api.listExemptions).toHaveBeenCalledWith({
      params: { query: {} },
    });
  });

  it("shows one entity's trail, or says there is none", async () => {
    const api = { listExemptions: jest.fn(async () => ({ items: [] })) };
    await renderInTestApp(
      <ExemptionTrail entityRef="component:default/legacy" />,
      {
        apis: [
          [metadataQualityApiRef, api as unknown as MetadataQualityClient],
        ],
      },
    );
    expect(
      await screen.findByText('No exemptions asked for.'),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith({
      params: { query: { entityRef: 'component:default/legacy' } },
    });
  });
});
