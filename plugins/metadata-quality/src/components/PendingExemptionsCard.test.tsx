import { renderInTestApp } from '@backstage/frontend-test-utils';
import { MetadataQualityClient } from '@internal/plugin-metadata-quality-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { metadataQualityApiRef } from '../api';
import { PendingExemptionsCard } from './PendingExemptionsCard';

const request = {
  id: 7,
  entityRef: 'component:default/legacy',
  ruleId: 'has-techdocs',
  reason: 'Docs live in the wiki until the migration',
  until: '2026-03-01T23:59:59.999Z',
  status: 'requested' as const,
  requestedBy: 'user:default/bob',
  requestedAt: '2026-01-01T00:00:00.000Z',
};

describe('PendingExemptionsCard', () => {
  it('lists pending requests and approves one with a comment', async () => {
    let pending = [request];
    const api = {
      listExemptions: jest.fn(async () => ({ items: pending })),
      decideExemption: jest.fn(async () => {
        pending = [];
        return { ...request, status: 'approved' };
      }),
    };
    await renderInTestApp(<PendingExemptionsCard />, {
      apis: [[metadataQualityApiRef, api as unknown as MetadataQualityClient]],
    });
    expect(
      await screen.findByText(
        'component:default/legacy: has-techdocs until 2026-03-01',
      ),
    ).toBeInTheDocument();
    expect(api.listExemptions).toHaveBeenCalledWith({
      params: { query: { status: 'requested' } },
    });
    fireEvent.change(
      screen.getByLabelText('Comment on component:default/legacy'),
      { target: { value: 'Until March' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() =>
      expect(api.decideExemption).toHaveBeenCalledWith({
        params: { path: { id: 7 } },
        body: { decision: 'approve', comment: 'Until March' },
      }),
    );
    expect(
      await screen.findByText('No exemption requests are waiting.'),
    ).toBeInTheDocument();
  });
});
