import {
  InfoCard,
  Link,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { Handover } from '@internal/plugin-catalog-fixes-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { ageOf } from '../ageOf';
import { catalogFixesApiRef, errorText } from '../api';
import { HandoverProgressLine, reasonText } from './HandoverProgressLine';

/** Where a handover is shown: below the Ownership page. */
export const HANDOVERS_PATH = '/ownership/handovers';

const columns: TableColumn<Handover>[] = [
  {
    title: 'Who',
    field: 'subjectRef',
    render: h => (
      <>
        <EntityRefLink entityRef={h.subjectRef} /> {reasonText(h)}
      </>
    ),
  },
  {
    title: 'Suggested teams',
    render: h =>
      h.teams.length
        ? h.teams.map((t, i) => (
            <span key={t}>
              {i > 0 ? ', ' : ''}
              <EntityRefLink entityRef={t} />
            </span>
          ))
        : 'none: pick one',
  },
  { title: 'Opened', field: 'createdAt', render: h => ageOf(h.createdAt) },
  { title: 'Progress', render: h => <HandoverProgressLine handover={h} /> },
  {
    title: '',
    render: h => (
      <Link to={`${HANDOVERS_PATH}/${h.id}`}>Open handover {h.id}</Link>
    ),
  },
];

/**
 * The open handovers of departed people's and emptied groups' entities, with their age and
 * progress; each links to its page, where a member of the suggested team accepts.
 */
export function HandoversCard() {
  const api = useApi(catalogFixesApiRef);
  const handovers = useAsync(
    () => api.listHandovers({ params: { query: { status: 'open' } } }),
    [api],
  );
  if (handovers.loading) return <Progress />;
  if (handovers.error) {
    return (
      <InfoCard title="Handovers">
        <Typography color="error" role="alert">
          {errorText(handovers.error)}
        </Typography>
      </InfoCard>
    );
  }
  const items = handovers.value?.items ?? [];
  if (items.length === 0) {
    return (
      <InfoCard title="Handovers">
        <Typography>
          No open handovers: nobody who left or group that emptied still owns
          entities.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <Table<Handover>
      title={`Handovers (${items.length})`}
      options={{ paging: items.length > 10, search: false, padding: 'dense' }}
      columns={columns}
      data={items}
    />
  );
}
