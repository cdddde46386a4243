import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SWRConfig } from 'swr';
import { metadataQualityApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { initiativesApi } from '../../__testUtils__/initiativeFixtures';
import { InitiativesPage } from './InitiativesPage';

// The form is a large tree to render and type into on a busy machine.
const mountedRoutes = {
  '/quality': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

function render(
  path: string,
  api = initiativesApi(),
  permission:
    | AuthorizeResult.ALLOW
    | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  // usePermission caches decisions in SWR's global cache: each test gets its own.
  return renderInTestApp(
    <SWRConfig value={{ provider: () => new Map() }}>
      <InitiativesPage />
    </SWRConfig>,
    {
      apis: [
        [metadataQualityApiRef, api],
        mockApis.permission({ authorize: permission }),
      ],
      mountedRoutes,
      initialRouteEntries: [path],
    },
  );
}

describe('InitiativesPage', () => {
  it('lists initiatives with days left and progress, linked to their pages', async () => {
    await render(
      '/quality/initiatives',
      initiativesApi(),
      AuthorizeResult.DENY,
    );
    const link = await screen.findByRole('link', { name: 'On-call links' });
    expect(link).toHaveAttribute('href', '/quality/initiatives/5');
    expect(screen.getByText('12 days left')).toBeInTheDocument();
    expect(screen.getByText('1 of 2 entities pass (50%)')).toBeInTheDocument();
    // Only admins may create one.
    expect(screen.queryByText('New initiative')).not.toBeInTheDocument();
  });

  it("lets an admin create one and opens the new initiative's page", async () => {
    const api = initiativesApi();
    await render('/quality/initiatives', api);
    await screen.findByLabelText('Title', undefined, { timeout: 5000 });
    expect(screen.getByText('New initiative')).toBeInTheDocument();
    const type = (label: string, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type('Title', 'On-call links');
    fireEvent.click(screen.getByLabelText('Has TechDocs'));
    type('Rule title', 'Has an on-call link');
    type('Link title or type', 'on-?call');
    type('Kinds', 'Component');
    type('Lifecycles', 'production, experimental');
    type('Start', '2026-01-01');
    type('Deadline', '2026-03-01');
    fireEvent.click(screen.getByRole('button', { name: 'Create initiative' }));
    await waitFor(() =>
      expect(api.createInitiative).toHaveBeenCalledWith({
        body: {
          title: 'On-call links',
          ruleIds: ['has-techdocs'],
          rules: [
            {
              id: 'has-an-on-call-link',
              title: 'Has an on-call link',
              check: { type: 'linkPresent', match: 'on-?call' },
            },
          ],
          target: {
            kinds: ['Component'],
            lifecycles: ['production', 'experimental'],
          },
          startsAt: '2026-01-01',
          deadline: '2026-03-01',
        },
      }),
    );
    expect(
      await screen.findByText('Progress over time', undefined, {
        timeout: 5000,
      }),
    ).toBeInTheDocument();
    expect(api.getInitiative).toHaveBeenCalledWith({
      params: { path: { id: 5 } },
    });
  }, 20_000);

  it("shows the server's answer to a bad initiative", async () => {
    const api = initiativesApi({
      createInitiative: jest.fn(async () => {
        throw new Error("Invalid field 'deadline': must be after 'startsAt'");
      }),
    });
    await render('/quality/initiatives', api);
    fireEvent.change(
      await screen.findByLabelText('Title', undefined, { timeout: 5000 }),
      {
        target: { value: 'Docs' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create initiative' }));
    expect(
      await screen.findByText(
        "Invalid field 'deadline': must be after 'startsAt'",
      ),
    ).toBeInTheDocument();
  });

  it("shows an initiative's progress over time, per team, and the entities still failing", async () => {
    const api = initiativesApi();
    await render('/quality/initiatives/5', api);
    expect(
      await screen.findByText('1 of 2 entities pass (50%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2026-01-01 to 2026-03-01: 12 days left'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Rules: Has TechDocs, Has an on-call link'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: 'Share of all entities passing On-call links over time, in percent',
      }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('50').length).toBeGreaterThan(0);
    // Teams, most failing first, and the failing entity with its owner, linked to their pages.
    expect(
      screen.getAllByRole('link', { name: 'Web Team' })[0],
    ).toHaveAttribute('href', '/catalog/default/group/web');
    expect(screen.getByText('0 of 1 entity passes (0%)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Storefront' })).toHaveAttribute(
      'href',
      '/catalog/default/component/storefront',
    );
    expect(
      screen.getByText('Has TechDocs, Has an on-call link'),
    ).toBeInTheDocument();
    expect(api.getInitiative).toHaveBeenCalledWith({
      params: { path: { id: 5 } },
    });
    expect(
      screen.getByRole('link', { name: 'All initiatives' }),
    ).toHaveAttribute('href', '/quality/initiatives');
  });
});
