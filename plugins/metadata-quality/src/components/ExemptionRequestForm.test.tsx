import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  DEFAULT_RULES,
  MetadataQualityClient,
} from '@internal/plugin-metadata-quality-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { metadataQualityApiRef } from '../api';
import { ExemptionRequestForm } from './ExemptionRequestForm';

describe('ExemptionRequestForm', () => {
  it('asks to exempt the entity from the chosen rule', async () => {
    const requestExemption = jest.fn(async () => ({}));
    await renderInTestApp(
      <ExemptionRequestForm
        entityRef={{ kind: 'Component', namespace: 'default', name: 'legacy' }}
        rules={DEFAULT_RULES}
      />,
      {
        apis: [
          [
            metadataQualityApiRef,
            { requestExemption } as unknown as MetadataQualityClient,
          ],
        ],
      },
    );
    fireEvent.mouseDown(await screen.findByLabelText('Rule'));
    fireEvent.click(
      within(screen.getByRole('listbox')).getByText('Has TechDocs'),
    );
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: 'Docs in the wiki' },
    });
    fireEvent.change(screen.getByLabelText('End date'), {
      target: { value: '2026-03-01' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ask an admin' }));
    await waitFor(() =>
      expect(requestExemption).toHaveBeenCalledWith({
        params: {
          path: { kind: 'Component', namespace: 'default', name: 'legacy' },
        },
        body: {
          ruleId: 'has-techdocs',
          reason: 'Docs in the wiki',
          until: '2026-03-01',
        },
      }),
    );
    expect(
      await screen.findByText('Asked: an admin will approve or deny it.'),
    ).toBeInTheDocument();
  });
});
