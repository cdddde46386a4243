import { Content } from '@backstage/core-components';
import {
  HandoverDetail,
  HandoversCard,
} from '@internal/plugin-catalog-fixes-react';
import { useLocation } from 'react-router-dom';

/**
 * The handovers below the Ownership page: the open ones at its root, one at `<root>/<id>` (the
 * link the suggested team's notification carries). The id is read from the path, as the app
 * mounts the page without a route of its own for it.
 */
export const HandoversPage = () => {
  const { pathname } = useLocation();
  const id = /\/handovers\/(\d+)\/?$/.exec(pathname)?.[1];
  return (
    <Content>
      {id ? <HandoverDetail id={Number(id)} /> : <HandoversCard />}
    </Content>
  );
};
