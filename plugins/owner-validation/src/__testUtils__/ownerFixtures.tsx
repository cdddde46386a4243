import { Entity } from '@backstage/catalog-model';
import {
  renderInTestApp,
  TestAppOptions,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/** A component of the default namespace owned by `owner`, as the catalog serves it. */
export function ownedComponent(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner },
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
