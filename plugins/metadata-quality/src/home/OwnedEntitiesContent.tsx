import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { EntityScore } from '@internal/plugin-metadata-quality-common';
import { Typography } from '@material-ui/core';
import { LevelChip } from '../components/LevelChip';
import { WithOwnedScores } from './OwnedState';

const PAGE_SIZE = 10;

const columns: TableColumn<EntityScore>[] = [
  {
    title: 'Entity',
    field: 'name',
    render: e => <EntityRefLink entityRef={e.entityRef} title={e.title} />,
  },
  { title: 'Kind', field: 'kind' },
  {
    title: 'Owner',
    field: 'ownerRef',
    render: e =>
      e.ownerRef ? (
        <EntityRefLink entityRef={e.ownerRef} defaultKind="group" />
      ) : (
        '-'
      ),
  },
  {
    title: 'Level',
    field: 'level',
    render: e => <LevelChip level={e.level} />,
  },
  { title: 'Score', field: 'score', type: 'numeric' },
  {
    title: 'Failing rules',
    field: 'failingRules',
    type: 'numeric',
    render: e => e.failingRules.length,
  },
];

/** Every entity the user or their teams own, with its level and score, lowest first. */
export function OwnedEntitiesContent() {
  return (
    <WithOwnedScores>
      {({ items, truncated }) => (
        <>
          <Table
            options={{
              paging: items.length > PAGE_SIZE,
              pageSize: PAGE_SIZE,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns}
            data={items}
          />
          {truncated ? (
            <Typography variant="body2" color="textSecondary">
              Only the lowest 500 scores per owner are listed; the Quality page
              has all of them.
            </Typography>
          ) : null}
        </>
      )}
    </WithOwnedScores>
  );
}
