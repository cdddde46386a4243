import { Entity } from '@backstage/catalog-model';
import {
  renderInTestApp,
  TestAppOptions,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { StoredOwnerFinding } from '@internal/plugin-owner-validation-common';

/** A component of the default namespace owned by `owner`, as the catalog serves it. */
export function ownedComponent(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner },
  };
}

/** A stored finding of component `name`: by default its owner has left, payments may take over. */
export function storedFinding(
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

/** Renders `element` in a test app with `apis`, where links to entities resolve. */
export function renderWithApis(
  element: JSX.Element,
  apis: TestAppOptions['apis'],
) {
  return renderInTestApp(element, {
    apis,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}
