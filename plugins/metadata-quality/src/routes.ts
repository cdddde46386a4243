import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

/** The Quality page; the sidebar lists pages that have a route ref. */
export const rootRouteRef = createRouteRef();

/** The Initiatives page, below the Quality page (it has no route ref of its own: no sidebar item). */
export const initiativesRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/initiatives',
});

/** One initiative's page. */
export const initiativeRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/initiatives/:id',
});
