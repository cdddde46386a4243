import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  InitiativeEntity,
  InitiativeTeam,
} from '@internal/plugin-metadata-quality-common';
import { progressText } from './progress';

// Words wrap between words, never inside one.
const wrapWords = { overflowWrap: 'normal', wordBreak: 'normal' } as const;

const owner = (ownerRef?: string, title?: string) =>
  ownerRef ? (
    <EntityRefLink entityRef={ownerRef} defaultKind="group" title={title} />
  ) : (
    'No owner'
  );

/** Progress per team, most failing entities first. */
export const InitiativeTeamsTable = ({
  teams,
}: {
  teams: InitiativeTeam[];
}) => {
  const columns: TableColumn<InitiativeTeam>[] = [
    { title: 'Team', render: t => owner(t.ownerRef, t.title) },
    { title: 'Progress', render: t => progressText(t) },
    { title: 'Still failing', render: t => t.targeted - t.passing },
  ];
  return (
    <Table
      title="Teams"
      options={{ paging: false, search: false }}
      columns={columns}
      data={teams}
    />
  );
};

/** The entities still failing, with their owners and the rules they fail. */
export const InitiativeFailingTable = ({
  items,
  totalItems,
  ruleTitles,
}: {
  items: InitiativeEntity[];
  totalItems: number;
  ruleTitles: Map<string, string>;
}) => {
  const columns: TableColumn<InitiativeEntity>[] = [
    {
      title: 'Entity',
      cellStyle: wrapWords,
      render: e => (
        <EntityRefLink entityRef={e.entityRef} title={e.title ?? e.name} />
      ),
    },
    { title: 'Owner', cellStyle: wrapWords, render: e => owner(e.ownerRef) },
    {
      title: 'Failing rules',
      cellStyle: wrapWords,
      render: e =>
        e.failingRules.map(id => ruleTitles.get(id) ?? id).join(', '),
    },
  ];
  return (
    <Table
      title="Still failing"
      subtitle={
        totalItems > items.length
          ? `The first ${items.length} of ${totalItems}, by owner`
          : `${totalItems} ${
              totalItems === 1 ? 'entity' : 'entities'
            }, by owner`
      }
      options={{ paging: items.length > 20, pageSize: 20, search: false }}
      columns={columns}
      data={items}
    />
  );
};
