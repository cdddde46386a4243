import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DecisionAction, DecisionWithComment } from './DecisionWithComment';

/** The decision row with a comment field labelled `label` and the given actions. */
function renderDecision(label: string, actions: DecisionAction[]) {
  return renderInTestApp(
    <DecisionWithComment
      comment={{ id: 'comment', label }}
      actions={actions}
    />,
  );
}

describe('DecisionWithComment', () => {
  it('runs an action with the comment, and one that needs it only once there is one', async () => {
    const merge = jest.fn(async () => {});
    const reject = jest.fn(async () => {});
    await renderDecision('Reason to reject', [
      { label: 'Merge', variant: 'contained', beforeComment: true, run: merge },
      { label: 'Reject', variant: 'outlined', needsComment: true, run: reject },
    ]);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map(b => b.textContent)).toEqual(['Merge', 'Reject']);
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
    fireEvent.change(screen.getByLabelText('Reason to reject'), {
      target: { value: 'Wrong team' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(reject).toHaveBeenCalledWith('Wrong team'));
    expect(merge).not.toHaveBeenCalled();
  });

  it('shows why an action failed', async () => {
    await renderDecision('Comment', [
      {
        label: 'Approve',
        variant: 'outlined',
        run: async () => {
          throw new Error('Already decided');
        },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Already decided',
    );
  });
});
