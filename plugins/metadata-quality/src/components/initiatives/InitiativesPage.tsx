import { Content } from '@backstage/core-components';
import { useLocation } from 'react-router-dom';
import { InitiativeDetail } from './InitiativeDetail';
import { InitiativeList } from './InitiativeList';

/**
 * The Initiatives page: the list at its root, one initiative at `<root>/<id>`. The app mounts the
 * page without a route of its own for the id, so the id is read from the path.
 */
export const InitiativesPage = () => {
  const { pathname } = useLocation();
  const id = /\/initiatives\/(\d+)\/?$/.exec(pathname)?.[1];
  return (
    <Content>
      {id ? <InitiativeDetail id={Number(id)} /> : <InitiativeList />}
    </Content>
  );
};
