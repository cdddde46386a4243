import { mockApis } from '@backstage/frontend-test-utils';
import { StoredOwnerFinding } from '@internal/plugin-owner-validation-common';
import { screen } from '@testing-library/react';
import type { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import { renderWithApis } from '../__testUtils__/ownerFixtures';
import { mockStoredOwnerFinding } from '@internal/plugin-owner-validation-common/testUtils';
import { ownerValidationApiRef } from '../api';
import { TeamFindingsContent } from './TeamFindingsContent';

function finding(
  id: number,
  name: string,
  severity: 'error' | 'warning',
): StoredOwnerFinding {
  return mockStoredOwnerFinding(name, {
    id,
    type: severity === 'error' ? 'departedUser' : 'userOwner',
    severity,
    message: `Problem of ${name}`,
    suggestedOwner: 'group:default/logistics',
    team: 'group:default/logistics',
  });
}

function render(byTeam: Record<string, StoredOwnerFinding[]>) {
  const api = {
    listFindings: jest.fn(
      async ({ params }: { params: { query: { team: string } } }) => ({
        items: byTeam[params.query.team] ?? [],
        totalCount: (byTeam[params.query.team] ?? []).length,
        limit: 100,
        offset: 0,
      }),
    ),
  } as Partial<OwnerValidationClient> as OwnerValidationClient;
  return renderWithApis(<TeamFindingsContent />, [
    [ownerValidationApiRef, api],
    mockApis.identity({
      userEntityRef: 'user:default/anna',
      ownershipEntityRefs: ['user:default/anna', 'group:default/logistics'],
    }),
  ]);
}

describe('TeamFindingsContent', () => {
  it("lists the findings of the user's teams once each, errors first, with what to do", async () => {
    const shared = finding(1, 'shared', 'warning');
    await render({
      'user:default/anna': [shared],
      'group:default/logistics': [shared, finding(2, 'label-printer', 'error')],
    });
    expect(
      await screen.findByText('2 open, 1 of them errors.'),
    ).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringContaining('Problem of label-printer'),
      expect.stringContaining('Problem of shared'),
    ]);
    expect(items[0]).toHaveTextContent(
      "To do: Set spec.owner to 'group:default/logistics'.",
    );
  });

  it('says so when the teams have no open findings', async () => {
    await render({});
    expect(
      await screen.findByText(/^No open owner findings/),
    ).toBeInTheDocument();
  });
});
